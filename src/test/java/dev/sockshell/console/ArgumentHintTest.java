package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.commands.CommandTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faint hint after the cursor: the arguments still to come. */
class ArgumentHintTest {
  @TempDir Path dir;

  private static final CommandTable TABLE = CommandTable.standard();

  @Test
  void theHintIsTheArgumentsStillToCome() {
    assertEquals("ADDR", hint("bind srv "));
    assertEquals(" ADDR", hint("bind sr"));
    assertEquals("[BACKLOG]", hint("listen srv "));
    assertEquals("[FAMILY] [TYPE]", hint("socket s "));
    assertEquals("[TYPE]", hint("socket s AF_INET "));
    assertEquals("OPTION VALUE", hint("setsockopt s SOL_SOCKET "));
    assertEquals("NAME", hint("expect error "));
    assertEquals("", hint("bind srv localhost:0"));
    assertEquals("", hint("frobnicate "));
  }

  @Test
  void theHintFollowsTheBinderWhereverTheOptionsStand() {
    assertEquals("len32", hint("send cli --frame "));
    assertEquals("DATA", hint("send cli --frame len32 "));
    assertEquals("", hint("send cli --frame len32 \"hello\" "));
    assertEquals("", hint("send cli \"x\" --frame len32 "));
    assertEquals("", hint("send cli hello world ")); // nothing fits after a word too many
    assertEquals("N", hint("serve srv --reply \"x\" --max "));
    assertEquals("DELIM", hint("recv cli --until "));
    assertEquals("SECONDS", hint("repeat 3 --every "));
    assertEquals("send|close|reset [DATA]", hint("on srv connect "));
    assertEquals("", hint("select srv none ")); // the TIMEOUT comes last
    assertEquals("DATA", hint("expect contains "));
    assertEquals(
        "VALUE | contains DATA | matches /REGEX/ | eof | timeout | error NAME", hint("break if "));
    assertEquals(" OPTION VALUE", hint("setsockopt srv SOL_SOC"));
  }

  @Test
  void aFewChoicesAreSpelledOut() {
    assertEquals("SHUT_RD|SHUT_WR|SHUT_RDWR", hint("shutdown cli "));
    assertEquals("True|False", hint("setblocking cli "));
  }

  @Test
  void beforeTheFirstArgumentItAlsoSaysWhatTheCommandDoes() {
    String summary = TABLE.find("bind").orElseThrow().summary();
    assertEquals("NAME ADDR  — " + summary, hint("bind "));
    assertEquals(" NAME ADDR  — " + summary, hint("bind"));
  }

  @Test
  void noHintInsideAnUnfinishedStringOrAComment() {
    assertEquals("", hint("send cli \"abc"));
    assertEquals("", hint("send cli # later"));
  }

  @Test
  void jlineShowsTheHintRightAfterTheLineAsTyped() throws IOException {
    try (TestSession session = new TestSession(dir);
        Terminal terminal =
            new DumbTerminal(
                "test",
                "xterm-256color",
                new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
      LineReader reader = Console.reader(terminal, session.shell, false, null);
      assertEquals("bind sr ADDR", displayed(reader, "bind sr"));
      assertEquals("bind srv ADDR", displayed(reader, "bind srv "));
      assertEquals("sendto cli my-da ADDR", displayed(reader, "sendto cli my-da"));
      assertEquals("socket a-b [FAMILY] [TYPE]", displayed(reader, "socket a-b"));
      assertEquals("listen srv [BACKLOG]", displayed(reader, "listen srv"));
      assertEquals(
          "recv conn 10 [--exact N | --until DELIM | --frame len32]",
          displayed(reader, "recv conn 10"));
    }
  }

  /** What JLine draws for this buffer with the cursor at its end: the line and the tail tip. */
  private static String displayed(LineReader reader, String buffer) {
    reader.getBuffer().clear();
    reader.getBuffer().write(buffer);
    LineReaderImpl impl = (LineReaderImpl) reader;
    // JLine shows suggestions from its second redisplay of a line on; draw twice as it does.
    impl.getDisplayedBufferWithPrompts(new ArrayList<>());
    return impl.getDisplayedBufferWithPrompts(new ArrayList<>()).toString();
  }

  private static String hint(String buffer) {
    return ArgumentHint.text(buffer, TypedLine.read(buffer, TABLE));
  }
}
