package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The line on a dumb terminal's one row: carriage return, backspace and spaces only. */
class OneRowDisplayTest {
  private static final int WIDTH = 21; // 20 columns for the line, the last one left alone

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private OneRowDisplay display;

  @BeforeEach
  void open() throws Exception {
    SystemTerminal.loadTerminfo(SystemTerminal.DUMB_EDITED);
    Terminal terminal =
        new DumbTerminal(
            "test",
            SystemTerminal.DUMB_EDITED,
            new ByteArrayInputStream(new byte[0]),
            written,
            StandardCharsets.UTF_8);
    display = new OneRowDisplay(terminal, () -> false);
    display.resize(24, WIDTH);
  }

  @Test
  void typingAtTheEndWritesOnlyTheNewCharacter() {
    show("> ab", 4);
    written.reset();
    show("> abc", 5);
    assertEquals("c", written.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aDeletedCharacterIsBlankedAndTheCursorGoesBack() {
    show("> abc", 5);
    show("> ab", 4);
    assertEquals(new Row("> ab", 4), replay());
  }

  @Test
  void aLineWiderThanTheRowScrollsToKeepTheCursorInView() {
    String line = "> " + "0123456789".repeat(3); // 32 columns
    show(line, line.length());
    Row end = replay();
    assertEquals('<', end.text.charAt(0));
    assertEquals(line.substring(line.length() - (end.text.length() - 1)), end.text.substring(1));
    assertEquals(end.text.length(), end.cursor);
    show(line, 0); // Ctrl-A
    assertEquals(new Row(line.substring(0, WIDTH - 2) + ">", 0), replay());
  }

  @Test
  void clearingForAnEventBlanksTheRow() {
    show("> abc", 5);
    display.update(List.of(), 0, true);
    assertEquals(new Row("", 0), replay());
  }

  @Test
  void aCompletionListIsPrintedBelowAndTheLineDrawnAgain() {
    show("> se", 4);
    display.update(rows("> se\n", "send  sendall\n", "sendto"), 4, true);
    String all = written.toString(StandardCharsets.UTF_8);
    assertEquals("> se\r\nsend  sendall\r\nsendto\r\n> se", all);
    written.reset();
    display.update(rows("> se\n", "send  sendall\n", "sendto"), 4, true);
    assertEquals("", written.toString(StandardCharsets.UTF_8)); // shown once
  }

  @Test
  void nothingButPrintingCharactersCarriageReturnBackspaceAndNewlineIsWritten() {
    show("> " + "x".repeat(40), 30);
    show("> " + "x".repeat(10), 3);
    display.update(rows("> a\n", "   ...> b"), WIDTH + 1 + 9, true);
    String all = written.toString(StandardCharsets.UTF_8);
    assertFalse(all.chars().anyMatch(c -> c < ' ' && c != '\r' && c != '\b' && c != '\n'), all);
  }

  private void show(String line, int cursor) {
    display.update(List.of(new AttributedString(line)), cursor, true);
  }

  private static List<AttributedString> rows(String... rows) {
    return java.util.Arrays.stream(rows).map(AttributedString::new).toList();
  }

  /** What the last row shows, as a terminal would, and where its cursor is. */
  private record Row(String text, int cursor) {}

  private Row replay() {
    StringBuilder row = new StringBuilder();
    int col = 0;
    for (char c : written.toString(StandardCharsets.UTF_8).toCharArray()) {
      if (c == '\r') {
        col = 0;
      } else if (c == '\b') {
        col = Math.max(0, col - 1);
      } else if (c == '\n') {
        row.setLength(0);
      } else {
        while (row.length() <= col) {
          row.append(' ');
        }
        row.setCharAt(col++, c);
      }
    }
    return new Row(row.toString().stripTrailing(), col);
  }
}
