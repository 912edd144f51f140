package dev.sockshell.repl;

import dev.sockshell.commands.CommandTable;

/**
 * Which lines are Python: any line whose first word is not a command, and a command's name used as
 * Python does ({@code recv = conn.recv(1024)}, {@code socket.socket()}). Decided without the
 * interpreter, so a line of commands never loads it, and without regular expressions: every line of
 * a script is asked, and two matchers per line were 8% of a 40,000-command script's main thread.
 */
final class PythonLines {
  private PythonLines() {}

  static boolean isPython(String text, CommandTable table) {
    String s = text.stripLeading();
    if (s.isEmpty() || s.startsWith("/") || s.startsWith("#") || isValueAlone(s)) {
      return false;
    }
    int end = 0;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
      end++;
    }
    if (end == 0) {
      return true;
    }
    if (!table.knows(s.substring(0, end))) {
      return true;
    }
    return isPythonAfterName(s, end);
  }

  /**
   * {@code $3}, {@code _}, {@code _[1]} alone, blanks around allowed: sockshell's values, which say
   * how to use them ({@code \s*(\$\d+|_)(\[\d+])*\s*}).
   */
  static boolean isValueAlone(String s) {
    int i = skipBlanks(s, 0);
    if (i < s.length() && s.charAt(i) == '_') {
      i++;
    } else if (i < s.length() && s.charAt(i) == '$' && isDigit(s, i + 1)) {
      i = skipDigits(s, i + 1);
    } else {
      return false;
    }
    while (i < s.length() && s.charAt(i) == '[' && isDigit(s, i + 1)) {
      int close = skipDigits(s, i + 1);
      if (close >= s.length() || s.charAt(close) != ']') {
        break;
      }
      i = close + 1;
    }
    return skipBlanks(s, i) == s.length();
  }

  /**
   * After a command's name, what makes the line an assignment, a call or an expression: a bracket,
   * dot or comma touching the name ({@code expect (a, b)} is the command with a tuple), or, after
   * blanks, an assignment or comparison operator ({@code =}, {@code ==}, {@code !=}, {@code +=} and
   * the other augmented assignments).
   */
  static boolean isPythonAfterName(String s, int end) {
    if (end < s.length() && "(.[,".indexOf(s.charAt(end)) >= 0) {
      return true;
    }
    int i = skipBlanks(s, end);
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    if (c == '=') {
      return true;
    }
    if ("!-+*/%&|^@".indexOf(c) >= 0 && at(s, i + 1, '=')) {
      return true;
    }
    // //=, **=, >>=, <<=
    return "/*><".indexOf(c) >= 0 && at(s, i + 1, c) && at(s, i + 2, '=');
  }

  /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
  private static int skipBlanks(String s, int i) {
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  private static int skipDigits(String s, int i) {
    while (isDigit(s, i)) {
      i++;
    }
    return i;
  }

  /** Java's {@code \d}: an ASCII digit. */
  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static boolean at(String s, int i, char c) {
    return i < s.length() && s.charAt(i) == c;
  }
}
