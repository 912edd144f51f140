package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Jar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /export FILE.py} round trips: a session ends by exporting itself, and python3 runs the
 * program to the same effect, its expectations as asserts that hold (python3 exits 0), and a real
 * peer receives the same bytes from the program as from the session.
 */
class ExportRoundTripIT {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Path PEER = Path.of("src/test/resources/export/line_peer.py");

  /** Two connections for a relay between a and b: a's peer is x, b's is y. */
  private static final String TWO_CONNECTIONS =
      String.join(
          "\n",
          "socket lx",
          "bind lx 127.0.0.1:0",
          "listen lx",
          "socket x",
          "connect x lx",
          "a, _ = lx.accept()",
          "socket ly",
          "bind ly 127.0.0.1:0",
          "listen ly",
          "socket y",
          "connect y ly",
          "b, _ = ly.accept()");

  @TempDir Path dir;

  @BeforeAll
  static void python() {
    assumeTrue(ExternalProgram.available(PYTHON, "--version"), PYTHON + " is not installed");
  }

  @Test
  void aSessionWithBothEndsExportsToAProgramWhoseAssertsHoldUnderPython3() throws Exception {
    Path program = dir.resolve("both_ends.py");
    String session =
        String.join(
            "\n",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "import socket",
            "c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
            "connect c srv",
            "conn, addr = srv.accept()",
            "send c \"hello\"",
            "recv conn 100",
            "expect b'hello'",
            "conn.sendall($3)",
            "recv c 5",
            "expect \"hello\"",
            "socket u AF_INET SOCK_DGRAM",
            "bind u localhost:0",
            "sendto u b'x' u",
            "recvfrom u 10",
            "expect (b'x', u)",
            "expect contains \"x\"",
            "settimeout c 0.2",
            "repeat 2",
            "  send c \"a\"",
            "  recv conn 1",
            "end",
            "recv c 10",
            "expect error TimeoutError",
            "socket z",
            "connect z srv",
            "close srv",
            "socket z2",
            "connect z2 127.0.0.1:1",
            "expect error ECONNREFUSED",
            "close c",
            "recv conn 10",
            "expect eof",
            "close conn",
            "/export " + program,
            "");
    Jar.Result run = Jar.run(session, "--keep-going");
    assertEquals(0, run.status(), run.out() + run.err());
    String text = Files.readString(program);
    // The checks are there, so the run below checks something.
    assertTrue(text.contains("assert _3 == b'hello'"), text);
    assertTrue(text.contains("except TimeoutError:"), text);
    assertTrue(text.contains("assert e.errno == errno.ECONNREFUSED"), text);
    assertPython3Prints("\n", program, text);
  }

  /**
   * Python lines are exported as they were typed, not as the calls they made: their prints, their
   * loops and their variables run again under python3, printing what the session printed; a line
   * that raised is inside a try that catches what it raised.
   */
  @Test
  void pythonLinesExportWithTheirPrintsAndLoops() throws Exception {
    Path program = dir.resolve("python_lines.py");
    String session =
        String.join(
            "\n",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "socket cli",
            "connect cli srv",
            "accept srv",
            "import socket",
            "total = 0",
            "for i in range(3):",
            "    cli.sendall(b'n%d;' % i)",
            "",
            "while total < 9:",
            "    total += len(conn1.recv(3))",
            "",
            "print('got', total, 'bytes')",
            "send cli b'abc'",
            "data = conn1.recv(10)",
            "print(data.decode().upper())",
            "d = socket.socket()",
            "d.connect(('127.0.0.1', 1))",
            "print('still here')",
            "/export " + program,
            "");
    Jar.Result run = Jar.run(session, "--keep-going");
    assertTrue(run.out().contains("got 9 bytes\n"), run.out());
    assertTrue(run.out().contains("ABC\n"), run.out());
    String text = Files.readString(program);
    assertTrue(text.contains("for i in range(3):\n    cli.sendall(b'n%d;' % i)\n"), text);
    assertTrue(text.contains("except ConnectionRefusedError:"), text);
    assertTrue(text.contains("conn1, addr = srv.accept()"), text);
    assertPython3Prints("got 9 bytes\nABC\nstill here\n", program, text);
  }

  @Test
  void anExportedClientSendsAPeerWhatTheSessionSent() throws Exception {
    String fromSession;
    String port;
    Path program = dir.resolve("client.py");
    try (ExternalProgram peer = ExternalProgram.start(PYTHON, "-u", PEER.toString(), "0")) {
      port = peer.await(Pattern.compile("^port (\\d+)"));
      String session =
          String.join(
              "\n",
              "socket cli",
              "connect cli 127.0.0.1:" + port,
              "sendall cli \"你好 hello\\n\"",
              "recv cli 100",
              "expect \"你好 HELLO\\n\"",
              "cli.sendall(b'bye\\x00')",
              "shutdown cli SHUT_WR",
              "recv cli 100",
              "expect eof",
              "close cli",
              "/export " + program,
              "");
      Jar.Result run = Jar.run(session);
      assertEquals(0, run.status(), run.out() + run.err());
      fromSession = peer.finish();
    }
    assertTrue(fromSession.contains("received b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd hello\\nbye\\x00'"));
    try (ExternalProgram peer = ExternalProgram.start(PYTHON, "-u", PEER.toString(), port)) {
      peer.await(Pattern.compile("^port "));
      ExternalProgram python = ExternalProgram.start(PYTHON, program.toString());
      String said = python.finish();
      assertEquals(0, python.exitValue(), said + Files.readString(program, StandardCharsets.UTF_8));
      assertEquals(fromSession, peer.finish());
    }
  }

  /**
   * Background work exports as calls of a threading helper that python3 runs: an echo server the
   * same session talks to, a reply server with --max that wait outlives, and a relay between two
   * connections that passes an EOF on as SHUT_WR.
   */
  @Test
  void backgroundWorkExportsToThreadsThatPython3Runs() throws Exception {
    Exported exported =
        export(
            "background.py",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "serve srv --echo",
            "socket c",
            "connect c srv",
            "sendall c \"ping\"",
            "print(c.recv(100))",
            "close c",
            "stop srv",
            "socket r",
            "bind r 127.0.0.1:0",
            "listen r",
            "serve r --reply \"OK\\n\" --max 1",
            "socket d",
            "connect d r",
            "sendall d \"x\"",
            "print(d.recv(100))",
            "close d",
            "wait",
            TWO_CONNECTIONS,
            "relay a b --trace",
            "sendall x \"hi\"",
            "print(y.recv(100))",
            "shutdown x SHUT_WR",
            "print(y.recv(100))",
            "sendall y \"back\"",
            "print(x.recv(100))",
            "stop a",
            "a.sendall(b'mine again')",
            "print(x.recv(100))");
    // --trace tells each chunk before it goes on, so its line comes before the recv's print.
    String printed =
        String.join(
            "\n",
            "b'ping'",
            "b'OK\\n'",
            "|  event: a -> b 2 bytes b'hi'",
            "b'hi'",
            "b''",
            "|  event: b -> a 4 bytes b'back'",
            "b'back'",
            "b'mine again'",
            "");
    assertTrue(exported.out().contains("b'mine again'"), exported.out());
    assertTrue(exported.out().contains("|  event: a -> b 2 bytes b'hi'\n"), exported.out());
    assertTrue(exported.out().contains("|  event: b -> a 4 bytes b'back'\n"), exported.out());
    assertTrue(
        exported.text().contains("background_relay('a', a, 'b', b, trace=True)"), exported.text());
    assertPython3Prints(printed, exported);
  }

  /**
   * A relay passes a reset on: when one side's peer resets (SO_LINGER 0, then close), the relay
   * resets the other side, whose peer's recv raises ConnectionResetError, in the session and under
   * python3 alike. {@code --hex} tells each chunk as a hex dump, as the session's event lines do.
   */
  @Test
  void anExportedRelayPassesAResetOn() throws Exception {
    Exported exported =
        export(
            "relay_reset.py",
            TWO_CONNECTIONS,
            "relay a b --trace --hex",
            "sendall x \"hello, relay\\x00\\x01 and on\"",
            "recv y 100",
            "expect \"hello, relay\\x00\\x01 and on\"",
            "setsockopt x SO_LINGER 1 0",
            "close x",
            "recv y 100",
            "expect error ECONNRESET");
    String dump =
        String.join(
            "\n",
            "|  event: a -> b 21 bytes:",
            "|    0000  68 65 6c 6c 6f 2c 20 72  65 6c 61 79 00 01 20 61  |hello, relay.. a|",
            "|    0010  6e 64 20 6f 6e                                    |nd on|",
            "");
    assertTrue(exported.out().contains(dump), exported.out());
    assertTrue(exported.out().contains("ok: ConnectionResetError [ECONNRESET]"), exported.out());
    assertTrue(exported.text().contains("assert e.errno == errno.ECONNRESET"), exported.text());
    assertPython3Prints(dump, exported);
  }

  /**
   * A relay whose copy fails with another error than a reset (here EPIPE: b was shut down for
   * writing) ends, its sockets left open, and the error is an event line, in the session and under
   * python3 alike: no traceback.
   */
  @Test
  void anExportedRelayTellsAnErrorAsTheSessionDoes() throws Exception {
    Exported exported =
        export(
            "relay_error.py",
            TWO_CONNECTIONS,
            "shutdown b SHUT_WR",
            "relay a b",
            "sendall x \"hi\"",
            "wait",
            "a.sendall(b'still open')",
            "print(x.recv(100))");
    String printed = "|  event: b: BrokenPipeError [EPIPE]: Broken pipe\nb'still open'\n";
    assertTrue(
        exported.out().contains("|  event: b: BrokenPipeError [EPIPE]: Broken pipe\n"),
        exported.out());
    assertPython3Prints(printed, exported);
  }

  /**
   * Under {@code /set lang zh} the session printed its event lines in Chinese, and the exported
   * program prints the same lines (Python's class, errno symbol and message stay as they are).
   */
  @Test
  void anExportedProgramPrintsItsEventLinesInTheSessionsLanguage() throws Exception {
    Exported exported =
        export(
            "relay_zh.py",
            "/set lang zh",
            TWO_CONNECTIONS,
            "relay a b --trace",
            "sendall x \"hi\"",
            "print(y.recv(100))",
            "stop a",
            "shutdown b SHUT_WR",
            "relay a b",
            "sendall x \"!\"",
            "wait");
    String printed =
        String.join(
            "\n",
            "|  事件：a -> b 2 个字节 b'hi'",
            "b'hi'",
            "|  事件：b: BrokenPipeError [EPIPE]: Broken pipe",
            "");
    assertTrue(exported.out().contains("|  事件：a -> b 2 个字节 b'hi'\n"), exported.out());
    assertTrue(
        exported.out().contains("|  事件：b: BrokenPipeError [EPIPE]: Broken pipe\n"), exported.out());
    assertPython3Prints(printed, exported);
  }

  /**
   * What {@code relay --trace} printed depends on {@code /set events}: with events off the session
   * printed no line per chunk, and neither does the program.
   */
  @Test
  void aTraceTheSessionDidNotPrintIsNotPrintedEither() throws Exception {
    Exported exported =
        export(
            "quiet_trace.py",
            "/set events off",
            TWO_CONNECTIONS,
            "relay a b --trace",
            "sendall x \"hi\"",
            "print(y.recv(100))");
    assertFalse(exported.out().contains("event:"), exported.out());
    assertPython3Prints("b'hi'\n", exported);
  }

  /**
   * Rules of {@code on} a served listening socket export to the helper's re matching: a greeting on
   * connect, a regex whose \1 fills the reply (matched once its pieces have all arrived), and a
   * close; {@code off} removes one.
   */
  @Test
  void rulesOfAServedSocketExportToAProgramThatAnswersAlike() throws Exception {
    Exported exported =
        export(
            "rules.py",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "on srv connect send \"hello\\n\"",
            "on srv matches /^PING (\\d+)\\r\\n/ send \"PONG \\1\\r\\n\"",
            "on srv contains \"QUIT\" close",
            "serve srv --rules",
            "socket c",
            "connect c srv",
            "print(c.recv(6))",
            "sendall c \"PI\"",
            "sendall c \"NG 7\\r\\n\"",
            "print(c.recv(100))",
            "off 1",
            "sendall c \"QUIT\"",
            "print(c.recv(100))",
            "close c");
    String printed = "b'hello\\n'\nb'PONG 7\\r\\n'\nb''\n";
    assertTrue(exported.out().contains("b'PONG 7\\r\\n'\n"), exported.out());
    assertTrue(exported.text().contains("reply=[b'PONG ', 1, b'\\r\\n']"), exported.text());
    assertPython3Prints(printed, exported);
  }

  /**
   * Rules of {@code on} a served UDP socket export too: each datagram is matched alone, the first
   * rule that matches answers its sender, a datagram no rule matches gets no answer, and {@code
   * off} removes a rule, under python3 as in the session.
   */
  @Test
  void rulesOfAServedUdpSocketAnswerEachDatagramsSender() throws Exception {
    Exported exported =
        export(
            "udp_rules.py",
            "socket u AF_INET SOCK_DGRAM",
            "bind u 127.0.0.1:0",
            "on u matches /^PING (\\d+)/ send \"PONG \\1\"",
            "on u contains \"TIME\" send \"noon\"",
            "serve u --rules",
            "socket c AF_INET SOCK_DGRAM",
            "sendto c \"PING 42\" u",
            "data, addr = c.recvfrom(100)",
            "print(data, addr == u.getsockname())",
            "sendto c \"what TIME?\" u",
            "print(c.recvfrom(100)[0])",
            "sendto c \"nothing\" u",
            "sendto c \"PING 7 TIME\" u",
            "print(c.recvfrom(100)[0])",
            "off 1",
            "sendto c \"PING 8 TIME\" u",
            "print(c.recvfrom(100)[0])",
            "close c",
            "stop u");
    // No answer to "nothing": the next datagram's answer is the next one c receives.
    String printed = "b'PONG 42' True\nb'noon'\nb'PONG 7'\nb'noon'\n";
    assertTrue(exported.out().contains("b'PONG 7'\n"), exported.out());
    assertTrue(exported.text().contains("background_serve('u', u, None)"), exported.text());
    assertPython3Prints(printed, exported);
  }

  /**
   * Rules of {@code on} a connected socket, the client's and an accepted one, export to a thread of
   * the helper that answers what arrives on it as sockshell's background does: a regex matched
   * across two sends, bytes no rule matched kept for the program's recv (before and after {@code
   * off}, and after the peer closed and the eof rule answered), and a rule that closes.
   */
  @Test
  void rulesOfAConnectedSocketAnswerAndKeepWhatTheyDoNotMatchForRecv() throws Exception {
    Exported exported =
        export(
            "connection_rules.py",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "socket cli",
            "connect cli srv",
            "accept srv conn",
            "on cli matches /^PING (\\d+)\\r\\n/ send \"PONG \\1\\r\\n\"",
            "on conn contains \"QUIT\" close",
            "sendall conn \"PI\"",
            "sendall conn \"NG 5\\r\\nhello\"",
            "print(conn.recv(100))",
            "recv cli 3",
            "expect \"hel\"",
            "off 1",
            "sendall conn \"PING 6\\r\\n\"",
            "recv cli 100",
            "expect \"loPING 6\\r\\n\"",
            "sendall cli \"QUIT\"",
            "recv cli 100",
            "expect eof",
            "close cli",
            "socket c2",
            "connect c2 srv",
            "accept srv d",
            "on d contains \"!\" send \"ok\"",
            "on d eof send \"bye\\n\"",
            "sendall c2 \"hi!rest\"",
            "print(c2.recv(2))",
            "shutdown c2 SHUT_WR",
            "print(c2.recv(100))",
            "recv d 100",
            "expect \"rest\"",
            "recv d 100",
            "expect eof",
            "close d",
            "close c2");
    assertTrue(exported.out().contains("5 expectations passed, 0 failed"), exported.out());
    String printed = "b'PONG 5\\r\\n'\nb'ok'\nb'bye\\n'\n";
    assertTrue(exported.text().contains("assert _4 == b'loPING 6\\r\\n'"), exported.text());
    assertTrue(exported.text().contains("assert _9 == b'rest'"), exported.text());
    assertPython3Prints(printed, exported);
  }

  /**
   * Rules of {@code on} a connection a background serve accepted (conn1, named by the serve) export
   * to the serve's handler for that connection: the program names conn1 the connection its own
   * serve accepted first, whose rules answer before the listener's, end with {@code off} and at the
   * connection's EOF, and do not answer conn2; {@code stop conn2} stops the serve.
   */
  @Test
  void rulesOfAConnectionAServeAcceptedAnswerInItsHandler() throws Exception {
    Exported exported =
        export(
            "served_connection_rules.py",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "on srv contains \"HELLO\" send \"hi\\n\"",
            "serve srv --rules",
            "socket c",
            "connect c srv",
            "sendall c \"HELLO\"",
            "print(c.recv(100))",
            "on conn1 matches /^PING (\\d+)/ send \"PONG \\1\"",
            "on conn1 eof send \"bye\"",
            "sendall c \"PING 7\"",
            "print(c.recv(100))",
            "socket c2",
            "connect c2 srv",
            "sendall c2 \"PING 8 HELLO\"",
            "print(c2.recv(100))",
            "off 2",
            "sendall c \"PING 9 HELLO\"",
            "print(c.recv(100))",
            "shutdown c SHUT_WR",
            "print(c.recv(100))",
            "print(c.recv(100))",
            "stop conn2",
            "print(c2.recv(100))");
    String printed = "b'hi\\n'\nb'PONG 7'\nb'hi\\n'\nb'hi\\n'\nb'bye'\nb''\nb''\n";
    assertTrue(exported.out().contains("event: conn1 sent b'PONG 7' (rule 2)"), exported.out());
    assertTrue(
        exported.text().contains("conn1 = background_accepted('conn1', 'srv', 1)\n"),
        exported.text());
    assertPython3Prints(printed, exported);
  }

  /**
   * With {@code /set events off} the session prints no accept, but the export still knows which
   * serve accepted conn1, and the rule set on it answers under python3 as in the session.
   */
  @Test
  void aServedConnectionIsKnownWithEventsOff() throws Exception {
    Exported exported =
        export(
            "served_connection_quiet.py",
            "/set events off",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "on srv contains \"?\" send \"!\"",
            "serve srv --rules",
            "socket c",
            "connect c srv",
            "sendall c \"why?\"",
            "recv c 100",
            "expect \"!\"",
            "on conn1 contains \"#\" send \"ok\"",
            "sendall c \"#\"",
            "print(c.recv(100))");
    assertFalse(exported.out().contains("event:"), exported.out());
    assertTrue(exported.out().contains("b'ok'\n"), exported.out());
    assertPython3Prints("b'ok'\n", exported);
  }

  /** A session that ended by exporting itself: what it printed, and the program it wrote. */
  private record Exported(String out, Path program, String text) {}

  /** Runs {@code lines} as a session that ends with {@code /export} to {@code file}; it exits 0. */
  private Exported export(String file, String... lines) throws Exception {
    Path program = dir.resolve(file);
    Jar.Result run = Jar.run(String.join("\n", lines) + "\n/export " + program + "\n");
    assertEquals(0, run.status(), run.out() + run.err());
    return new Exported(run.out().replace("\r", ""), program, Files.readString(program));
  }

  /** Runs the exported program under python3: it prints {@code printed} and exits 0. */
  private static void assertPython3Prints(String printed, Exported exported) throws Exception {
    assertPython3Prints(printed, exported.program(), exported.text());
  }

  /** Runs the exported {@code program} under python3: it prints {@code printed} and exits 0. */
  private static void assertPython3Prints(String printed, Path program, String text)
      throws Exception {
    ExternalProgram python = ExternalProgram.start(PYTHON, program.toString());
    assertEquals(printed, python.finish(), text);
    assertEquals(0, python.exitValue(), python.said() + text);
  }
}
