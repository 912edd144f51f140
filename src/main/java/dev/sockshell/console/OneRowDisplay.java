package dev.sockshell.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;

/**
 * Draws the line being edited on a terminal that says it is dumb ({@code TERM=dumb}), with no
 * escape sequence at all, as GNU readline does there (Python's REPL completes and recalls on such a
 * terminal): only carriage return, backspace, newline and printing characters. The line takes one
 * screen row, scrolled sideways to keep the cursor in view ({@code <} and {@code >} mark text
 * beyond the edges); a block's lines above the cursor's are printed as they were left, since
 * nothing can go back up to them; a completion list is printed below the line, which is then drawn
 * again under it. Ctrl-R's search text shows after the line.
 */
final class OneRowDisplay extends Display {
  /** The narrowest row worth scrolling; a window narrower than this is taken as this wide. */
  private static final int NARROWEST = 8;

  private final BooleanSupplier searching;

  /** What the row shows from its left edge, and the cursor's column on it. */
  private String shown = "";

  private int shownCursor;

  /** Which line of the buffer the row shows; -1 when the row is empty (after a reset). */
  private int shownLine = -1;

  /** The column of that line at the row's left edge. */
  private int offset;

  /** The lines printed below the line last (a completion list), so that each shows once. */
  private List<String> printedBelow = List.of();

  OneRowDisplay(Terminal terminal, BooleanSupplier searching) {
    super(terminal, false);
    this.searching = searching;
  }

  @Override
  public void reset() {
    super.reset();
    shown = "";
    shownCursor = 0;
    shownLine = -1;
    offset = 0;
  }

  /**
   * Blanks the row and forgets it, before the window's new width makes JLine draw the line anew:
   * the spaces stop short of {@code width}, lest the terminal wrap.
   */
  void clearRow(int width) {
    int blank = Math.min(columns(shown), width - 1);
    terminal.writer().write("\r" + " ".repeat(Math.max(0, blank)) + "\r");
    terminal.flush();
    reset();
  }

  /**
   * {@code newLines} are JLine's screen rows (the prompt and buffer, each row cut at the window's
   * width, ending in a newline where a line of the buffer ends; then what JLine shows below it),
   * and {@code targetCursorPos} is the cursor's row times (width + 1) plus its column.
   */
  @Override
  public void update(List<AttributedString> newLines, int targetCursorPos, boolean flush) {
    StringBuilder out = new StringBuilder();
    if (newLines.isEmpty()) {
      // JLine clears the line to print something above it (an event), then draws it again.
      redraw(out, "", 0);
      reset();
    } else {
      draw(out, Rows.of(newLines, targetCursorPos, columns1));
    }
    terminal.writer().write(out.toString());
    if (flush) {
      terminal.flush();
    }
  }

  private void draw(StringBuilder out, Rows rows) {
    int line = rows.cursorLine;
    List<String> lines = rows.lines;
    String current = lines.get(line);
    int cursor = rows.cursorColumn;
    List<String> below = lines.subList(line + 1, lines.size());
    if (searching.getAsBoolean() && !below.isEmpty()) {
      // "bck-i-search: te_" changes with each key: keep it on the line instead of printing it
      // below over and over.
      current = current + "   " + String.join(" ", below);
      below = List.of();
    }
    if (shownLine < 0) {
      lines.subList(0, line).forEach(above -> out.append(above).append("\r\n"));
    } else if (shownLine < line) {
      // Enter inside a block: the line above is done; leave it whole and go on below it.
      String done = lines.get(shownLine);
      showOnRow(out, done, columns(done));
      out.append("\r\n");
      newRow();
      lines.subList(shownLine + 1, line).forEach(above -> out.append(above).append("\r\n"));
    } else if (shownLine > line) {
      offset = 0; // up into a line above: nothing goes back up there, so it is shown on this row
    }
    shownLine = line;
    showOnRow(out, current, cursor);
    List<String> list = List.copyOf(below);
    if (!list.isEmpty() && !list.equals(printedBelow)) {
      out.append("\r\n");
      list.forEach(row -> out.append(row).append("\r\n"));
      newRow();
      lines.subList(0, line).forEach(above -> out.append(above).append("\r\n"));
      showOnRow(out, current, cursor);
    }
    printedBelow = list;
  }

  private void newRow() {
    shown = "";
    shownCursor = 0;
    offset = 0;
  }

  /** Shows {@code text} on the row with the cursor at its column {@code cursor}, scrolled. */
  private void showOnRow(StringBuilder out, String text, int cursor) {
    int width = width();
    int total = columns(text);
    if (total < width) {
      offset = 0;
    } else if (cursor < offset + 1 || cursor > offset + width - 2) {
      offset = Math.max(0, cursor - width / 2); // keep the cursor in the middle
    }
    redraw(out, window(text), cursorOnRow(text, cursor));
  }

  /** The part of {@code text} the row shows from {@link #offset}, with its edges marked. */
  private String window(String text) {
    int width = width();
    int total = columns(text);
    if (total < width && offset == 0) {
      return text;
    }
    boolean left = offset > 0;
    boolean right = total > offset + width;
    String middle =
        sub(text, offset + (left ? 1 : 0), Math.min(total, offset + width) - (right ? 1 : 0));
    return (left ? "<" : "") + middle + (right ? ">" : "");
  }

  private int cursorOnRow(String text, int cursor) {
    boolean left = offset > 0;
    return (left ? 1 : 0) + columns(sub(text, offset + (left ? 1 : 0), cursor));
  }

  /**
   * Makes the row show {@code visible} with the cursor at column {@code cursor}: back to where it
   * first differs from what is shown, the rest written over, spaces over what is left of the old.
   */
  private void redraw(StringBuilder out, String visible, int cursor) {
    int same = 0;
    while (same < shown.length()
        && same < visible.length()
        && shown.charAt(same) == visible.charAt(same)) {
      same++;
    }
    int sameColumns = columns(visible.substring(0, same));
    if (shownCursor == sameColumns) {
      // already there
    } else if (sameColumns == 0) {
      out.append('\r');
    } else if (shownCursor > sameColumns) {
      out.append("\b".repeat(shownCursor - sameColumns));
    } else {
      out.append('\r').append(visible, 0, same);
    }
    out.append(visible, same, visible.length());
    int at = columns(visible);
    int old = columns(shown);
    if (old > at) {
      out.append(" ".repeat(old - at));
      at = old;
    }
    if (cursor == 0 && at > 0) {
      out.append('\r');
    } else {
      out.append("\b".repeat(at - cursor));
    }
    shown = visible;
    shownCursor = cursor;
  }

  /** The columns the row may use: all but the last, where a terminal may wrap at once. */
  private int width() {
    return columns <= 0 ? Integer.MAX_VALUE : Math.max(NARROWEST, columns - 1);
  }

  private static int columns(String text) {
    return new AttributedString(text).columnLength();
  }

  private static String sub(String text, int fromColumn, int toColumn) {
    if (toColumn <= fromColumn) {
      return "";
    }
    return new AttributedString(text).columnSubSequence(fromColumn, toColumn).toString();
  }

  /** JLine's rows put back together into the lines of the buffer, and where the cursor is. */
  private record Rows(List<String> lines, int cursorLine, int cursorColumn) {
    static Rows of(List<AttributedString> rows, int target, int columns1) {
      List<String> lines = new ArrayList<>();
      List<Integer> rowLine = new ArrayList<>();
      List<Integer> rowStart = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      int column = 0;
      boolean open = false;
      for (AttributedString row : rows) {
        String text = row.toString(); // plain: a dumb terminal gets no colour
        boolean ends = text.endsWith("\n");
        if (ends) {
          text = text.substring(0, text.length() - 1);
        }
        rowLine.add(lines.size());
        rowStart.add(column);
        line.append(text);
        column += columns(text);
        open = !ends;
        if (ends) {
          lines.add(line.toString());
          line.setLength(0);
          column = 0;
        }
      }
      if (open || lines.isEmpty()) {
        lines.add(line.toString());
      }
      int row = target < 0 || columns1 <= 0 ? rows.size() : target / columns1;
      if (row >= rowLine.size()) {
        int last = lines.size() - 1;
        return new Rows(lines, last, columns(lines.get(last)));
      }
      return new Rows(lines, rowLine.get(row), rowStart.get(row) + target % columns1);
    }
  }
}
