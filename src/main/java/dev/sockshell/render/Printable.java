package dev.sockshell.render;

/**
 * Python's {@code str.isprintable} for one code point: not a control, format, surrogate, private
 * use, unassigned or separator character (the space excepted). Anything else is escaped before it
 * reaches a terminal.
 */
final class Printable {
  private Printable() {}

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
