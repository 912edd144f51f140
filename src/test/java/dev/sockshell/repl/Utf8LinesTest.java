package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A script's lines, read in blocks: every way a line can end, wherever a block ends. */
class Utf8LinesTest {
  /** The lines of {@code bytes}, handed over {@code chunk} bytes per read, as a pipe may. */
  private static List<String> lines(byte[] bytes, int chunk) throws IOException {
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    Utf8Lines lines = new Utf8Lines(in);
    List<String> read = new ArrayList<>();
    for (String line = lines.next(1); line != null; line = lines.next(read.size() + 1)) {
      read.add(line);
    }
    return read;
  }

  @Test
  void linesEndAtNewlineCarriageReturnOrBothWhereverTheReadsSplitThem() throws IOException {
    String longLine = "x".repeat(20_000); // longer than the block read at once
    String text =
        "socket s\r\n\nsend s '你好'\rrecv s\r\r\n" + longLine + "\n" + longLine + "é\nlast";
    List<String> expected =
        List.of("socket s", "", "send s '你好'", "recv s", "", longLine, longLine + "é", "last");
    for (int chunk : new int[] {1, 2, 3, 7, 8192, 1 << 20}) {
      assertEquals(expected, lines(text.getBytes(StandardCharsets.UTF_8), chunk), "chunk " + chunk);
    }
  }

  @Test
  void aLineThatIsNotUtf8SaysWhereAndTheNextLineStillReads() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xc4, (byte) 0xe3, '\n', 'b', '\n'};
    Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(bytes));
    assertEquals("ok", lines.next(1));
    Utf8Lines.NotUtf8 e = assertThrows(Utf8Lines.NotUtf8.class, () -> lines.next(2));
    assertEquals(2, e.line());
    assertEquals(
        "not UTF-8 text (byte 0xc4 at column 2); save the script as UTF-8", e.getMessage());
    assertEquals("b", lines.next(3));
    assertEquals(null, lines.next(4));
  }
}
