package dev.sockshell.repl;

import dev.sockshell.commands.CommandTable;
import java.util.regex.Pattern;

/**
 * Which lines are Python: any line whose first word is not a command, and a command's name used as
 * Python does ({@code recv = conn.recv(1024)}, {@code socket.socket()}). Decided without the
 * interpreter, so a line of commands never loads it.
 */
final class PythonLines {
  private PythonLines() {}

  /** {@code $3}, {@code _}, {@code _[1]} alone: sockshell's values, which say how to use them. */
  private static final Pattern VALUE_ALONE = Pattern.compile("\\s*(\\$\\d+|_)(\\[\\d+])*\\s*");

  /**
   * After a command's name: what makes the line an assignment, a call or an expression. A bracket
   * or dot must touch the name ({@code expect (a, b)} is the command with a tuple).
   */
  private static final Pattern PYTHON_AFTER_NAME =
      Pattern.compile(
          "([(.\\[,]|\\s*(=(?!=)|==|!=|[-+*/%&|^@]=|//=|\\*\\*=|>>=|<<=)).*", Pattern.DOTALL);

  static boolean isPython(String text, CommandTable table) {
    String s = text.stripLeading();
    if (s.isEmpty() || s.startsWith("/") || s.startsWith("#") || VALUE_ALONE.matcher(s).matches()) {
      return false;
    }
    int end = 0;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
      end++;
    }
    if (end == 0) {
      return true;
    }
    String word = s.substring(0, end);
    if (table.find(word).isEmpty()) {
      return true;
    }
    return PYTHON_AFTER_NAME.matcher(s.substring(end)).matches();
  }
}
