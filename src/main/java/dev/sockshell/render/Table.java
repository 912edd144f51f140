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

  public List<Styled> render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<Styled> lines = new ArrayList<>(rows.size() + 1);
    StringBuilder line = new StringBuilder(); // one buffer for every row: tables can be long
    lines.add(Styled.of(Style.HEADER, format(headers, widths, line)));
    for (List<String> row : rows) {
      lines.add(Styled.plain(format(row, widths, line)));
    }
    return lines;
  }

  private static String format(List<String> cells, int[] widths, StringBuilder line) {
    line.setLength(0);
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        for (int pad = widths[i] - cell.length() + 2; pad > 0; pad--) {
          line.append(' ');
        }
      }
    }
    return line.toString();
  }
}
