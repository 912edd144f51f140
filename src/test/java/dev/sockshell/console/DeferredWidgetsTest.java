package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;
import org.junit.jupiter.api.Test;

/** The console's line reader has JLine's built-in widgets, made when a key first needs one. */
class DeferredWidgetsTest {
  @Test
  void theNamesAreJLinesOwn() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Map<String, Widget> jline = new LineReaderImpl(t.terminal).getBuiltinWidgets();

      assertEquals(jline.keySet(), new HashSet<>(DeferredWidgets.NAMES));
      assertEquals(jline.size(), DeferredWidgets.NAMES.size(), "each name once");
    }
  }

  @Test
  void theReaderHasAWidgetOfEachNameNamedAsJLineNamesItsOwn() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Map<String, Widget> jline = new LineReaderImpl(t.terminal).getWidgets();
      Map<String, Widget> ours =
          new ReflowingLineReader(t.terminal, "test", new HashMap<>()).getWidgets();

      assertEquals(jline.keySet(), ours.keySet());
      for (String name : DeferredWidgets.NAMES) {
        assertEquals(jline.get(name).toString(), ours.get(name).toString(), name);
      }
      assertEquals(List.copyOf(jline.keySet()), List.copyOf(ours.keySet()), "the same order");
    }
  }

  @Test
  void keysRunJLinesWidgets() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ReflowingLineReader reader = new ReflowingLineReader(t.terminal, "test", new HashMap<>());
      // Ctrl-A (beginning-of-line), Ctrl-F (forward-char), Ctrl-D (delete-char), Ctrl-E
      // (end-of-line), then Enter (accept-line).
      t.type("socket sx\u0001\u0006\u0006\u0004\u0005 s\r");

      assertEquals("soket sx s", reader.readLine("sockshell> "));
    }
  }

  @Test
  void widgetsMadeBeforeAKeyAreTheOnesItRuns() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ReflowingLineReader reader = new ReflowingLineReader(t.terminal, "test", new HashMap<>());
      reader.makeWidgets(); // as the warm-up does while the first prompt waits
      t.type("bind\u0017listen s\r"); // Ctrl-W: backward-kill-word

      assertEquals("listen s", reader.readLine("sockshell> "));
    }
  }
}
