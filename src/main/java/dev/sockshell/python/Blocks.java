package dev.sockshell.python;

import java.util.Set;

/**
 * Where a block of Python ends, for sources that hand over one line at a time, as a Python file has
 * it: the first line back at the block's indentation that is not one of its clauses.
 */
public final class Blocks {
  private Blocks() {}

  private static final Set<String> CLAUSES = Set.of("elif", "else", "except", "finally");
  private static final Set<String> COMPOUND =
      Set.of("if", "while", "for", "try", "with", "def", "class", "async");

  /** True if {@code line} begins a compound statement ({@code while True:}). */
  public static boolean opensBlock(String line) {
    String word = firstWord(line);
    return COMPOUND.contains(word) || word.equals("@");
  }

  private static String firstWord(String line) {
    String s = line.stripLeading();
    int end = 0;
    while (end < s.length() && (Character.isJavaIdentifierPart(s.charAt(end)))) {
      end++;
    }
    return end == 0 ? (s.isEmpty() ? "" : s.substring(0, 1)) : s.substring(0, end);
  }

  /**
   * In a script: true if {@code next} continues the statement {@code soFar} began (an open bracket,
   * an indented line or a clause such as {@code else:} of a block, or a blank line inside one).
   */
  public static boolean continues(String soFar, String next) {
    if (isIncomplete(soFar)) {
      return true;
    }
    if (!opensBlock(soFar.split("\n", 2)[0])) {
      return false;
    }
    if (next.isBlank() || next.stripLeading().startsWith("#")) {
      return true;
    }
    if (indentation(next) > 0) {
      return true;
    }
    return CLAUSES.contains(firstWord(next));
  }

  /** True when the source ended inside a bracket, a string or a block that needs its body. */
  public static boolean isIncomplete(String source) {
    try {
      Parser.parse(source);
      return false;
    } catch (PySyntaxError e) {
      return e.kind == PySyntaxError.Kind.INCOMPLETE;
    }
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }
}
