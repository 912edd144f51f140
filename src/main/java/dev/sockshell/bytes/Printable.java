package dev.sockshell.bytes;

/**
 * Python's {@code str.isprintable} for one code point: not a control, format, surrogate, private
 * use, unassigned or separator character (the space excepted). Anything else is escaped before it
 * reaches a terminal.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} with every code point that is not printable written as Python writes it in a repr
   * ({@code \x1b} for ESC): for text that may come from the network, such as the path of a peer's
   * AF_UNIX socket, shown without quotes.
   */
  public static String escape(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!isPrintable(cp)) {
        if (sb == null) {
          sb = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        appendEscape(sb, cp);
      } else if (sb != null) {
        sb.appendCodePoint(cp);
      }
      i = next;
    }
    return sb == null ? text : sb.toString();
  }

  /** A backslash, then x, u or U and 2, 4 or 8 hex digits, as Python escapes {@code cp}. */
  public static void appendEscape(StringBuilder sb, int cp) {
    if (cp < 0x100) {
      sb.append(String.format("\\x%02x", cp));
    } else if (cp < 0x10000) {
      sb.append(String.format("\\u%04x", cp));
    } else {
      sb.append(String.format("\\U%08x", cp));
    }
  }

  public static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
