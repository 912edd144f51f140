package dev.sockshell.render;

import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * A {@link Ladder} drawn as SVG, the picture a page or a slide shows: address groups and socket
 * names over their lifelines, one row per event with its arrow (the handshake thick, FIN dashed,
 * RST red) or mark, the time on the left and the words on the right. Each row can link to the line
 * of the transcript that made it ({@code #step-N}); every arrow is a {@code <g class="arrow">} with
 * a {@code data-kind}, so a test can count them.
 */
public final class LadderSvg {
  private static final int PAD = 16;
  private static final int TIME_WIDTH = 56;
  private static final int ROW = 24;

  /** The width of one terminal column of the monospace font: a CJK character takes two. */
  private static final int CHAR = 7;

  private static final int NOTE_MAX = 110;

  private static final String STYLE =
      """
      .ladder { font: 12px ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; }
      .ladder .bg { fill: #fcfcfa; }
      .ladder .group { fill: #8a6d00; }
      .ladder .bracket { stroke: #c9b26b; stroke-width: 1; }
      .ladder .name { fill: #7a1f8a; font-weight: bold; }
      .ladder .remote { fill: #555; font-style: italic; }
      .ladder .life { stroke: #bbb; stroke-width: 1; }
      .ladder .time { fill: #999; }
      .ladder .note { fill: #222; }
      .ladder .note.bad { fill: #b00020; }
      .ladder .arrow line { stroke-width: 1.6; }
      .ladder .arrow text { font-size: 11px; }
      .ladder .CONNECT line { stroke: #1b7f3a; stroke-width: 3.2; }
      .ladder .CONNECT polygon, .ladder .ACCEPT polygon { fill: #1b7f3a; }
      .ladder .CONNECT text, .ladder .ACCEPT text { fill: #1b7f3a; }
      .ladder .ACCEPT line { stroke: #1b7f3a; }
      .ladder .DATA line { stroke: #1d5fb4; }
      .ladder .DATA polygon { fill: #1d5fb4; }
      .ladder .DATA text { fill: #1d5fb4; }
      .ladder .FIN line { stroke: #a36b00; stroke-dasharray: 6 3; }
      .ladder .FIN polygon { fill: #a36b00; }
      .ladder .FIN text { fill: #a36b00; }
      .ladder .RST line { stroke: #b00020; stroke-width: 2; }
      .ladder .RST polygon { fill: #b00020; }
      .ladder .RST text { fill: #b00020; font-weight: bold; }
      .ladder .mark { stroke-width: 1.5; }
      .ladder .START, .ladder .END { fill: #7a1f8a; stroke: #7a1f8a; }
      .ladder .STATE { fill: #fff; stroke: #666; }
      .ladder .RECV { fill: #1d5fb4; stroke: #1d5fb4; }
      .ladder .REFUSED, .ladder .ERROR { stroke: #b00020; stroke-width: 2.5; fill: none; }
      .ladder .TIMEOUT { fill: #fff; stroke: #b00020; stroke-dasharray: 2 2; }
      .ladder a .row:hover .note { text-decoration: underline; }
      .ladder .row:target .note { font-weight: bold; }
      """;

  private final Ladder ladder;
  private final IntPredicate linked;
  private final int spacing;
  private final int lanesX;
  private final int rowsY;
  private final boolean staggered;

  /** The address groups over the columns, each on the header line where it has room. */
  private final List<Group> groups = new ArrayList<>();

  private int groupLines;
  private final StringBuilder svg = new StringBuilder(4096);

  /** Columns {@code first..last} share {@code address}, written on header line {@code line}. */
  private record Group(int first, int last, String address, int line) {}

  private LadderSvg(Ladder ladder, IntPredicate linked) {
    this.ladder = ladder;
    this.linked = linked;
    int n = ladder.columns().size();
    this.spacing = n <= 1 ? 0 : Math.max(84, Math.min(170, 900 / (n - 1)));
    int longestFirst = n == 0 ? 0 : ladder.columns().get(0).name().length();
    this.lanesX = PAD + TIME_WIDTH + Math.max(24, longestFirst * CHAR / 2 + 8);
    // Names longer than the room between two lifelines go on two lines, every other one lower.
    int longest = ladder.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0);
    this.staggered = n > 1 && longest * CHAR + 8 > spacing;
    placeGroups();
    this.rowsY = PAD + groupLines * 16 + (staggered ? 50 : 36);
  }

  /** Puts each group's address on the first header line where it overlaps no other. */
  private void placeGroups() {
    List<Integer> ends = new ArrayList<>();
    for (Ladder.GroupRun run : ladder.groupRuns()) {
      int c = run.first();
      int last = run.last();
      String group = run.address();
      int half = Math.max(Columns.of(group) * CHAR / 2 + 4, (x(last) - x(c)) / 2 + spacing / 2);
      int middle = (x(c) + x(last)) / 2;
      int line = 0;
      while (line < ends.size() && ends.get(line) >= middle - half) {
        line++;
      }
      if (line == ends.size()) {
        ends.add(0);
      }
      ends.set(line, middle + half);
      groups.add(new Group(c, last, group, line));
    }
    groupLines = Math.max(1, ends.size());
  }

  /**
   * The diagram as a standalone SVG document; a row links to {@code #step-N} (its command's line on
   * the page it is part of) only where {@code linked} says that line is there.
   */
  public static String draw(Ladder ladder, IntPredicate linked) {
    return new LadderSvg(ladder, linked).render();
  }

  private int x(int column) {
    return lanesX + column * spacing;
  }

  private int y(int row) {
    return rowsY + row * ROW + ROW / 2;
  }

  private int notesX() {
    int n = ladder.columns().size();
    return (n == 0 ? lanesX : x(n - 1)) + 28;
  }

  private String render() {
    List<Ladder.Row> rows = ladder.rows();
    int longestNote = 0;
    for (Ladder.Row row : rows) {
      longestNote = Math.max(longestNote, Math.min(NOTE_MAX, Columns.of(LadderText.note(row))));
    }
    int width = notesX() + longestNote * CHAR + PAD;
    int height = rowsY + rows.size() * ROW + PAD + (ladder.forgotten() > 0 ? ROW : 0);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(Xml.escape(Text.get("diagram.svg.label")))
        .append("\">\n");
    svg.append("<style>\n").append(STYLE).append("</style>\n");
    svg.append("<rect class=\"bg\" width=\"100%\" height=\"100%\"/>\n");
    header();
    lifelines();
    for (int r = 0; r < rows.size(); r++) {
      row(r, rows.get(r));
    }
    if (ladder.forgotten() > 0) {
      text("note", PAD, rowsY + rows.size() * ROW + ROW / 2, ladder.forgottenNote());
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void header() {
    for (Group g : groups) {
      int from = spacing == 0 ? x(g.first()) - 40 : x(g.first()) - spacing / 2 + 6;
      int to = spacing == 0 ? x(g.last()) + 40 : x(g.last()) + spacing / 2 - 6;
      int y = PAD + 12 + g.line() * 16;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"bracket\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
              from,
              y + 5,
              to,
              y + 5));
      text("group", (x(g.first()) + x(g.last())) / 2, y, g.address(), "middle");
    }
    List<Ladder.Column> columns = ladder.columns();
    int namesY = PAD + groupLines * 16 + 22;
    for (int c = 0; c < columns.size(); c++) {
      Ladder.Column column = columns.get(c);
      int y = namesY + (staggered && c % 2 == 1 ? 14 : 0);
      text(column.remote() ? "name remote" : "name", x(c), y, column.name(), "middle");
    }
  }

  private void lifelines() {
    int rows = ladder.rows().size();
    for (int c = 0; c < ladder.columns().size(); c++) {
      int first = ladder.firstRow(c);
      if (first >= rows) {
        continue;
      }
      int last = ladder.lastRow(c);
      int bottom = last < 0 ? rowsY + rows * ROW : y(last);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"life\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
              x(c),
              y(first),
              x(c),
              bottom));
    }
  }

  private void row(int r, Ladder.Row row) {
    int step = row.origin().step();
    boolean link = step > 0 && linked.test(step);
    if (link) {
      svg.append("<a href=\"#step-").append(step).append("\">");
    }
    svg.append("<g class=\"row\" id=\"row-").append(r).append("\">");
    String note = LadderText.note(row);
    svg.append("<title>").append(Xml.escape(note)).append("</title>");
    int y = y(r);
    text("time", PAD + TIME_WIDTH - 8, y + 4, Durations.seconds(row.nanos()), "end");
    if (row.startsColumn() >= 0) {
      mark(Ladder.Mark.START, x(row.startsColumn()), y);
    }
    if (row.arrow() != null && row.arrow().from() != row.arrow().to()) {
      arrow(row.arrow(), y);
    } else {
      mark(row.mark() != null ? row.mark() : Ladder.Mark.STATE, x(row.column()), y);
    }
    if (row.endsColumn()) {
      mark(Ladder.Mark.END, x(row.column()), y);
    }
    text(bad(row) ? "note bad" : "note", notesX(), y + 4, Columns.clip(note, NOTE_MAX, '…'));
    svg.append("</g>");
    if (link) {
      svg.append("</a>");
    }
    svg.append('\n');
  }

  private void arrow(Ladder.Arrow a, int y) {
    int from = x(a.from());
    int to = x(a.to());
    int dir = to > from ? 1 : -1;
    int tip = to - dir * 2;
    svg.append("<g class=\"arrow ")
        .append(a.kind().name())
        .append("\" data-kind=\"")
        .append(a.kind().name())
        .append("\">");
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            from,
            y,
            tip - dir * 8,
            y));
    svg.append(
        String.format(
            Locale.ROOT,
            "<polygon points=\"%d,%d %d,%d %d,%d\"/>",
            tip,
            y,
            tip - dir * 10,
            y - 5,
            tip - dir * 10,
            y + 5));
    if (a.label() != null) {
      text(null, (from + to) / 2, y - 4, a.label(), "middle");
    }
    svg.append("</g>");
  }

  private void mark(Ladder.Mark mark, int x, int y) {
    String cls = "mark " + mark.name();
    switch (mark) {
      case START, END ->
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"14\" height=\"4\"/>",
                  cls,
                  x - 7,
                  mark == Ladder.Mark.START ? y - 6 : y + 2));
      case STATE, TIMEOUT ->
          svg.append(
              String.format(
                  Locale.ROOT, "<circle class=\"%s\" cx=\"%d\" cy=\"%d\" r=\"4.5\"/>", cls, x, y));
      case RECV ->
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<polygon class=\"%s\" points=\"%d,%d %d,%d %d,%d %d,%d\"/>",
                  cls,
                  x,
                  y - 6,
                  x + 6,
                  y,
                  x,
                  y + 6,
                  x - 6,
                  y));
      case REFUSED, ERROR ->
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<path class=\"%s\" d=\"M%d %d L%d %d M%d %d L%d %d\"/>",
                  cls,
                  x - 5,
                  y - 5,
                  x + 5,
                  y + 5,
                  x - 5,
                  y + 5,
                  x + 5,
                  y - 5));
    }
  }

  private static boolean bad(Ladder.Row row) {
    return row.mark() == Ladder.Mark.REFUSED
        || row.mark() == Ladder.Mark.TIMEOUT
        || row.mark() == Ladder.Mark.ERROR
        || (row.arrow() != null && row.arrow().kind() == Ladder.Kind.RST);
  }

  private void text(String cls, int x, int y, String text) {
    text(cls, x, y, text, null);
  }

  private void text(String cls, int x, int y, String text, String anchor) {
    svg.append("<text");
    if (cls != null) {
      svg.append(" class=\"").append(cls).append('"');
    }
    svg.append(" x=\"").append(x).append("\" y=\"").append(y).append('"');
    if (anchor != null) {
      svg.append(" text-anchor=\"").append(anchor).append('"');
    }
    svg.append('>').append(Xml.escape(text)).append("</text>");
  }
}
