package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;

/** The terminal's capabilities, looked up so that a TERM this machine does not know is quiet. */
class SystemTerminalTest {
  @Test
  void aTermWithoutTerminfoGetsAnsiCapabilitiesWithoutJLinesWarning() throws Exception {
    String term = "sockshell-test-no-such-term";
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jline = Logger.getLogger("org.jline");
    jline.addHandler(handler);
    try {
      SystemTerminal.loadTerminfo(term);
      assertEquals(InfoCmp.getDefaultInfoCmp("ansi"), InfoCmp.getLoadedInfoCmp(term));
      // A terminal of that type now finds its capabilities without asking infocmp, and logs
      // nothing.
      try (Terminal t =
          new DumbTerminal(
              "test",
              term,
              new ByteArrayInputStream(new byte[0]),
              new ByteArrayOutputStream(),
              null)) {
        assertEquals(term, t.getType());
      }
    } finally {
      jline.removeHandler(handler);
    }
    assertEquals(List.of(), logged);
  }

  @Test
  void aDumbTerminalHasItsLineEditedExceptInEmacsWhichEditsItItself() {
    assertTrue(SystemTerminal.editsDumbLines("dumb", null));
    assertFalse(SystemTerminal.editsDumbLines("dumb", "29.1,comint"));
    assertFalse(SystemTerminal.editsDumbLines("xterm-256color", null));
  }
}
