package dev.sockshell.render;

import dev.sockshell.i18n.Text;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The session as one self-contained HTML page to share: the diagram as inline SVG, and the
 * transcript as it looked on the terminal (colours, events, errors, hints). Each row of the diagram
 * links to its command's line in the transcript and each command line back to its first row. No
 * script, no external asset: it opens offline in any browser, and prints.
 */
public final class HtmlPage {
  private HtmlPage() {}

  /** The terminal's colours, as the console's {@code Colors} gives them (bright where it does). */
  private static final Map<Style, String> COLOURS =
      Map.ofEntries(
          Map.entry(Style.PROMPT, "color: #6f9cff; font-weight: bold"),
          Map.entry(Style.COMMAND, "color: #37c8c8; font-weight: bold"),
          Map.entry(Style.SOCKET, "color: #d27be0"),
          Map.entry(Style.VALUE, "color: #4ec94e"),
          Map.entry(Style.STRING, "color: #4ec94e"),
          Map.entry(Style.VALUE_NAME, "color: #8a8a8a"),
          Map.entry(Style.ADDRESS, "color: #d7c14a"),
          Map.entry(Style.NUMBER, "color: #6f9cff"),
          Map.entry(Style.CONSTANT, "color: #6f9cff"),
          Map.entry(Style.FEEDBACK, "color: #8a8a8a"),
          Map.entry(Style.DIM, "color: #8a8a8a"),
          Map.entry(Style.HINT, "color: #d7c14a"),
          Map.entry(Style.ERROR, "color: #ff5f5f"),
          Map.entry(Style.WARNING, "color: #ffe066"),
          Map.entry(Style.SUCCESS, "color: #4ec94e"),
          Map.entry(Style.HEADER, "font-weight: bold"),
          Map.entry(Style.EVENT, "color: #37c8c8"));

  private static final String PAGE_STYLE =
      """
      body { margin: 0; background: #f3f3ef; color: #222;
        font: 15px system-ui, -apple-system, 'Segoe UI', sans-serif; }
      header, section { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
      h1 { font-size: 20px; margin: 20px 0 4px; }
      h2 { font-size: 16px; margin: 24px 0 8px; }
      p.about { margin: 0; color: #666; font-size: 13px; }
      .diagram { overflow-x: auto; background: #fcfcfa; border: 1px solid #ddd; }
      .diagram a { cursor: pointer; }
      pre.term { background: #1e1f22; color: #ddd; padding: 12px 14px; overflow-x: auto;
        font: 13px/1.45 ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
        border-radius: 4px; }
      pre.term .line { display: block; white-space: pre; }
      pre.term .line:target { background: #3a3b10; outline: 1px solid #8a8a2a; }
      pre.term a.row { color: #6f9cff; text-decoration: none; margin-left: 1.5em; }
      pre.term a.row:hover { text-decoration: underline; }
      """;

  /**
   * The page: {@code title}, the diagram ({@code svg}, drawn with links to {@code #step-N}; null:
   * nothing to draw), {@code firstRows} the first diagram row of each command (its step), and the
   * transcript.
   */
  public static String render(
      String title, String svg, Map<Integer, Integer> firstRows, ScreenRecord.Snapshot screen) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(Text.lang().code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(Xml.escape(title))
        .append("</title>\n<style>\n")
        .append(PAGE_STYLE);
    for (Style style : Style.values()) {
      String css = COLOURS.get(style);
      if (css != null) {
        html.append("pre.term .").append(cssClass(style)).append(" { ").append(css).append("; }\n");
      }
    }
    html.append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(Xml.escape(title))
        .append("</h1>\n<p class=\"about\">")
        .append(Xml.escape(Text.get("page.about")))
        .append("</p>\n</header>\n");
    html.append("<section>\n<h2>")
        .append(Xml.escape(Text.get("page.diagram")))
        .append("</h2>\n<div class=\"diagram\">\n");
    if (svg == null) {
      html.append("<p class=\"about\">")
          .append(Xml.escape(Text.get("page.nothing")))
          .append("</p>\n");
    } else {
      html.append(svg);
    }
    html.append("</div>\n</section>\n<section>\n<h2>")
        .append(Xml.escape(Text.get("page.transcript")))
        .append("</h2>\n<pre class=\"term\">");
    if (screen.forgotten() > 0) {
      html.append("<span class=\"line dim\">")
          .append(Xml.escape(Text.get("page.forgotten", screen.forgotten())))
          .append("</span>");
    }
    for (ScreenRecord.Line line : screen.lines()) {
      html.append("<span class=\"line\"");
      if (line.step() > 0) {
        html.append(" id=\"step-").append(line.step()).append('"');
      }
      html.append('>');
      for (Styled.Span span : line.text().spans()) {
        if (span.style() == Style.PLAIN) {
          html.append(Xml.escape(span.text()));
        } else {
          html.append("<span class=\"")
              .append(cssClass(span.style()))
              .append("\">")
              .append(Xml.escape(span.text()))
              .append("</span>");
        }
      }
      Integer row = line.step() > 0 ? firstRows.get(line.step()) : null;
      if (row != null) {
        html.append("<a class=\"row\" href=\"#row-")
            .append(row)
            .append("\" title=\"")
            .append(Xml.escape(Text.get("page.row.title")))
            .append("\">")
            .append(Xml.escape(Text.get("page.row.link")))
            .append("</a>");
      }
      html.append("</span>");
    }
    html.append("</pre>\n</section>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The steps that have a line on the page: what a diagram's row may link to. */
  public static Set<Integer> steps(ScreenRecord.Snapshot screen) {
    Set<Integer> steps = new HashSet<>();
    for (ScreenRecord.Line line : screen.lines()) {
      if (line.step() > 0) {
        steps.add(line.step());
      }
    }
    return steps;
  }

  /** The first row of each command in {@code ladder}, by its step. */
  public static Map<Integer, Integer> firstRows(Ladder ladder) {
    Map<Integer, Integer> first = new HashMap<>();
    List<Ladder.Row> rows = ladder.rows();
    for (int r = 0; r < rows.size(); r++) {
      int step = rows.get(r).origin().step();
      if (step > 0) {
        first.putIfAbsent(step, r);
      }
    }
    return first;
  }

  private static String cssClass(Style style) {
    return style.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
