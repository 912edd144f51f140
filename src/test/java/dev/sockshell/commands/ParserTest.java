package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Family;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SockType;
import dev.sockshell.net.Timeout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole command lines: every form of the language, and what a malformed line gets. */
class ParserTest {
  private static final String RECV =
      "recv NAME [BUFSIZE] [--exact N | --until DELIM | --frame len32]";
  private static final String SEND = "send NAME DATA [--frame len32]";
  private static final String EXPECT =
      "expect VALUE | contains DATA | matches /REGEX/ | eof | timeout | error NAME";

  private final CommandTable table = CommandTable.standard();

  private Command parse(String line) throws UsageError {
    return table.parse(line).command();
  }

  @Test
  void linesThatAreNoCommandAreRefusedInTheSessionsLanguage() {
    Text.use(Lang.ZH);
    try {
      assertEquals("空行", assertThrows(UsageError.class, () -> parse("  ")).getMessage());
      assertEquals(
          "只有块（repeat … end）可以跨多行",
          assertThrows(UsageError.class, () -> parse("socket a\nsocket b")).getMessage());
      assertEquals(
          "块结束之后，同一段里不能再有别的行",
          assertThrows(UsageError.class, () -> parse("repeat 2\n  sleep 0\nend\nsocket b"))
              .getMessage());
    } finally {
      Text.useEnvironment();
    }
    assertEquals(
        "only a block (repeat … end) spans several lines",
        assertThrows(UsageError.class, () -> parse("socket a\nsocket b")).getMessage());
  }

  @Test
  void socketDefaultsLikePythonAndTakesConstantsInAnyOrderAndSpelling() throws UsageError {
    assertEquals(new Command.Socket("s", Family.AF_INET, SockType.SOCK_STREAM), parse("socket s"));
    assertEquals(
        new Command.Socket("u", Family.AF_INET6, SockType.SOCK_DGRAM),
        parse("socket u SOCK_DGRAM socket.AF_INET6"));
    assertEquals(
        new Command.Socket("x", Family.AF_UNIX, SockType.SOCK_STREAM), parse("socket x af_unix"));
  }

  @Test
  void setsockoptTakesThePythonFormWithLevelOrTheShortForm() throws UsageError {
    Command expected = new Command.SetSockOpt("s", SockOpt.SO_REUSEADDR, new OptionValue.Int(1));
    assertEquals(expected, parse("setsockopt s SO_REUSEADDR 1"));
    assertEquals(expected, parse("setsockopt s SOL_SOCKET SO_REUSEADDR 1"));
    assertEquals(expected, parse("setsockopt s socket.SOL_SOCKET socket.SO_REUSEADDR True"));
  }

  @Test
  void optionalArgumentsHavePythonDefaults() throws UsageError {
    assertEquals(new Command.Listen("s", null), parse("listen s"));
    assertEquals(new Command.Recv("c", 1024), parse("recv c"));
    assertEquals(new Command.Accept("s", null), parse("accept s"));
    assertEquals(new Command.Accept("s", "conn"), parse("accept s conn"));
  }

  @Test
  void timeoutsAndShutdown() throws UsageError {
    assertEquals(new Command.SetTimeout("s", Timeout.BLOCKING), parse("settimeout s none"));
    assertEquals(new Command.SetTimeout("s", Timeout.seconds(2.5)), parse("settimeout s 2.5"));
    assertEquals(new Command.SetTimeout("s", Timeout.NON_BLOCKING), parse("settimeout s 0"));
    assertEquals(new Command.SetBlocking("s", false), parse("setblocking s False"));
    assertEquals(new Command.Shutdown("s", ShutdownHow.SHUT_WR), parse("shutdown s SHUT_WR"));
  }

  @Test
  void commentsAndAliases() throws UsageError {
    assertEquals(new Command.Close("s"), parse("close s   # done"));
    assertEquals(new Command.Exit(), parse("quit"));
    assertEquals(new Command.Help("bind"), parse("help bind"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ~ ",
      quoteCharacter = '`',
      value = {
        "bnd s x ~ unknown command 'bnd'; did you mean bind? ~ 0 ~ ",
        "bind srv localhost:70000 ~ port must be 0..65535, got 70000 ~ 19 ~ bind NAME ADDR",
        "bind srv ~ missing ADDR (HOST:PORT, ('host', port) or a socket name) ~ 8 ~ bind NAME ADDR",
        "recv c -5 ~ BUFSIZE must be 0..2147483639, got -5 ~ 7 ~ " + RECV,
        "recv c lots ~ BUFSIZE must be a whole number, got 'lots' ~ 7 ~ " + RECV,
        "recv c --exact 3 5 ~ --exact N already says how many bytes to receive; leave out BUFSIZE"
            + " ~ 17 ~ "
            + RECV,
        "recv c --exect 3 ~ unknown option '--exect'; did you mean --exact? ~ 7 ~ " + RECV,
        "recv c --exact 1 --frame len32 ~ give only one of --exact, --until and --frame ~ 17 ~ "
            + RECV,
        "recv c --frame len16 ~ --frame knows len32 (a 4-byte big-endian length, then the bytes),"
            + " got 'len16' ~ 15 ~ "
            + RECV,
        "recv c --until \"\" ~ the delimiter must not be empty ~ 15 ~ " + RECV,
        "recv c --exact ~ missing N (--exact) ~ 14 ~ " + RECV,
        "send c hello world ~ unexpected argument 'world'; DATA is one argument: quote text with"
            + " spaces, \"hello world\" ~ 13 ~ "
            + SEND,
        "send c hello --frame ~ missing the frame format after --frame: len32 ~ 20 ~ " + SEND,
        "send c hello --framed len32 ~ unknown option '--framed'; did you mean --frame? ~ 13 ~ "
            + SEND,
        "socket 9x ~ '9x' is not a socket name: use a letter, then letters, digits or _ (ASCII) ~ 7 ~ "
            + "socket NAME [FAMILY] [TYPE]",
        "socket 服务器 ~ '服务器' is not a socket name: use a letter, then letters, digits or _ (ASCII)"
            + " ~ 7 ~ socket NAME [FAMILY] [TYPE]",
        "socket AF_INET ~ 'AF_INET' is a constant, not a socket name ~ 7 ~ socket NAME [FAMILY] [TYPE]",
        "socket s AF_INTE ~ FAMILY or TYPE must be one of AF_UNIX, AF_INET, AF_INET6, SOCK_STREAM,"
            + " SOCK_DGRAM, got 'AF_INTE'; did you mean AF_INET? ~ 9 ~ socket NAME [FAMILY] [TYPE]",
        "setsockopt s SOL_SOCKET TCP_NODELAY 1 ~ TCP_NODELAY is an IPPROTO_TCP option, not"
            + " SOL_SOCKET ~ 13 ~ setsockopt NAME [LEVEL] OPTION VALUE",
        "settimeout s soon ~ SECONDS (or none) must be a number of seconds such as 2 or 0.5, got 'soon' ~ 13 ~ "
            + "settimeout NAME SECONDS|none",
        "expect error ECONREFUSED ~ 'ECONREFUSED' is neither a Python exception class nor an errno"
            + " symbol; did you mean ECONNREFUSED? ~ 13 ~ "
            + EXPECT,
        "expect matches hello ~ write the regular expression between slashes: /hello/ ~ 15 ~ "
            + EXPECT,
        "expect matches /abc ~ the regular expression needs a closing / ~ 15 ~ " + EXPECT,
        "expect matches /hello/i ~ no flags after the closing /; put them inside, as Python does:"
            + " /(?i)hello/ ~ 22 ~ "
            + EXPECT,
        "expect matches /a(b/ ~ bad regular expression: Unclosed group ~ 19 ~ " + EXPECT,
        "expect eof now ~ unexpected argument 'now' ~ 11 ~ " + EXPECT,
        "sleep soon ~ SECONDS must be a number of seconds such as 2 or 0.5, got 'soon' ~ 6 ~ sleep SECONDS",
        "unlink ./a.sock --force ~ unexpected argument '--force'; the only option is --missing-ok"
            + " ~ 16 ~ unlink PATH [--missing-ok]",
        "unlink --missing-ok ~ missing PATH before --missing-ok ~ 7 ~ unlink PATH [--missing-ok]",
        "recv c --exact=5 ~ write --exact 5, with a space, not '=' ~ 7 ~ " + RECV,
      })
  void malformedLinesSayWhatAndWhereWithTheUsage(
      String line, String message, int column, String usage) {
    UsageError e = assertThrows(UsageError.class, () -> parse(line));
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
    assertEquals(usage, e.usage());
  }

  @Test
  void recvTakesOneFramingOptionBeforeOrAfterBufsize() throws UsageError {
    assertEquals(
        new Command.Recv("c", 10, new Command.Framing.Exact(10)), parse("recv c --exact 10"));
    assertEquals(
        new Command.Recv(
            "c", Recv.MAX_BUFSIZE, new Command.Framing.Until(new DataExpr.Text("\n", "\"\\n\""))),
        parse("recv c --until \"\\n\""));
    assertEquals(
        new Command.Recv(
            "c",
            100,
            new Command.Framing.Until(new DataExpr.Bytes(ByteString.utf8("\r\n"), "b'\\r\\n'"))),
        parse("recv c --until b'\\r\\n' 100"));
    assertEquals(
        new Command.Recv("c", Recv.DEFAULT_MAX_FRAME, new Command.Framing.Len32()),
        parse("recv c --frame len32"));
    assertEquals(
        new Command.Recv("c", 64, new Command.Framing.Len32()), parse("recv c 64 --frame len32"));
  }

  @Test
  void sendTakesAFrameOption() throws UsageError {
    assertEquals(
        new Command.Send("c", new DataExpr.Text("hi", "hi"), true),
        parse("send c hi --frame len32"));
    assertEquals(new Command.Send("c", new DataExpr.Text("hi", "hi")), parse("send c hi"));
  }

  @Test
  void expectFormsAndScriptHelpers() throws UsageError {
    assertEquals(new Command.ExpectError("TimeoutError"), parse("expect timeout"));
    assertEquals(new Command.ExpectEof(), parse("expect eof  # the peer closed"));
    assertEquals(
        new Command.ExpectContains(new DataExpr.Text("x y", "\"x y\"")),
        parse("expect contains \"x y\""));
    // The regex is the raw rest of the line: quotes, brackets and '#' need no escaping,
    // and a comment may follow the closing slash.
    Command.ExpectMatches m =
        (Command.ExpectMatches) parse("expect matches /('a', \\d+) #1/  # a comment");
    assertEquals("('a', \\d+) #1", m.source());
    // A bytes value that looks like a form is written as a literal.
    assertEquals(
        new Command.Expect(
            new dev.sockshell.lang.Literal.Bytes(ByteString.utf8("eof"), 7, 13), "b'eof'"),
        parse("expect b'eof'"));
    assertEquals(new Command.Sleep(0.5), parse("sleep 0.5"));
    assertEquals(new Command.Unlink("./a.sock", true), parse("unlink ./a.sock --missing-ok"));
    assertEquals(new Command.Unlink("a.sock", false), parse("unlink \"a.sock\""));
  }

  @Test
  void everyHelpExampleParsesAsItsOwnCommand() throws UsageError {
    for (CommandSpec<?> spec : table.all()) {
      // end closes a block: its example is the block, which parses as the repeat that opens it.
      String expected = spec.name().equals("end") ? "repeat" : spec.name();
      assertEquals(expected, table.parse(spec.example()).spec().name(), spec.name());
    }
  }

  @Test
  void theBinderRecordsTheParameterEachWordFillsWhereverItStands() throws UsageError {
    assertEquals(
        List.of("cli:NAME", "--frame:--frame len32", "len32:len32", "\"hello\":DATA"),
        boundTo("send cli --frame len32 \"hello\""));
    assertEquals(
        List.of(
            "srv:NAME",
            "--reply:--echo | --reply DATA | --rules",
            "\"x\":DATA",
            "--max:--max N",
            "3:N"),
        boundTo("serve srv --reply \"x\" --max 3"));
    assertEquals(
        List.of("s:NAME", "SOL_SOCKET:LEVEL", "SO_REUSEADDR:OPTION", "1:VALUE"),
        boundTo("setsockopt s SOL_SOCKET SO_REUSEADDR 1"));
    assertEquals(List.of("s:NAME", "SO_REUSEADDR:OPTION"), boundTo("getsockopt s SO_REUSEADDR"));
    assertEquals(
        List.of("srv:READ...", "--:--", "cli:WRITE...", "0.5:TIMEOUT"),
        boundTo("select srv -- cli 0.5"));
    assertEquals(
        List.of(
            "if:if CONDITION",
            "('127.0.0.1', $1[1]):"
                + "VALUE | contains DATA | matches"
                + " /REGEX/ | eof | timeout | error NAME"),
        boundTo("break if ('127.0.0.1', $1[1])"));
  }

  /** Each word of {@code line} with the name of the parameter its binder read it for. */
  private List<String> boundTo(String line) throws UsageError {
    return table.parse(line).bound().stream()
        .map(b -> b.token().text() + ":" + b.param().name())
        .toList();
  }
}
