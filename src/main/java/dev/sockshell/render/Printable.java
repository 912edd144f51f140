package dev.sockshell.render;

/**
 * Python's {@code str.isprintable} for one code point: not a control, format, surrogate, private
 * use, unassigned or separator character (the space excepted). Anything else is escaped before it
 * reaches a terminal.
 */
public final class Printable {
  private Printable() {}

  /**
   * {@code text} with its control characters (C0 but tab and newline, DEL, C1) written as {@code
   * \xHH}: what sockshell prints of what was typed or read from a script, so no line it shows can
   * drive the terminal. Text without any comes back as it is.
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
        sb.append("\\x")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 ? c != '\t' && c != '\n' : c >= 0x7f && c <= 0x9f;
  }

  static boolean isPrintable(int cp) {
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
