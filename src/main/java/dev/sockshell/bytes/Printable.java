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

  /**
   * {@code text} with its control characters (C0 but tab and newline, DEL, C1) written as {@code
   * \xHH}: the last guard on everything sockshell prints (what was typed, read from a script, or
   * said in a message), so no line it shows can drive the terminal. Unlike {@link #escape} it
   * leaves printable non-ASCII text, such as Chinese, as it is. Text without any comes back as is.
   */
  public static String controlsEscaped(String text) {
    int i = 0;
    while (i < text.length() && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        appendEscape(sb, c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7f && c <= 0x9f;
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
