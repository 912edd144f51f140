package dev.sockshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines of a number of terminal columns, where English breaks only at spaces and
 * Chinese between any two characters: a CJK character takes two columns, and a line may end before
 * or after one, except before closing punctuation ({@code ，。）}) or after opening ({@code （「}), as
 * Chinese typesetting does.
 */
public final class LineBreaks {
  private LineBreaks() {}

  private static final String NO_BREAK_BEFORE = "，。、；：！？）」』》】…,.;:!?)]";
  private static final String NO_BREAK_AFTER = "（「『《【([";

  /** {@code text} in lines of at most {@code columns} (a longer run without a break stays). */
  public static List<String> wrap(String text, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lineColumns = 0;
    for (Piece piece : pieces(text)) {
      int width = Columns.of(piece.text);
      int gap = line.length() > 0 ? piece.spaces : 0;
      if (line.length() > 0 && lineColumns + gap + width > columns) {
        lines.add(line.toString());
        line.setLength(0);
        lineColumns = 0;
        gap = 0;
      }
      line.append(" ".repeat(gap)).append(piece.text);
      lineColumns += gap + width;
    }
    lines.add(line.toString());
    return lines;
  }

  /** A run of text no line may break inside, and how many spaces came before it. */
  private record Piece(String text, int spaces) {}

  private static List<Piece> pieces(String text) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int spaces = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ') {
        if (piece.length() > 0) {
          pieces.add(new Piece(piece.toString(), spaces));
          piece.setLength(0);
          spaces = 0;
        }
        spaces++;
        previous = -1;
        continue;
      }
      if (piece.length() > 0 && breaksBetween(previous, cp)) {
        pieces.add(new Piece(piece.toString(), spaces));
        piece.setLength(0);
        spaces = 0;
      }
      piece.appendCodePoint(cp);
      previous = cp;
    }
    if (piece.length() > 0 || pieces.isEmpty()) {
      pieces.add(new Piece(piece.toString(), spaces));
    }
    return pieces;
  }

  private static boolean breaksBetween(int before, int after) {
    if (Columns.width(before) < 2 && Columns.width(after) < 2) {
      return false;
    }
    return NO_BREAK_BEFORE.indexOf(after) < 0 && NO_BREAK_AFTER.indexOf(before) < 0;
  }
}
