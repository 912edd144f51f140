package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.Shell;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --transcript} of a console session: the session as it appeared, line for line. */
class ConsoleTranscriptTest {
  @TempDir Path dir;

  @Test
  void theTranscriptHasTheBannerTheEventsAndTheClosingLine() throws Exception {
    StringWriter transcript = new StringWriter();
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Shell shell = new Shell(new Session(), new TerminalOutput(t.terminal, false), dir);
      shell.setTranscript(new PlainOutput(transcript));
      ConsoleRun console = ConsoleRun.start(t, shell, null);
      t.await("sockshell> ");
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\rsocket cli\r");
      t.await("cli ==> socket");
      t.type("connect cli srv\r");
      t.await("|  event: srv has a connection waiting (accept srv)");
      t.type("/exit\r");
      console.awaitEnd();
    }
    List<String> lines =
        transcript.toString().lines().map(l -> l.replaceAll("\\b\\d{4,5}\\b", "<port>")).toList();
    assertEquals(
        List.of(
            lines.get(0), // the banner, whose version the test does not know
            "sockshell> socket srv",
            "srv ==> socket(AF_INET, SOCK_STREAM)",
            "sockshell> bind srv 127.0.0.1:0",
            "|  srv bound to ('127.0.0.1', <port>)",
            "sockshell> listen srv",
            "|  srv listening on ('127.0.0.1', <port>), backlog 128",
            "sockshell> socket cli",
            "cli ==> socket(AF_INET, SOCK_STREAM)",
            "sockshell> connect cli srv",
            "|  cli connected to ('127.0.0.1', <port>) from ('127.0.0.1', <port>)",
            "|  event: srv has a connection waiting (accept srv)",
            "sockshell> /exit",
            "|  closing srv, cli"),
        lines);
    assertEquals(true, lines.get(0).startsWith("sockshell "), lines.get(0));
  }

  @Test
  void underAChineseLocaleTheBannerIsChinese() throws Exception {
    StringWriter transcript = new StringWriter();
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Shell shell = new Shell(new Session(), new TerminalOutput(t.terminal, false), dir);
      shell.setTranscript(new PlainOutput(transcript));
      Text.use(Lang.ZH); // as LANG=zh_CN.UTF-8 would at start (Lang.fromEnvironment)
      ConsoleRun console = ConsoleRun.start(t, shell, null);
      t.await("sockshell> ");
      t.type("/set lang en\r");
      t.await("lang: en");
      t.type("/exit\r");
      console.awaitEnd();
    } finally {
      Text.use(Lang.EN);
    }
    List<String> lines = transcript.toString().lines().toList();
    assertEquals(true, lines.get(0).startsWith("sockshell "), lines.get(0));
    assertEquals(
        List.of(
            "| /help 列出所有命令，Tab 补全，Ctrl-D 退出",
            "sockshell> /set lang en",
            "|  lang: en (messages, /help, hints and events in English)",
            "sockshell> /exit"),
        List.of(
            lines.get(0).substring(lines.get(0).indexOf("| ")),
            lines.get(1),
            lines.get(2),
            lines.get(3)));
  }
}
