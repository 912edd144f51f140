package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Jar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console in a real pseudo-terminal (python3's pty module drives it and plays the terminal,
 * {@code src/test/resources/pty/console.py}): whichever way it ends, the terminal is left as it was
 * found: the same {@code stty -a}, keypad and cursor keys in normal mode, no hint on the line.
 */
class TerminalLeftAsFoundIT {
  private static final Path DRIVER = Path.of("src/test/resources/pty/console.py");

  @TempDir Path dir;

  @BeforeAll
  static void needsPython() {
    assumeTrue(
        ExternalProgram.available("python3", "--version"), "python3 drives the pseudo-terminal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0004", "/exit\r"})
  void ctrlDAndExitLeaveTheTerminalAsTheyFoundIt(String leave) throws Exception {
    Run run =
        drive(
            Map.of(),
            step("await", "sockshell> "),
            step("type", "socket srv\r"),
            step("await", "srv ==> socket"),
            step("await", "sockshell> "),
            step("type", leave));
    assertEquals(0, run.status(), run::toString);
    run.assertLeftAsFound();
    assertTrue(run.rows().contains("|  closing srv"), run::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "HUP"})
  void aSignalWhileALineIsTypedEndsItWithoutItsHint(String signal) throws Exception {
    Run run =
        drive(
            Map.of(),
            step("await", "sockshell> "),
            step("type", "socket srv\r"),
            step("await", "srv ==> socket"),
            step("await", "sockshell> "),
            step("type", "bind srv "),
            // The hint after srv: "bind" alone already shows one with ADDR in it.
            step("await", "srv ADDR"),
            step("signal", signal));
    run.assertLeftAsFound();
    // The line as typed, without the faint "ADDR" after it, and the shell's prompt on a new line.
    assertTrue(run.rows().contains("sockshell> bind srv"), run::toString);
    assertTrue(run.cursor().endsWith(" 0"), run::toString);
  }

  @Test
  void sigtermWhileACallWaitsLeavesTheTerminalAsFound() throws Exception {
    Run run =
        drive(
            Map.of(),
            step("await", "sockshell> "),
            step("type", "socket srv\r"),
            step("await", "sockshell> "),
            step("type", "bind srv 127.0.0.1:0\r"),
            step("await", "sockshell> "),
            step("type", "listen srv\r"),
            step("await", "listening on"),
            step("await", "sockshell> "),
            step("type", "accept srv\r"),
            step("await", "\n"),
            step("signal", "TERM"));
    run.assertLeftAsFound();
  }

  @Test
  void aFileThatIsNotAHistoryFileIsToldInOneLineWithoutJavaLogging() throws Exception {
    String notes = "my notes\nmore notes\n";
    Path file = Files.writeString(dir.resolve("notes.txt"), notes);
    Run run =
        drive(
            Map.of("SOCKSHELL_HISTORY", file.toString()),
            step("await", "sockshell> "),
            step("type", "socket s\r"),
            step("await", "s ==> socket"),
            step("await", "sockshell> "),
            step("type", "\u0004"));
    assertEquals(0, run.status(), run::toString);
    run.assertLeftAsFound();
    assertEquals(notes, Files.readString(file));
    List<String> rows = run.rows();
    assertTrue(rows.get(0).contains(" | /help lists the commands"), run::toString);
    assertTrue(
        rows.get(1).startsWith("|  history: " + file + " is not a sockshell history file"),
        run::toString);
    assertTrue(
        rows.stream().noneMatch(r -> r.contains("org.jline") || r.contains("INFO")), run::toString);
  }

  /** One step for the driver, as JSON: {@code ["type", "socket s\r"]}. */
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

  private Run drive(Map<String, String> environment, String... steps)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", DRIVER.toAbsolutePath().toString()));
    command.add("[" + String.join(", ", steps) + "]");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Jar.path().toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().remove("NO_COLOR");
    Process p = builder.redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the driver did not end");
    assertEquals(0, p.exitValue(), said);
    return new Run(said);
  }

  /** What the driver said: the terminal's settings before and after, the screen, the status. */
  private record Run(String said) {
    String field(String name) {
      return said.lines()
          .filter(l -> l.startsWith(name + ": "))
          .map(l -> l.substring(name.length() + 2))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " in:\n" + said));
    }

    int status() {
      return Integer.parseInt(field("status"));
    }

    String cursor() {
      return field("cursor");
    }

    /** The screen's rows that are not blank. */
    List<String> rows() {
      return said.lines()
          .filter(l -> l.startsWith("row: "))
          .map(l -> l.substring(5))
          .filter(l -> !l.isBlank())
          .toList();
    }

    void assertLeftAsFound() {
      assertTrue(said.lines().noneMatch(l -> l.startsWith("never-shown: ")), said);
      assertEquals(field("stty-before"), field("stty-after"), "stty -a; the run:\n" + said);
      assertEquals("cursor-keys=normal keypad=normal", field("modes"), said);
    }

    @Override
    public String toString() {
      return said;
    }
  }
}
