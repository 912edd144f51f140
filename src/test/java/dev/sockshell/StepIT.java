package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Jar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --step} in a real pseudo-terminal (python3's pty module types and reads the screen, {@code
 * src/test/resources/pty/console.py}): each line is shown before it runs, Enter runs it, the
 * console is live between lines, /break and /continue stop where they should.
 */
class StepIT {
  private static final Path DRIVER = Path.of("src/test/resources/pty/console.py");
  private static final Path PROGRAM = Path.of("src/test/resources/step/stepped.py");

  @BeforeAll
  static void needsPython() {
    assumeTrue(
        ExternalProgram.available("python3", "--version"), "python3 drives the pseudo-terminal");
  }

  @Test
  void enterRunsALineTheConsoleIsLiveBetweenAndContinueStopsAtBreakpoints() throws Exception {
    String shown = PROGRAM.toString();
    String said =
        drive(
            step("await", "→ " + shown + ":1  import socket"),
            step("type", "\r"),
            step("await", "→ " + shown + ":3  srv = socket.socket\\(\\)"),
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

  private static String step(String kind, String argument) {
    return "[" + json(kind) + ", " + json(argument) + "]";
  }

  private static String json(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < ' ') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String drive(String... steps) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", DRIVER.toAbsolutePath().toString()));
    command.add("[" + String.join(", ", steps) + "]");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Jar.path().toAbsolutePath().toString());
    command.add("--step");
    command.add(PROGRAM.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().put("SOCKSHELL_HISTORY", "/dev/null");
    Process p = builder.redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the driver did not end");
    assertEquals(0, p.exitValue(), said);
    return said;
  }
}
