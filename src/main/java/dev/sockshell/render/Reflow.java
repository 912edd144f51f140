package dev.sockshell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a line of prose (an error, a hint, feedback) at spaces to fit the screen, as {@code /help}
 * is laid out, so the terminal never breaks it mid-word ({@code …raises the lim|it}). Each line
 * after the first starts with a continuation, such as {@code "| "} for feedback, keeping its
 * styles. A word longer than a line stays whole. {@link Output#println(Styled, Styled)} prints
 * through it.
 */
public final class Reflow {
  private Reflow() {}

  /**
   * {@code line} in lines of at most {@code width} columns; as it is when it fits, or when {@code
   * width} is 0 (no screen).
   */
  public static List<Styled> lines(Styled line, int width, Styled continuation) {
    String text = line.text();
    if (width <= 0 || Columns.of(text) <= width) {
      return List.of(line);
    }
    int indent = Columns.of(continuation.text());
    List<Styled> lines = new ArrayList<>();
    int start = 0;
    int room = width;
    while (start < text.length()) {
      int end = breakAt(text, start, Math.max(room, 1));
      Styled.Builder piece = Styled.builder();
      if (start > 0) {
        piece.add(continuation);
      }
      lines.add(slice(line, start, end, piece));
      start = end;
      while (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
      room = width - indent;
    }
    return lines;
  }

  /**
   * Where the line from {@code start} ends: before the last space after a word that still fits in
   * {@code room} columns, or at the end of the first word if even that does not fit.
   */
  private static int breakAt(String text, int start, int room) {
    int columns = 0;
    int lastBreak = -1;
    for (int i = start; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp == ' ' && i > start && text.charAt(i - 1) != ' ') {
        lastBreak = i;
      }
      columns += cp == ' ' ? 1 : Columns.width(cp);
      if (columns > room) {
        if (lastBreak >= 0) {
          return lastBreak;
        }
        int space = text.indexOf(' ', i);
        return space < 0 ? text.length() : space;
      }
      i += Character.charCount(cp);
    }
    return text.length();
  }

  /** The characters {@code [from, to)} of {@code line}, in their styles, after {@code into}'s. */
  private static Styled slice(Styled line, int from, int to, Styled.Builder into) {
    int at = 0;
    for (Styled.Span span : line.spans()) {
      int spanEnd = at + span.text().length();
      int a = Math.max(from, at);
      int b = Math.min(to, spanEnd);
      if (a < b) {
        into.add(span.style(), span.text().substring(a - at, b - at));
      }
      at = spanEnd;
    }
    return into.build();
  }
}
