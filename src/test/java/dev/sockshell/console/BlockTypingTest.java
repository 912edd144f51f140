package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.repl.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A block typed at the console: {@code repeat} opens it with a continuation prompt, {@code end}
 * runs it, Ctrl-C abandons it while it is typed and ends it while it runs, and history keeps it as
 * one entry that comes back whole.
 */
class BlockTypingTest {
  private static final String CTRL_C = "\u0003";
  private static final String CTRL_D = "\u0004";

  /** Ctrl-P, the previous line of history (the arrow's code depends on the keypad mode). */
  private static final String PREVIOUS = "\u0010";

  @TempDir Path dir;

  @Test
  void repeatOpensABlockWithAContinuationPromptAndEndRunsIt() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, null);
      t.type("socket s\r");
      t.await("s ==> socket");
      t.type("repeat 2\r");
      t.await("   ...> ");
      t.type("  getsockname s\r");
      t.await("   ...>   getsockname");
      assertFalse(t.shown().contains("$1 ==>"), "nothing runs before end");
      t.type("end\r");
      t.await("|  repeat done: 2 rounds; per round min ");
      assertTrue(t.shown().contains("$2 ==> ('0.0.0.0', 0)"), t::shown);
      end(t, console);
    }
  }

  @Test
  void ctrlCWhileTypingABlockAbandonsIt() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, null);
      t.type("repeat 2\r");
      t.await("   ...> ");
      int from = t.shown().length();
      t.type("  socket x\r");
      t.await("   ...> ", from); // the third line's prompt
      from = t.shown().length();
      t.type(CTRL_C);
      // A tty drops what was typed ahead of a SIGINT; this one keeps it, so wait for the prompt.
      t.await("sockshell> ", from);
      t.type("socket y\r");
      t.await("y ==> socket");
      assertFalse(t.shown().contains("x ==> socket"), t::shown);
      end(t, console);
    }
  }

  @Test
  void ctrlCEndsARunningLoopAndTheConsoleGoesOn() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, null);
      t.type("repeat forever\r  sleep 0.05\rend\r");
      t.await("|  slept 0.05 s");
      t.type(CTRL_C);
      t.await("|  repeat ended by Ctrl-C in round ");
      t.type("socket z\r");
      t.await("z ==> socket");
      assertTrue(console.isAlive());
      end(t, console);
    }
  }

  @Test
  void anErrorEndsTheLoopAndTheConsoleGoesOn() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, null);
      t.type("socket s\rrepeat 3\r  getpeername s\rend\r");
      t.await("|  repeat ended by the error above in round 1");
      assertEquals(1, count(t.shown(), "OSError [ENOTCONN]"), t::shown);
      t.type("socket z\r");
      t.await("z ==> socket");
      end(t, console);
    }
  }

  @Test
  void aWrongFirstLineIsToldAtOnceInsteadOfOpeningABlock() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, null);
      t.type("repeat many\r");
      t.await("COUNT (the number of rounds, or forever) must be a whole number, got 'many'");
      assertFalse(t.shown().contains("...>"), t::shown);
      end(t, console);
    }
  }

  @Test
  void historyKeepsTheBlockAsOneEntryThatComesBackWhole() throws Exception {
    Path history = dir.resolve("history");
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, history);
      t.type("socket s\rrepeat 2\r  getsockname s\rend\r");
      t.await("repeat done: 2 rounds");
      // Keys typed while a command runs are not editing keys: wait for the prompt after it.
      t.await("sockshell> ", t.shown().indexOf("repeat done: 2 rounds"));
      int from = t.shown().length();
      t.type(PREVIOUS + "\r");
      t.await("repeat done: 2 rounds", from);
      assertTrue(t.shown().contains("$4 ==> ('0.0.0.0', 0)"), t::shown);
      end(t, console);
    }
    String saved = Files.readString(history, StandardCharsets.UTF_8);
    // socket s, and the block once: running it again from history adds no duplicate.
    assertEquals(2, saved.lines().count(), saved);
    assertTrue(saved.contains("repeat 2\\n  getsockname s\\nend"), saved);
  }

  @Test
  void aBufferWithAnUnfinishedBlockIsNotAcceptedAndEachLineAfterItGetsTheBlocksPrompt() {
    LineParser parser = new LineParser();
    String open = "repeat 3\n  recv c";
    EOFError more =
        assertThrows(
            EOFError.class, () -> parser.parse(open, open.length(), ParseContext.ACCEPT_LINE));
    assertEquals("   ...> ", more.getMissing());
    // JLine asks for each line's prompt with the lines before it, each ended by a newline.
    EOFError prompt =
        assertThrows(
            EOFError.class, () -> parser.parse("repeat 3\n", 9, ParseContext.SECONDARY_PROMPT));
    assertEquals("   ...> ", prompt.getMissing());
    String done = open + "\nend";
    assertEquals(
        List.of("end"), parser.parse(done, done.length(), ParseContext.ACCEPT_LINE).words());
  }

  @Test
  void tabAndHintsReadTheLineTheCursorIsOnAsIfItWereAlone() {
    ParsedLine line = new LineParser().parse("repeat 3\n  recv c\nend", 17, ParseContext.COMPLETE);
    assertEquals("  recv c", line.line());
    assertEquals(List.of("recv", "c"), line.words());
    assertEquals("c", line.word());
    assertEquals(8, line.cursor());
  }

  private static long count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private Thread start(TestTerminal t, Path history) {
    Shell shell = new Shell(new Session(), new TerminalOutput(t.terminal, false), dir);
    Thread thread =
        new Thread(
            () ->
                Console.run(
                    t.terminal, shell, new TerminalOutput(t.terminal, false), false, history),
            "console");
    thread.start();
    t.await("sockshell> ");
    return thread;
  }

  private static void end(TestTerminal t, Thread console) throws InterruptedException {
    t.type(CTRL_D);
    console.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(console.isAlive(), "Ctrl-D must end the console");
  }
}
