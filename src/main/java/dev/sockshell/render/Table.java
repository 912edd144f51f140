package dev.sockshell.render;

import java.util.ArrayList;
import java.util.List;

/** A plain text table: a header row and left-aligned columns, two spaces apart. */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  public Table add(List<String> row) {
    if (row.size() != headers.size()) {
      throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
    }
    rows.add(List.copyOf(row));
    return this;
  }

  /**
   * The table in at most {@code width} columns (0: no limit). A table too wide for them is folded,
   * as R prints a wide data frame: the columns that fit, then below them the next ones, each part
   * starting again with the first column so every row can still be told by it.
   */
  public List<Styled> render(int width) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Columns.of(headers.get(i));
      for (List<String> row : rows) {
        // Columns, not chars: an AF_UNIX path in Chinese takes two per character.
        widths[i] = Math.max(widths[i], Columns.of(row.get(i)));
      }
    }
    List<Styled> lines = new ArrayList<>(rows.size() + 1);
    StringBuilder line = new StringBuilder(); // one buffer for every row: tables can be long
    int next = 1;
    do {
      List<Integer> part = new ArrayList<>(List.of(0));
      int used = widths[0];
      // Each part takes at least one more column, however narrow the screen.
      while (next < widths.length
          && (part.size() == 1 || width <= 0 || used + 2 + widths[next] <= width)) {
        used += 2 + widths[next];
        part.add(next++);
      }
      if (!lines.isEmpty()) {
        lines.add(Styled.plain(""));
      }
      lines.add(Styled.of(Style.HEADER, format(headers, widths, part, line)));
      for (List<String> row : rows) {
        lines.add(Styled.plain(format(row, widths, part, line)));
      }
    } while (next < widths.length);
    return lines;
  }

  private static String format(
      List<String> cells, int[] widths, List<Integer> columns, StringBuilder line) {
    line.setLength(0);
    for (int i = 0; i < columns.size(); i++) {
      int c = columns.get(i);
      line.append(cells.get(c));
      if (i < columns.size() - 1) {
        for (int pad = widths[c] - Columns.of(cells.get(c)) + 2; pad > 0; pad--) {
          line.append(' ');
        }
      }
    }
    return line.toString();
  }
}
