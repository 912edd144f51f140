package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.render.Style;
import dev.sockshell.repl.Options;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** Whether the console colours, and that typed text and output share one colour per style. */
class ColorsTest {
  @Test
  void aColourTerminalGetsColourUnlessNoColorOrTheOptionSaysNo() throws Exception {
    assertTrue(Colors.enabled("xterm-256color", false, null));
    assertTrue(Colors.enabled("xterm-256color", false, ""), "an empty NO_COLOR does not count");
    assertFalse(Colors.enabled("xterm-256color", false, "1"), "NO_COLOR");
    boolean option = Options.parse(new String[] {"--no-color"}).noColor();
    assertFalse(Colors.enabled("xterm-256color", option, null), "--no-color");
    assertFalse(Colors.enabled("dumb", false, null));
    assertFalse(Colors.enabled("dumb-color", false, null));
  }

  @Test
  void everyStyleLooksTheSameTypedAsPrinted() {
    for (Style style : Style.values()) {
      AttributedString printed = AttributedString.fromAnsi(Colors.paint(style, "x"));
      assertEquals(Colors.attributes(style), printed.styleAt(0), style.name());
    }
  }
}
