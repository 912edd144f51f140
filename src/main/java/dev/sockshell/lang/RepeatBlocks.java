package dev.sockshell.lang;

/**
 * The command language's blocks: a line starting with {@code repeat} opens one, and the {@code end}
 * that matches it (blocks nest) closes it.
 */
public final class RepeatBlocks implements BlockSyntax {
  /** The word that opens a block. */
  public static final String OPENER = "repeat";

  /** The word, alone on its line, that closes one. */
  public static final String CLOSER = "end";

  @Override
  public Block open(String firstLine) {
    return opens(firstLine) ? new Open() : null;
  }

  /** True for a line that closes a block: {@code end}, perhaps indented or with a comment. */
  public static boolean closes(String line) {
    return firstWordIs(line, CLOSER);
  }

  /** True for a line that opens a block. */
  public static boolean opens(String line) {
    return firstWordIs(line, OPENER);
  }

  /**
   * True when the command word of {@code line} (up to whitespace or a comment) is {@code word}.
   * Only compared with two plain words, so no quoting rules apply; compared in place, as every line
   * of a script is asked.
   */
  static boolean firstWordIs(String line, String word) {
    int start = 0;
    while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < line.length()
        && !Character.isWhitespace(line.charAt(end))
        && line.charAt(end) != '#') {
      end++;
    }
    return end - start == word.length() && line.startsWith(word, start);
  }

  /** A block open to this depth: nested repeats need their own end first. */
  private static final class Open implements Block {
    private int depth = 1;

    @Override
    public Fit add(String line) {
      if (opens(line)) {
        depth++;
      } else if (closes(line)) {
        depth--;
      }
      return depth == 0 ? Fit.LAST : Fit.MORE;
    }

    @Override
    public String prompt() {
      return Prompt.MORE;
    }
  }
}
