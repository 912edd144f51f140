package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.render.Style;
import java.nio.file.Path;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line being typed, coloured token by token as the parser will read it. */
class HighlightingTest {
  @TempDir Path dir;
  private TestSession session;

  @BeforeEach
  void setUp() {
    session = new TestSession(dir).run("socket srv", "socket cli");
  }

  @AfterEach
  void tearDown() {
    session.close();
  }

  @Test
  void commandsSocketsAndLiteralsEachGetTheirColour() {
    String line = "send cli b'hi\\r\\n'";
    assertStyle(line, "send", Style.COMMAND);
    assertStyle(line, "cli", Style.SOCKET);
    assertStyle(line, "b'hi", Style.STRING);
    assertStyle("send cli \"text\"", "\"text\"", Style.STRING);
    assertStyle("send cli $1", "$1", Style.VALUE_NAME);
  }

  @Test
  void addressesNumbersAndConstants() {
    assertStyle("connect cli localhost:9999", "localhost:9999", Style.ADDRESS);
    assertStyle("connect cli ('127.0.0.1', 9999)", "('127.0.0.1'", Style.ADDRESS);
    assertStyle("connect cli srv", "srv", Style.SOCKET);
    assertStyle("listen srv 5", "5", Style.NUMBER);
    assertStyle("socket u AF_INET SOCK_DGRAM", "AF_INET", Style.CONSTANT);
    assertStyle("socket u AF_INET SOCK_DGRAM", "SOCK_DGRAM", Style.CONSTANT);
    assertStyle("setsockopt srv socket.so_reuseaddr 1", "socket.so_reuseaddr", Style.CONSTANT);
    assertStyle("expect error ECONNREFUSED", "error", Style.COMMAND);
    assertStyle("expect error ECONNREFUSED", "ECONNREFUSED", Style.CONSTANT);
    assertStyle("settimeout srv none", "none", Style.CONSTANT);
    assertStyle("expect error econnrefused", "econnrefused", Style.CONSTANT);
    assertStyle("send cli 5", "5", Style.STRING); // a bare word of DATA is text
    assertStyle("expect 5", "5", Style.NUMBER);
  }

  @Test
  void setValuesAreCheckedAgainstTheirKeyAndAnyEncodingJavaHasIsRight() {
    assertStyle("/set feedback verbose", "verbose", Style.CONSTANT);
    assertStyle("/set feedback hex ", "hex", Style.ERROR);
    assertStyle("/set encoding KOI8-R", "KOI8-R", Style.CONSTANT);
    assertStyle("/set encoding latin-1", "latin-1", Style.CONSTANT);
    assertStyle("/set encoding klingon ", "klingon", Style.ERROR);
  }

  @Test
  void helpTakesACommandATopicAConstantOrAnErrorName() {
    assertStyle("/help bind", "bind", Style.COMMAND);
    assertStyle("/help addr", "addr", Style.COMMAND);
    assertStyle("/help SO_REUSEADDR", "SO_REUSEADDR", Style.COMMAND);
    assertStyle("/help ECONNREFUSED", "ECONNREFUSED", Style.COMMAND);
    assertStyle("/help nosuch ", "nosuch", Style.ERROR);
  }

  @Test
  void selectTakesAnyNumberOfSocketsOnEitherSideOfItsSeparator() {
    String line = "select srv cli -- cli 0.5";
    assertStyle(line, "srv", Style.SOCKET);
    assertStyle(line, "cli", Style.SOCKET);
    assertStyle(line, "--", Style.CONSTANT);
    assertStyle(line, "0.5", Style.NUMBER);
    assertStyle("select srv -- cli 0.5", "cli", Style.SOCKET);
    assertStyle("select srv -- cli nosuch ", "nosuch", Style.ERROR);
  }

  @Test
  void unknownNamesAndWrongArgumentsAreErrors() {
    assertStyle("recv nosuch ", "nosuch", Style.ERROR);
    assertStyle("frobnicate srv", "frobnicate", Style.ERROR);
    assertStyle("shutdown cli SHUT_SIDEWAYS", "SHUT_SIDEWAYS", Style.ERROR);
    assertStyle("listen srv many ", "many", Style.ERROR);
    assertStyle("close srv extra", "extra", Style.ERROR);
    assertStyle("bind srv localhost:70000 ", "localhost:70000", Style.ERROR);
    assertStyle("socket cli ", "cli", Style.ERROR); // already an open socket
    assertStyle("expect error ENOSUCH ", "ENOSUCH", Style.ERROR);
  }

  @Test
  void anOptionsValueIsColouredAsTheCommandReadsItAndIsRedOnlyWhenWrong() {
    String serve = "serve srv --reply \"x\" --max 3 ";
    assertStyle(serve, "\"x\"", Style.STRING);
    assertStyle(serve, "--max", Style.CONSTANT);
    assertStyle(serve, "3", Style.NUMBER);
    assertStyle("recv cli --exact 5 ", "5", Style.NUMBER);
    assertStyle("recv cli 10 --until \"\\n\" ", "\"\\n\"", Style.STRING);
    assertStyle("repeat 3 --every 0.5 ", "0.5", Style.NUMBER);
    assertStyle("sendfile cli f.txt 10 20 ", "20", Style.NUMBER);
    assertStyle("send cli \"x\" --frame len32 ", "len32", Style.CONSTANT);
    String zero = "serve srv --reply \"x\" --max 0 ";
    assertStyle(zero, zero.lastIndexOf('0'), "0", Style.ERROR);
    assertStyle("serve srv --reply \"x\" --mux 3 ", "--mux", Style.ERROR);
    assertStyle("recv cli --exact many ", "many", Style.ERROR);
    assertStyle("repeat 3 --every 0 ", 17, "0", Style.ERROR);
    assertStyle("send cli \"x\" --frame len64 ", "len64", Style.ERROR);
  }

  @Test
  void eachWordIsColouredAsTheBinderReadsItWhereverItStands() {
    // The option before DATA: by position --frame stood where DATA goes and len32 after it all.
    String frame = "send cli --frame len32 \"hello\"";
    assertStyle(frame, "--frame", Style.CONSTANT);
    assertStyle(frame, "len32", Style.CONSTANT);
    assertStyle(frame, "\"hello\"", Style.STRING);
    assertStyle("repeat forever ", "forever", Style.CONSTANT);
    assertStyle("select srv none ", "none", Style.CONSTANT); // the TIMEOUT, where READ... stood
    assertStyle("relay srv cli --hex ", "--hex", Style.ERROR); // --hex needs --trace
    assertStyle("setsockopt srv SO_LINGER 1 0 ", "0", Style.NUMBER);
    // Tuples and kept values are one word each, read as the ADDR or VALUE they stand for.
    assertStyle("connect cli ('127.0.0.1', $1[1])", "('127.0.0.1',", Style.ADDRESS);
    assertStyle("connect cli $1[1]", "$1[1]", Style.VALUE_NAME);
    assertStyle("break if ('127.0.0.1', $1[1])", "('127.0.0.1',", Style.ADDRESS);
    assertStyle("connect cli srv", "srv", Style.SOCKET); // a socket's name as its port
  }

  @Test
  void aWordTheBinderRejectsIsPlainWhileItMayStillBecomeWhatStandsThere() {
    // Not a level, so the binder reads it as the OPTION; typed on, it becomes a LEVEL.
    assertStyle("setsockopt srv SOL_SOC", "SOL_SOC", Style.PLAIN);
    assertStyle("setsockopt srv SOL_SOC ", "SOL_SOC", Style.ERROR);
    assertStyle("socket s AF_", "AF_", Style.PLAIN);
    // After a word the binder rejects, the words it never read are neither right nor wrong.
    assertStyle("serve srv --reply \"x\" --mux 3 ", "3", Style.PLAIN);
  }

  @Test
  void anUnterminatedStringIsAnErrorFromItsQuoteOn() {
    String line = "send cli \"hello wor";
    assertStyle(line, "cli", Style.SOCKET);
    assertStyle(line, "\"hello", Style.ERROR);
    assertStyle(line, "wor", Style.ERROR);
  }

  @Test
  void aWordStillBeingTypedIsNotRedWhileItCanStillBecomeRight() {
    assertStyle("sen", "sen", Style.PLAIN);
    assertStyle("recv sr", "sr", Style.PLAIN);
    assertStyle("shutdown cli SHUT_", "SHUT_", Style.PLAIN);
    assertStyle("recv zz", "zz", Style.ERROR); // no socket starts with zz
    assertStyle("recv sr ", "sr", Style.ERROR); // the word is finished
  }

  @Test
  void commentsAreDim() {
    assertStyle("close srv # done with it", "# done", Style.DIM);
  }

  @Test
  void withoutColourTheLineIsPlain() {
    AttributedString plain =
        new LineHighlighter(session.shell, false, false).highlight(null, "recv nosuch");
    assertEquals(AttributedStyle.DEFAULT, plain.styleAt(0));
    assertEquals(AttributedStyle.DEFAULT, plain.styleAt(6));
  }

  @Test
  void highlightingUsesTheSameColoursAsOutput() {
    AttributedString typed =
        new LineHighlighter(session.shell, true, false).highlight(null, "recv srv");
    assertEquals(Colors.attributes(Style.COMMAND), typed.styleAt(0));
    assertEquals(
        AttributedString.fromAnsi(Colors.paint(Style.SOCKET, "srv")).styleAt(0), typed.styleAt(5));
  }

  @Test
  void aBlockIsColouredLineByLineAndTheSocketsItsLinesCreateAreKnownBelowThem() {
    String block =
        "repeat 3\n  accept srv conn\n  recv conn 10\n  send nosuch x\n  break if eof\nend";
    assertStyle(block, "repeat", Style.COMMAND);
    assertStyle(block, "accept", Style.COMMAND);
    // Accepted a line up, where no socket has that name yet.
    assertStyle(block, block.indexOf("conn 10"), "conn", Style.SOCKET);
    assertStyle(block, "nosuch", Style.ERROR); // not the last line: no longer being typed
    assertStyle(block, "break", Style.COMMAND);
    assertStyle(block, "if", Style.CONSTANT);
    assertStyle(block, "end", Style.COMMAND);
  }

  private void assertStyle(String line, String word, Style expected) {
    assertStyle(line, line.indexOf(word), word, expected);
  }

  private void assertStyle(String line, int at, String word, Style expected) {
    AttributedString highlighted =
        new LineHighlighter(session.shell, true, false).highlight(null, line);
    for (int i = at; i < at + word.length(); i++) {
      assertEquals(
          Colors.attributes(expected),
          highlighted.styleAt(i),
          "'" + word + "' in '" + line + "' should be " + expected);
    }
  }
}
