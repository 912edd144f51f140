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
    lines.add(Styled.of(Style.HEADER, format(headers, widths)));
    for (List<String> row : rows) {
      lines.add(Styled.plain(format(row, widths)));
    }
    return lines;
  }

  private static String format(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      sb.append(cell);
      if (i < cells.size() - 1) {
        sb.append(" ".repeat(widths[i] - cell.length() + 2));
      }
    }
    return sb.toString();
  }
}
