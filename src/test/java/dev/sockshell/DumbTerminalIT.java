package dev.sockshell;

import static dev.sockshell.testing.PtyConsole.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.PtyConsole;
import dev.sockshell.testing.PtyConsole.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on a terminal that says it is dumb ({@code TERM=dumb}) in a real pseudo-terminal: Tab
 * completes and lists, Up recalls the line before and the line is edited in place, as in Python's
 * REPL there, and the console writes no escape sequence, which such a terminal would show as text
 * (Tab did nothing and Up inserted {@code ^[[A}).
 */
class DumbTerminalIT {
  @TempDir Path dir;

  @BeforeAll
  static void needsPython() {
    assumeTrue(PtyConsole.available(), "python3 drives the pseudo-terminal");
  }

  @Test
  void tabCompletesAndListsUpRecallsAndNoEscapeSequenceIsWritten() throws Exception {
    Run run =
        PtyConsole.drive(
            dir,
            Map.of("TERM", "dumb", "SOCKSHELL_HISTORY", dir.resolve("history").toString()),
            step("await", "Tab completes"),
            step("await", "sockshell> "),
            step("type", "sock\t"),
            step("await", "socket "), // completed
            step("type", "a\r"),
            step("await", "a ==> socket"),
            step("await", "sockshell> "),
            step("type", "\u001b[A"), // Up
            step("await", "socket a"),
            step("type", "\u007fb\r"), // Backspace, b, Enter
            step("await", "b ==> socket"),
            step("await", "sockshell> "),
            step("type", "se\t"),
            step("await", "sendall NAME DATA"),
            step("await", "sockshell> se"),
            step("type", "\u0015\u0004")); // Ctrl-U, Ctrl-D
    assertEquals(0, run.status(), run::toString);
    run.assertLeftAsFound();
    assertEquals("[]", run.escapes(), run::toString);
    List<String> rows = run.rows();
    assertTrue(rows.contains("sockshell> socket a"), run::toString);
    assertTrue(rows.contains("sockshell> socket b"), run::toString);
    assertTrue(rows.contains("b ==> socket(AF_INET, SOCK_STREAM)"), run::toString);
    assertTrue(rows.stream().anyMatch(r -> r.startsWith("sendto NAME DATA ADDR")), run::toString);
  }
}
