package dev.sockshell.commands;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kept values in a session exported as Python: {@code $3} is the variable {@code _3}, and {@code _}
 * the variable of the last value; text inside quotes is left as it is.
 */
final class ValueNames {
  private ValueNames() {}

  /** {@code $3}. */
  private static final Pattern DOLLAR = Pattern.compile("\\$(\\d+)");

  /** {@code _} alone, or {@code _[1]}: the last value. */
  private static final Pattern UNDERSCORE = Pattern.compile("(?<![\\w.$])_(?![\\w])");

  /** The N of each {@code $N} the line reads. */
  static Set<Integer> numbers(String line) {
    Set<Integer> numbers = new HashSet<>();
    Matcher m = DOLLAR.matcher(outsideQuotes(line));
    while (m.find()) {
      numbers.add(Integer.parseInt(m.group(1)));
    }
    return numbers;
  }

  /** True if the line reads {@code _}, the last value. */
  static boolean readsLast(String line) {
    return UNDERSCORE.matcher(outsideQuotes(line)).find();
  }

  /**
   * {@code python} with {@code $N} as {@code _N} and {@code _} as {@code _latest}; with {@code
   * latest} below 0, {@code _} stays (a Python line's own {@code _} is Python's variable).
   */
  static String rename(String python, int latest) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < python.length()) {
      char c = python.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closingQuote(python, i);
        out.append(python, i, end);
        i = end;
      } else if (c == '$' && i + 1 < python.length() && Character.isDigit(python.charAt(i + 1))) {
        out.append('_');
        i++;
      } else if (c == '_'
          && latest >= 0
          && (i == 0 || !isNamePart(python.charAt(i - 1)))
          && (i + 1 == python.length() || !isNamePart(python.charAt(i + 1)))) {
        out.append('_').append(latest);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static int closingQuote(String s, int open) {
    char quote = s.charAt(open);
    int i = open + 1;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(s.length(), i + 1);
  }

  private static String outsideQuotes(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        i = closingQuote(s, i);
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
