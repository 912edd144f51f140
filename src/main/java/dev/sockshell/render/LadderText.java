package dev.sockshell.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link Ladder} drawn for a terminal: times on the left, one lifeline per column, one row per
 * event with its arrow or mark, and what happened in words on the right (wrapped under itself). The
 * lifelines take the room the words leave, so 2 sockets get long arrows and 20 still fit; too
 * narrow for words beside them, the words go on their own line. Box drawing, or plain ASCII.
 *
 * <p>Everything is laid out in terminal columns, not chars: a Chinese word or a CJK path takes two
 * columns a character ({@link Columns}), so the lifelines under and after it stay straight. The
 * lanes themselves hold one glyph a column: the arrows' labels ({@code SYN}, {@code 5 B}) are
 * ASCII.
 */
public final class LadderText {
  /** The characters a drawing is made of. */
  public record Glyphs(
      char lifeline,
      char start,
      char end,
      char state,
      char recv,
      char refused,
      char timeout,
      char error,
      char line,
      char handshake,
      char crossLine,
      char crossHandshake,
      char right,
      char left,
      char fromLeft,
      char fromRight,
      String more) {
    public static final Glyphs UNICODE =
        new Glyphs(
            '│', '┬', '┴', '●', '◆', '✗', '◌', '✗', '─', '═', '┼', '╪', '▶', '◀', '├', '┤', "…");
    public static final Glyphs ASCII =
        new Glyphs(
            '|', '+', '+', 'o', '@', 'x', '~', 'x', '-', '=', '-', '=', '>', '<', '+', '+', "...");
  }

  /** Below this many columns for the words, they go on a line of their own. */
  private static final int NOTE_MIN = 28;

  private static final int MAX_SPACING = 18;

  /** More lines of addresses over the columns than this, and they are listed instead. */
  private static final int MAX_ADDRESS_LINES = 3;

  private final Ladder ladder;
  private final Glyphs g;
  private final int width;
  private final int timeWidth;
  private final int spacing;
  private final int lanesWidth;
  private final boolean notesBelow;
  private final int noteWidth;

  private LadderText(Ladder ladder, int width, Glyphs glyphs) {
    this.ladder = ladder;
    this.g = glyphs;
    this.width = width;
    int t = 4;
    for (Ladder.Row row : ladder.rows()) {
      t = Math.max(t, Durations.seconds(row.nanos()).length());
    }
    this.timeWidth = t;
    int n = ladder.columns().size();
    int room = width - timeWidth - 2 - 1 - 2 - NOTE_MIN;
    this.spacing = n <= 1 ? 0 : Math.max(2, Math.min(MAX_SPACING, room / (n - 1)));
    this.lanesWidth = n == 0 ? 0 : (n - 1) * spacing + 1;
    int left = width - (timeWidth + 2 + lanesWidth + 2);
    this.notesBelow = left < NOTE_MIN;
    this.noteWidth = notesBelow ? Math.max(20, width - timeWidth - 2) : left;
  }

  /** The diagram as lines for a screen {@code width} columns wide. */
  public static List<Styled> draw(Ladder ladder, int width, Glyphs glyphs) {
    return new LadderText(ladder, width, glyphs).lines();
  }

  private List<Styled> lines() {
    List<Styled> out = new ArrayList<>();
    if (ladder.forgotten() > 0) {
      out.add(Styled.of(Style.DIM, g.more() + " " + ladder.forgottenNote()));
    }
    header(out);
    List<Ladder.Row> rows = ladder.rows();
    for (int r = 0; r < rows.size(); r++) {
      row(r, rows.get(r), out);
    }
    return out;
  }

  private int x(int column) {
    return column * spacing;
  }

  // The header: address groups, then socket names, each name over its lifeline.

  private void header(List<Styled> out) {
    List<Ladder.Column> columns = ladder.columns();
    List<String[]> groups = new ArrayList<>();
    List<String> legend = new ArrayList<>();
    for (Ladder.GroupRun run : ladder.groupRuns()) {
      int c = run.first();
      int last = run.last();
      String group = run.address();
      int span = x(last) - x(c) + 1;
      int wide = Columns.of(group);
      String label = wide < span ? group + String.valueOf(g.line()).repeat(span - wide) : group;
      legend.add(
          columns.get(c).name() + (last > c ? "…" + columns.get(last).name() : "") + " " + group);
      place(groups, x(c), label);
    }
    if (groups.size() > MAX_ADDRESS_LINES) {
      // Too many addresses to stand over their columns: say them in words instead.
      groups.clear();
      for (String line : wrap(String.join(", ", legend), width - timeWidth - 2)) {
        String[] cells = blankCells(0);
        groups.add(write(cells, 0, line));
      }
    }
    List<String[]> names = new ArrayList<>();
    int[] placedOn = new int[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      placedOn[c] = place(names, x(c), columns.get(c).name());
    }
    for (int c = 0; c < columns.size(); c++) {
      for (int k = placedOn[c] + 1; k < names.size(); k++) {
        String[] line = names.get(k);
        if (x(c) < line.length && line[x(c)].equals(" ")) {
          line[x(c)] = String.valueOf(g.lifeline());
        }
      }
    }
    String indent = " ".repeat(timeWidth + 2);
    for (String[] line : groups) {
      out.add(Styled.of(Style.ADDRESS, clip(indent + String.join("", line).stripTrailing())));
    }
    for (String[] line : names) {
      out.add(Styled.of(Style.SOCKET, clip(indent + String.join("", line).stripTrailing())));
    }
  }

  /**
   * Writes {@code text} at column {@code x} on the first line where it does not touch what is
   * there, adding a line if none has room; returns the line's index. A line is one cell a column.
   */
  private int place(List<String[]> lines, int x, String text) {
    int need = x + Columns.of(text) + 1;
    for (int k = 0; ; k++) {
      if (k == lines.size()) {
        lines.add(blankCells(Math.max(lanesWidth, need)));
      }
      String[] line = lines.get(k);
      boolean free = true;
      for (int i = Math.max(0, x - 1); i < Math.min(need, line.length) && free; i++) {
        free = line[i].equals(" ");
      }
      if (free) {
        lines.set(k, write(line, x, text));
        return k;
      }
    }
  }

  /**
   * {@code text} written into {@code cells} from column {@code x}, the cells grown to hold it and a
   * blank after it: a wide character fills its column and leaves the next one empty, a combining
   * mark joins the character before it.
   */
  private static String[] write(String[] cells, int x, String text) {
    int need = x + Columns.of(text) + 1;
    String[] line = cells;
    if (line.length < need) {
      line = Arrays.copyOf(cells, need);
      Arrays.fill(line, cells.length, need, " ");
    }
    int at = x;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String c = text.substring(i, i + Character.charCount(cp));
      i += c.length();
      int w = Columns.width(cp);
      if (w == 0 && at > x) {
        line[at - 1] += c;
        continue;
      }
      line[at++] = c;
      if (w == 2) {
        line[at++] = "";
      }
    }
    return line;
  }

  private static String[] blankCells(int n) {
    String[] line = new String[n];
    Arrays.fill(line, " ");
    return line;
  }

  // The rows.

  private boolean alive(int column, int r) {
    int first = ladder.firstRow(column);
    int last = ladder.lastRow(column);
    return first <= r && (last < 0 || r <= last);
  }

  private void row(int r, Ladder.Row row, List<Styled> out) {
    char[] lanes = blank(lanesWidth);
    Style[] styles = new Style[lanesWidth];
    Arrays.fill(styles, Style.DIM);
    for (int c = 0; c < ladder.columns().size(); c++) {
      if (alive(c, r)) {
        lanes[x(c)] = g.lifeline();
      }
    }
    if (row.startsColumn() >= 0) {
      put(lanes, styles, x(row.startsColumn()), g.start(), Style.SOCKET);
    }
    if (row.arrow() != null && row.arrow().from() != row.arrow().to()) {
      arrow(lanes, styles, row);
    } else {
      Ladder.Mark mark = row.mark() != null ? row.mark() : Ladder.Mark.STATE;
      put(lanes, styles, x(row.column()), glyph(mark), style(mark));
    }
    String time = Durations.seconds(row.nanos());
    String head = " ".repeat(timeWidth - time.length()) + time + "  ";
    List<String> words = wrap(g == Glyphs.ASCII ? ascii(note(row)) : note(row), noteWidth);
    Style noteStyle = noteStyle(row);
    if (notesBelow) {
      out.add(lanesLine(Styled.of(Style.DIM, head), lanes, styles, null, null));
      for (String w : words) {
        out.add(Styled.builder().plain(" ".repeat(timeWidth + 2)).add(noteStyle, w).build());
      }
      return;
    }
    out.add(lanesLine(Styled.of(Style.DIM, head), lanes, styles, words.get(0), noteStyle));
    for (String w : words.subList(1, words.size())) {
      char[] after = blank(lanesWidth);
      Style[] dim = new Style[lanesWidth];
      Arrays.fill(dim, Style.DIM);
      for (int c = 0; c < ladder.columns().size(); c++) {
        int last = ladder.lastRow(c);
        if (ladder.firstRow(c) <= r && (last < 0 || last > r)) {
          after[x(c)] = g.lifeline();
        }
      }
      out.add(lanesLine(Styled.plain(" ".repeat(timeWidth + 2)), after, dim, w, noteStyle));
    }
  }

  private void arrow(char[] lanes, Style[] styles, Ladder.Row row) {
    Ladder.Arrow a = row.arrow();
    int from = x(a.from());
    int to = x(a.to());
    boolean right = to > from;
    Style style = arrowStyle(a.kind());
    boolean handshake = a.kind() == Ladder.Kind.CONNECT;
    char line = handshake ? g.handshake() : g.line();
    char cross = handshake ? g.crossHandshake() : g.crossLine();
    int step = right ? 1 : -1;
    for (int i = from + step; i != to; i += step) {
      put(lanes, styles, i, lanes[i] == g.lifeline() ? cross : line, style);
    }
    int headAt = to - step;
    if (headAt != from) {
      put(lanes, styles, headAt, right ? g.right() : g.left(), style);
    }
    char source = row.endsColumn() ? g.end() : right ? g.fromLeft() : g.fromRight();
    put(lanes, styles, from, source, style);
    if (row.startsColumn() == a.to()) {
      put(lanes, styles, to, g.start(), Style.SOCKET);
    } else if (lanes[to] == ' ') {
      put(lanes, styles, to, g.lifeline(), Style.DIM);
    }
    String label = a.label();
    int lo = Math.min(from, headAt) + 1;
    int hi = Math.max(from, headAt) - 1;
    int room = hi - lo + 1;
    if (label != null && room >= label.length() + 2) {
      int at = lo + (room - label.length()) / 2;
      for (int i = 0; i < label.length(); i++) {
        put(lanes, styles, at + i, label.charAt(i), style);
      }
    }
  }

  private static void put(char[] lanes, Style[] styles, int i, char c, Style style) {
    if (i >= 0 && i < lanes.length) {
      lanes[i] = c;
      styles[i] = style;
    }
  }

  private Styled lanesLine(
      Styled head, char[] lanes, Style[] styles, String note, Style noteStyle) {
    Styled.Builder b = Styled.builder().add(head);
    int i = 0;
    while (i < lanes.length) {
      int j = i;
      while (j < lanes.length && styles[j] == styles[i]) {
        j++;
      }
      b.add(styles[i], new String(lanes, i, j - i));
      i = j;
    }
    if (note != null) {
      b.plain("  ").add(noteStyle, note);
    }
    Styled line = b.build();
    return line.text().isBlank() ? line : trimmed(line);
  }

  /** The line without trailing blanks (a row with no words). */
  private static Styled trimmed(Styled line) {
    List<Styled.Span> spans = new ArrayList<>(line.spans());
    while (!spans.isEmpty()) {
      Styled.Span last = spans.get(spans.size() - 1);
      String t = last.text().stripTrailing();
      spans.remove(spans.size() - 1);
      if (!t.isEmpty()) {
        spans.add(new Styled.Span(last.style(), t));
        break;
      }
    }
    Styled.Builder b = Styled.builder();
    spans.forEach(s -> b.add(s.style(), s.text()));
    return b.build();
  }

  /** {@code 7 cli: send 5 B b'hello'}: the /history number first ({@code ·} for background). */
  static String note(Ladder.Row row) {
    String number =
        row.origin().isBackground()
            ? "·"
            : row.origin().command() > 0 ? String.valueOf(row.origin().command()) : "-";
    return number + " " + row.text();
  }

  /** The words in plain ASCII: arrows and ellipses spelled out. */
  static String ascii(String text) {
    return text.replace("→", "->").replace("←", "<-").replace("…", "...").replace('·', '.');
  }

  private char glyph(Ladder.Mark mark) {
    return switch (mark) {
      case START -> g.start();
      case STATE -> g.state();
      case RECV -> g.recv();
      case REFUSED -> g.refused();
      case TIMEOUT -> g.timeout();
      case ERROR -> g.error();
      case END -> g.end();
    };
  }

  private static Style style(Ladder.Mark mark) {
    return switch (mark) {
      case REFUSED, TIMEOUT, ERROR -> Style.ERROR;
      case RECV -> Style.VALUE;
      case START, END -> Style.SOCKET;
      case STATE -> Style.FEEDBACK;
    };
  }

  private static Style arrowStyle(Ladder.Kind kind) {
    return switch (kind) {
      case CONNECT, ACCEPT -> Style.SUCCESS;
      case DATA -> Style.VALUE;
      case FIN -> Style.WARNING;
      case RST -> Style.ERROR;
    };
  }

  private static Style noteStyle(Ladder.Row row) {
    if (row.mark() == Ladder.Mark.REFUSED
        || row.mark() == Ladder.Mark.TIMEOUT
        || row.mark() == Ladder.Mark.ERROR
        || (row.arrow() != null && row.arrow().kind() == Ladder.Kind.RST)) {
      return Style.ERROR;
    }
    return Style.PLAIN;
  }

  /** The line cut to the screen's columns, a {@code …} (or {@code .}) saying it was. */
  private String clip(String line) {
    return Columns.clip(line, width, g.more().charAt(0));
  }

  private static char[] blank(int n) {
    char[] line = new char[n];
    Arrays.fill(line, ' ');
    return line;
  }

  /**
   * Words wrapped to {@code width} terminal columns, English at spaces and Chinese between any two
   * characters ({@link LineBreaks}); a word longer than a line is cut, since the lifelines are
   * beside it.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String line : LineBreaks.wrap(text, width)) {
      while (Columns.of(line) > width) {
        int cut = Columns.prefix(line, width);
        lines.add(line.substring(0, cut));
        line = line.substring(cut);
      }
      lines.add(line);
    }
    return lines;
  }
}
