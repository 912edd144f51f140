package dev.sockshell.render;

/**
 * How many terminal columns text takes: a CJK character or an emoji takes two, a combining mark
 * none. Used to put a caret under a character of a line that a terminal shows, which counting chars
 * gets wrong after {@code "中文"} or a tab.
 */
public final class Columns {
  private Columns() {}

  /**
   * Blank space as wide as {@code text} on a terminal: a tab stays a tab (so it reaches the same
   * tab stop), a wide character becomes two spaces.
   */
  public static String blankUnder(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t') {
                sb.append('\t');
              } else {
                sb.append(" ".repeat(width(cp)));
              }
            });
    return sb.toString();
  }

  /** How many columns {@code text} takes on a terminal (a tab counts as one). */
  public static int of(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      // Most text is ASCII or Latin: no lookup for it (a /list can have 10,000 rows).
      columns += cp < 0x300 ? 1 : width(cp);
      i += Character.charCount(cp);
    }
    return columns;
  }

  /**
   * Where the longest start of {@code text} that fits in {@code columns} ends (a char index, not
   * inside a character); at least one character, so cutting text into pieces always moves on.
   */
  public static int prefix(String text, int columns) {
    int used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      used += width(cp);
      if (used > columns && i > 0) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /**
   * {@code text} as it is when it fits in {@code columns}; else its start and {@code mark} (a
   * one-column character saying it was cut), together no wider than {@code columns}.
   */
  public static String clip(String text, int columns, char mark) {
    return of(text) <= columns
        ? text
        : text.substring(0, prefix(text, Math.max(1, columns - 1))) + mark;
  }

  /** 0, 1 or 2: the columns of {@code cp}, as wcwidth(3) counts the common cases. */
  public static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** East Asian Wide and Fullwidth characters, and the emoji blocks terminals draw wide. */
  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
