package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/**
 * A line pasted in one go is drawn once it has arrived, not after each of its keys: JLine redraws
 * and colours the whole line after every key, which made a 10,000-character paste take seconds.
 */
class PasteTest {
  private static final int LENGTH = 900; // JLine colours lines up to 1,000 characters

  @Test
  void aPastedLineIsDrawnAFewTimesNotOncePerKey() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ReflowingLineReader reader = new ReflowingLineReader(t.terminal, "test", new HashMap<>());
      AtomicInteger drawn = new AtomicInteger();
      reader.setHighlighter(new Counting(drawn));
      String line = "send s '" + "x".repeat(LENGTH) + "'";
      t.type(line + "\r"); // all of it waiting before the reader reads a key, as a paste is

      assertEquals(line, reader.readLine("sockshell> "));
      assertTrue(drawn.get() < 10, "drawn " + drawn + " times for " + line.length() + " keys");
      assertTrue(t.shown().contains(line), "the whole line is on the screen");
    }
  }

  @Test
  void aBracketedPasteGoesInAtOnceAndItsLineRuns() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ReflowingLineReader reader = new ReflowingLineReader(t.terminal, "test", new HashMap<>());
      reader.option(LineReader.Option.BRACKETED_PASTE, true);
      AtomicInteger drawn = new AtomicInteger();
      reader.setHighlighter(new Counting(drawn));
      String line = "send s '" + "x".repeat(LENGTH) + "'";
      t.type("\u001b[200~" + line + "\r\u001b[201~"); // tmux pastes a line break as CR

      assertEquals(line, reader.readLine("sockshell> "));
      assertTrue(drawn.get() < 3, "drawn " + drawn + " times for a paste");
    }
  }

  /** Counts the times the line is drawn (JLine colours it for each redraw). */
  private record Counting(AtomicInteger count) implements Highlighter {
    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
      count.incrementAndGet();
      return new AttributedString(buffer);
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
  }
}
