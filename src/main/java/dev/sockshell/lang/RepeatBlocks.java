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
    return OPENER.equals(firstWord(firstLine)) ? new Open() : null;
  }

  /** True for a line that closes a block: {@code end}, perhaps indented or with a comment. */
  public static boolean closes(String line) {
    return CLOSER.equals(firstWord(line));
  }

  /** True for a line that opens a block. */
  public static boolean opens(String line) {
    return OPENER.equals(firstWord(line));
  }

  /**
   * The command word of {@code line} (up to whitespace or a comment), or "" when there is none.
   * Only compared with two plain words, so no quoting rules apply.
   */
  static String firstWord(String line) {
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
    return line.substring(start, end);
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
