package dev.sockshell;

import static dev.sockshell.testing.PtyConsole.step;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.Loopback;
import dev.sockshell.testing.PtyConsole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --step} in a real pseudo-terminal (python3's pty module types and reads the screen, {@code
 * src/test/resources/pty/console.py}): each line is shown before it runs, Enter runs it, the
 * console is live between lines, /break and /continue stop where they should.
 */
class StepIT {
  private static final Path PROGRAM = Path.of("src/test/resources/step/stepped.py");
  private static final Path TUTORIAL = Path.of("src/test/resources/tutorial");

  @BeforeAll
  static void needsPython() {
    assumeTrue(PtyConsole.available(), "python3 drives the pseudo-terminal");
  }

  @Test
  void enterRunsALineTheConsoleIsLiveBetweenAndContinueStopsAtBreakpoints() throws Exception {
    String shown = PROGRAM.toString();
    String said =
        drive(
            // The keys are told once, with the first line; later lines show only the code.
            step("await", "→ " + shown + ":1  import socket +\\(Enter runs it; /continue"),
            step("type", "\r"),
            step("await", "→ " + shown + ":3  srv = socket.socket\\(\\)\r?\n"),
            step("type", "\r"),
            step("await", "srv ==> socket"),
            step("await", ":4  srv.bind"),
            step("type", "\r"),
            step("await", ":5  srv.listen"),
            step("type", "\r"),
            step("await", "srv listening on"),
            step("await", ":6  port = "),
            // The console between lines: a command, and Python that reads the program's names.
            step("type", "/list\r"),
            step("await", "srv .*listening \\(backlog"),
            step("await", "sockshell> "),
            step("type", "print(srv.getsockname()[0])\r"),
            step("await", "127.0.0.1"),
            step("await", "sockshell> "),
            step("type", "/break 12\r"),
            step("await", "breakpoint at " + shown + ":12"),
            step("await", "sockshell> "),
            step("type", "/continue\r"),
            step("await", "got b'hi'"),
            step("await", ":12  c.sendall"),
            step("await", "sockshell> "),
            step("type", "print('round', i)\r"),
            step("await", "round 0"),
            step("await", "sockshell> "),
            step("type", "/continue\r"),
            step("await", ":12  c.sendall"),
            step("await", "sockshell> "),
            step("type", "print('round', i)\r"),
            step("await", "round 1"),
            step("await", "sockshell> "),
            // Enter runs one line: the loop's next round stops at its body again.
            step("type", "\r"),
            step("await", ":12  c.sendall"),
            step("await", "sockshell> "),
            step("type", "print('round', i)\r"),
            step("await", "round 2"),
            step("await", "sockshell> "),
            step("type", "/continue\r"),
            step("await", "done b'xxx'"),
            step("await", "ended; the session goes on"),
            step("await", "sockshell> "),
            step("type", "/list\r"),
            step("await", "conn"),
            step("await", "sockshell> "),
            step("type", "\u0004"));
    // Every await above matched, in order (the driver says never-shown otherwise).
    assertTrue(said.lines().noneMatch(l -> l.startsWith("never-shown: ")), said);
    assertTrue(said.contains("status: 0"), said);
  }

  @Test
  void ctrlDWhileWaitingRunsTheProgramToItsEndAndLeaves() throws Exception {
    String said =
        drive(
            step("await", ":1  import socket"),
            step("await", "sockshell> "),
            step("type", "\u0004"),
            step("await", "done b'xxx'"));
    assertTrue(said.lines().noneMatch(l -> l.startsWith("never-shown: ")), said);
    assertTrue(said.contains("status: 0"), said);
  }

  /**
   * The tutorial's TCP server, stepped to its accept and let go with /continue: it serves the
   * tutorial's client (python3), is back in accept, and Ctrl-C raises KeyboardInterrupt into it,
   * whose except prints the shutdown line; the finally closes the server and the program ends, with
   * no pause on the way (only /break would pause after /continue).
   */
  @Test
  void ctrlCAfterContinueRunsTheTutorialServersExceptAndFinally(@TempDir Path dir)
      throws Exception {
    int port = Loopback.freeTcpPort();
    for (String name : List.of("tcp_server.py", "tcp_client.py")) {
      String source = Files.readString(TUTORIAL.resolve(name), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(name),
          source.replace("9999", Integer.toString(port)),
          StandardCharsets.UTF_8);
    }
    List<String> steps = new ArrayList<>();
    steps.add(step("await", "→ tcp_server.py:1  import socket"));
    for (int line : new int[] {3, 4, 6, 7, 8, 10, 11, 12}) {
      steps.add(step("type", "\r"));
      steps.add(step("await", "→ tcp_server.py:" + line + "  "));
    }
    steps.addAll(
        List.of(
            step("await", "sockshell> "),
            step("type", "/continue\r"),
            step("start", "/usr/bin/python3 tcp_client.py"),
            step("await", "Received: hello from TCP client"),
            step("await", "client closed"),
            step("type", "\u0003"),
            step("await", "\n 服务器关机中\r?\n"),
            step("await", "server closed"),
            step("await", "tcp_server.py ended; the session goes on"),
            step("await", "sockshell> "),
            step("type", "\u0004")));
    String said =
        PtyConsole.drive(
                dir,
                Map.of("SOCKSHELL_HISTORY", "/dev/null", "LANG", "C.UTF-8"),
                List.of("--step", "tcp_server.py"),
                steps.toArray(String[]::new))
            .said();
    assertTrue(said.lines().noneMatch(l -> l.startsWith("never-shown: ")), said);
    assertTrue(said.contains("started-said: server response: message received by server"), said);
    // After /continue no line was shown to pause at: not the except's, not the finally's.
    assertTrue(
        said.lines().noneMatch(l -> l.matches("row: → tcp_server.py:(1[3-9]|2\\d)  .*")), said);
    assertTrue(said.contains("status: 0"), said);
  }

  private static String drive(String... steps) throws IOException, InterruptedException {
    return PtyConsole.drive(
            Path.of("").toAbsolutePath(),
            Map.of("SOCKSHELL_HISTORY", "/dev/null"),
            List.of("--step", PROGRAM.toString()),
            steps)
        .said();
  }
}
