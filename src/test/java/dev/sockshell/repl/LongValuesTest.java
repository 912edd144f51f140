package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.ShellRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long result shows its start and its end and how many bytes were left out between (70 KB
 * received filled 580 lines); {@code /set truncation all} shows every byte; {@code $N} keeps them
 * all whatever is shown.
 */
class LongValuesTest {
  private static final int SIZE = 2000;

  @TempDir Path dir;

  @Test
  void aLongResultShowsItsStartAndEndInEveryDisplayAndKeepsEveryByte() throws Exception {
    byte[] bytes = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      bytes[i] = (byte) i;
    }
    Path file = Files.write(dir.resolve("data.bin"), bytes);
    ByteString all = ByteString.wrap(bytes);
    String head = all.substring(0, 512).toString();
    String tail = all.substring(SIZE - 256, SIZE).toString();
    try (ShellRun run = new ShellRun()) {
      run.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\nsocket cli\nconnect cli srv\n"
              + "accept srv conn\nsendall cli @\""
              + file
              + "\"\nrecv conn --exact 2000\n"
              + "send conn $2\nrecv cli --exact 2000\nexpect $2\n"
              + "/set display hex\nsend cli $2\nrecv conn --exact 2000\n"
              + "/set truncation all\n/set display repr\nsend cli $2\nrecv conn --exact 2000\n");
      List<String> lines = run.out().lines().toList();

      List<Integer> recvs =
          IntStream.range(0, lines.size())
              .filter(i -> lines.get(i).equals("sockshell> recv conn --exact 2000"))
              .boxed()
              .toList();
      assertEquals(3, recvs.size(), run.out());
      int repr = recvs.get(0);
      assertEquals("$2 ==> " + head + " … 1232 bytes left out … " + tail, lines.get(repr + 1));
      assertEquals(
          "|  $2 keeps every byte; /set truncation all shows them all", lines.get(repr + 2));
      // $2 is every byte: sent back whole, and the same bytes come back.
      assertTrue(lines.contains("$3 ==> 2000"), run.out());
      assertTrue(lines.contains("|  ok"), run.out());

      int hex = recvs.get(1);
      assertEquals("$6 ==> 2000 bytes", lines.get(hex + 1));
      assertEquals(
          "  0000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|",
          lines.get(hex + 2));
      assertTrue(lines.get(hex + 33).startsWith("  01f0  f0 f1 "), lines.get(hex + 33));
      assertEquals("  … 1232 bytes left out …", lines.get(hex + 34));
      assertTrue(lines.get(hex + 35).startsWith("  06d0  d0 d1 "), lines.get(hex + 35));
      assertTrue(lines.get(hex + 50).startsWith("  07c0  c0 c1 "), lines.get(hex + 50));
      assertEquals(
          "|  $6 keeps every byte; /set truncation all shows them all", lines.get(hex + 51));

      int whole = recvs.get(2);
      assertEquals("$8 ==> " + all, lines.get(whole + 1));
    }
  }

  @Test
  void theTextDisplayIsShortenedTheSameWay() throws Exception {
    Path file = Files.writeString(dir.resolve("text.txt"), "ab".repeat(SIZE / 2));
    try (ShellRun run = new ShellRun()) {
      run.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\nsocket cli\nconnect cli srv\n"
              + "accept srv conn\n/set display text\nsendall cli @\""
              + file
              + "\"\nrecv conn --exact 2000\n");
      assertTrue(
          run.out()
              .contains(
                  "$2 ==> '"
                      + "ab".repeat(256)
                      + "' … 1232 bytes left out … '"
                      + "ab".repeat(128)
                      + "'\n"),
          run.out());
    }
  }
}
