package dev.sockshell;

import static dev.sockshell.testing.PtyConsole.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.PtyConsole;
import dev.sockshell.testing.PtyConsole.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console in a real pseudo-terminal ({@link PtyConsole}): whichever way it ends, the terminal
 * is left as it was found: the same {@code stty -a}, keypad and cursor keys in normal mode, no hint
 * on the line.
 */
class TerminalLeftAsFoundIT {
  @TempDir Path dir;

  @BeforeAll
  static void needsPython() {
    assumeTrue(PtyConsole.available(), "python3 drives the pseudo-terminal");
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

  private Run drive(Map<String, String> environment, String... steps)
      throws IOException, InterruptedException {
    return PtyConsole.drive(dir, environment, steps);
  }
}
