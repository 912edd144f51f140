package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.Ports;
import dev.sockshell.testing.ScriptRun;
import dev.sockshell.testing.Transcripts;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /save} writes a console session as a script that replays to the same sockets and results,
 * whether run with {@code java -jar sockshell.jar FILE} or {@code /open FILE}. The session has what
 * makes a replay hard: a setting changed before a /reset, a failure that was expected, failures
 * that were not, a failed expectation, values used by later commands, and a command re-run with /N.
 */
class SaveReplayTest {
  private static final Path DIR = Path.of("src/test/resources/save");

  private static final String SESSION =
      """
      /set encoding GBK
      socket old
      /reset
      socket srv
      bind srv 127.0.0.1:0
      listen srv
      socket cli
      connect cli 127.0.0.1:1
      expect error ECONNREFUSED
      recv cli
      connect cli srv
      accept srv
      send cli "你好\\n"
      recv conn1
      expect "你好\\n"
      expect b'nope'
      send conn1 $3
      /set display hex
      recv cli
      /10
      recv conn1
      /list
      close cli
      recv conn1
      /history
      /save session.socks
      """;

  @TempDir Path dir;

  @Test
  void aSavedSessionReplaysToTheSameResults() throws Exception {
    String console = runInConsole(SESSION);
    Transcripts.assertMatches(DIR.resolve("console.out"), console);
    Path saved = dir.resolve("session.socks");
    Transcripts.assertMatches(
        DIR.resolve("session.socks"), Files.readString(saved, StandardCharsets.UTF_8));

    ScriptRun replay = ScriptRun.of(saved.toString());
    String replayed = replay.maskedOut().replace(saved.toString(), "session.socks");
    Transcripts.assertMatches(DIR.resolve("replay.out"), replayed);
    if (!Transcripts.updating()) {
      assertEquals(0, replay.status(), replayed);
      assertEquals(results(console), results(replayed));
    }
  }

  @Test
  void openReplaysASavedSessionInTheConsole() throws Exception {
    String console = runInConsole(SESSION);
    String opened = runInConsole("/open session.socks\n");
    assertEquals(results(console), results(opened));
  }

  @Test
  void portsTheOsChoseAreSavedAsTheirSocketsNames() throws Exception {
    // break if VALUE: the word after if is the VALUE, as the binder read it (not the word in the
    // spec's first position, which is the if).
    StringWriter text = new StringWriter();
    int srvPort;
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      shell.run(Typed.lines("socket srv\nbind srv 127.0.0.1:0\nlisten srv\nsocket cli\n"));
      int srv = port(shell, "srv");
      srvPort = srv;
      shell.run(Typed.lines("connect cli localhost:" + srv + "\n"));
      String cli = "('127.0.0.1', " + port(shell, "cli") + ")";
      shell.run(
          Typed.lines(
              "accept srv conn\nexpect (conn, "
                  + cli
                  + ")\nsend cli \"to :"
                  + srv
                  + "\"\ngetpeername conn\nexpect "
                  + cli
                  + "\nrepeat 2\n  getpeername conn\n  break if "
                  + cli
                  + "\nend\n/save ports.socks\n"));
    }
    Path saved = dir.resolve("ports.socks");
    String script = Files.readString(saved, StandardCharsets.UTF_8);
    assertEquals(
        List.of(
            "connect cli srv",
            "accept srv conn",
            "expect (conn, cli)",
            "send cli \"to :" + srvPort + "\"",
            "getpeername conn",
            "expect cli",
            "repeat 2",
            "  getpeername conn",
            "  break if cli",
            "end"),
        script.lines().filter(l -> !l.startsWith("#")).skip(4).toList(),
        script);
    ScriptRun replay = ScriptRun.of(saved.toString());
    assertEquals(0, replay.status(), replay.out());
  }

  @Test
  void aPortAPythonLineNamedIsSavedAsItsSocketsName() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      shell.run(
          Typed.lines(
              "import socket\nsrv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen()\n"
                  + "cli = socket.socket()\n"));
      int srv = port(shell, "srv");
      shell.run(Typed.lines("cli.connect(('127.0.0.1', " + srv + "))\n/save py.socks\n"));
    }
    List<String> script = Files.readAllLines(dir.resolve("py.socks"), StandardCharsets.UTF_8);
    assertTrue(script.contains("connect cli srv"), text + "\n" + script);
  }

  @Test
  void aLoopIsOneEntryOfHistoryAndIsSavedAsTheBlockItWas() throws Exception {
    String console =
        runInConsole(
            """
            socket srv
            bind srv 127.0.0.1:0
            listen srv
            socket cli
            connect cli srv
            accept srv conn
            repeat 2
              send cli b'hi'
              recv conn 2
              expect b'hi'
            end
            /history
            /save loop.socks
            """);
    assertTrue(
        console.contains(
            "  7  repeat 2\n       send cli b'hi'\n       recv conn 2\n       expect b'hi'\n     end\n"),
        console);
    Path saved = dir.resolve("loop.socks");
    List<String> script = Files.readAllLines(saved, StandardCharsets.UTF_8);
    assertEquals(
        List.of("repeat 2", "  send cli b'hi'", "  recv conn 2", "  expect b'hi'", "end"),
        script.subList(script.size() - 5, script.size()),
        script::toString);
    ScriptRun replay = ScriptRun.of(saved.toString());
    assertEquals(0, replay.status(), replay.out());
    assertEquals(results(console), results(replay.maskedOut()));
  }

  @Test
  void anAcceptWhoseClientCameFromOutsideTheSessionSaysTheReplayWaitsForOne() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      shell.run(Typed.lines("socket srv\nbind srv 127.0.0.1:0\nlisten srv\n"));
      try (Socket outside = new Socket(InetAddress.getLoopbackAddress(), port(shell, "srv"))) {
        assertTrue(outside.isConnected()); // a client no command of the session made
        shell.run(Typed.lines("accept srv conn\nclose conn\n/save server.socks\n"));
      }
    }
    Path saved = dir.resolve("server.socks");
    List<String> script = Files.readString(saved, StandardCharsets.UTF_8).lines().skip(3).toList();
    assertEquals(
        List.of(
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "# accept waits for a client, as the session's came from outside it: connect one, or"
                + " replay with --timeout SECONDS to give up",
            "accept srv conn",
            "close conn"),
        script);
    ScriptRun replay = ScriptRun.of("--timeout", "0.1", saved.toString());
    assertEquals(1, replay.status(), replay.out());
    assertTrue(replay.out().contains(saved + ":8: TimeoutError: timed out"), replay.out());
  }

  private static int port(Shell shell, String name) throws Exception {
    return ((SockAddress.Inet) shell.session().find(name).orElseThrow().localAddress()).port();
  }

  private String runInConsole(String lines) {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      shell.run(Typed.lines(lines));
    }
    // SEND-Q before the ports: its column is found where the header puts it.
    return Ports.mask(ScriptRun.sendQueuesMasked(text.toString()));
  }

  /**
   * The values and sockets the commands returned, in order, from the last /reset on: what must be
   * the same.
   */
  private static List<String> results(String output) {
    int reset = output.lastIndexOf("session reset");
    return output
        .substring(Math.max(0, reset))
        .lines()
        .filter(l -> l.matches("^(\\$\\d+|\\w+) ==> .*"))
        .toList();
  }
}
