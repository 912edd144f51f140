package dev.sockshell.commands;

import dev.sockshell.render.Columns;
import dev.sockshell.render.LineBreaks;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays {@code /help} text out in the width of the screen: two columns (a name, and what it means
 * wrapped under itself) and paragraphs, so no line is left for the terminal to break mid-word.
 */
final class HelpLayout {
  /**
   * The name column takes at most this share of the width; a longer name gets a line of its own.
   */
  private static final double NAME_SHARE = 0.4;

  /** Narrower than this, a meaning goes under its name instead of beside it. */
  private static final int LEAST_MEANING = 24;

  private final int width;

  /**
   * @param width columns to fit in; lines are never cut shorter than a word
   */
  HelpLayout(int width) {
    this.width = width;
  }

  /** Two columns from a flat list of cells (name, meaning, name, meaning…), indented by two. */
  List<Styled> rows(Style nameStyle, List<String> cells) {
    return rows(nameStyle, Style.PLAIN, 0, cells);
  }

  /**
   * Two columns from a flat list of cells, indented by two.
   *
   * @param least the least width of the name column, so several tables can line up
   */
  List<Styled> rows(Style nameStyle, Style meaningStyle, int least, List<String> cells) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += 2) {
      names.add(cells.get(i));
    }
    int column = Math.max(least, column(names));
    int meaningAt = 2 + column + 2;
    boolean beside = width - meaningAt >= LEAST_MEANING;
    if (!beside) {
      meaningAt = 6;
    }
    List<Styled> lines = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += 2) {
      String name = cells.get(i);
      List<String> meaning = wrap(cells.get(i + 1), width - meaningAt);
      Styled.Builder first = Styled.builder().plain("  ").add(nameStyle, name);
      int from = 0;
      if (beside && Columns.of(name) <= column || meaning.get(0).isEmpty()) {
        if (!meaning.get(0).isEmpty()) {
          first.plain(" ".repeat(column - Columns.of(name) + 2)).add(meaningStyle, meaning.get(0));
        }
        from = 1;
      }
      lines.add(first.build());
      for (String rest : meaning.subList(from, meaning.size())) {
        lines.add(Styled.builder().plain(" ".repeat(meaningAt)).add(meaningStyle, rest).build());
      }
    }
    return lines;
  }

  /**
   * The width of the name column for these names: the longest that leaves the meanings enough room;
   * longer names go on lines of their own.
   */
  int column(List<String> names) {
    int cap = (int) ((width - 2) * NAME_SHARE);
    int column = 0;
    for (String name : names) {
      if (Columns.of(name) <= cap) {
        column = Math.max(column, Columns.of(name));
      }
    }
    return column;
  }

  /** The same layout for text indented by {@code columns} more. */
  HelpLayout indented(int columns) {
    return new HelpLayout(width - columns);
  }

  /** A paragraph of plain text, wrapped. */
  List<Styled> paragraph(String text) {
    return paragraph("", text);
  }

  /** A heading, wrapped like a paragraph. */
  List<Styled> heading(String text) {
    List<Styled> lines = new ArrayList<>();
    for (String line : wrap(text, width)) {
      lines.add(Styled.of(Style.HEADER, line));
    }
    return lines;
  }

  /** A paragraph after {@code indent}, its other lines under the first. */
  List<Styled> paragraph(String indent, String text) {
    List<Styled> lines = new ArrayList<>();
    for (String line : wrap(text, width - indent.length())) {
      lines.add(Styled.plain(indent + line));
    }
    return lines;
  }

  /**
   * {@code text} in lines of at most {@code columns}, broken at spaces (a longer word stays); text
   * with Chinese also between its characters ({@link LineBreaks}).
   */
  static List<String> wrap(String text, int columns) {
    if (Columns.of(text) != text.length()) {
      return LineBreaks.wrap(text, columns);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > columns) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
