package dev.sockshell.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of Python's socket API, as someone coming from the tutorial types it, written as the
 * sockshell command it stands for: {@code s.bind(('localhost', 0))} is {@code bind s ('localhost',
 * 0)}. Only for the "unknown command" error; the line is never run.
 */
final class PythonHabits {
  private PythonHabits() {}

  /** {@code [targets =] receiver.method(args)}; the targets of {@code conn, addr = s.accept()}. */
  private static final Pattern CALL =
      Pattern.compile(
          "\\s*(?:(\\w+)\\s*(?:,\\s*\\w+\\s*)?=\\s*)?(\\w+)\\.(\\w+)\\s*\\((.*)\\)\\s*;?\\s*");

  /**
   * The sockshell command for {@code line}, or null if it is not a call of the socket API.
   *
   * @param commands the names of sockshell's commands
   */
  static String inSockshell(String line, Set<String> commands) {
    Matcher m = CALL.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String target = m.group(1);
    String receiver = m.group(2);
    String method = m.group(3);
    List<String> args = arguments(m.group(4));
    List<String> words = new ArrayList<>();
    if (receiver.equals("socket") && method.equals("socket")) {
      words.add("socket");
      words.add(target != null ? target : "NAME");
    } else if (commands.contains(method)) {
      words.add(method);
      words.add(receiver);
      if (method.equals("accept") && target != null) {
        words.add(target);
      }
    } else {
      return null;
    }
    words.addAll(args);
    return String.join(" ", words);
  }

  /** The call's arguments, split at the commas outside quotes and brackets, keywords dropped. */
  private static List<String> arguments(String text) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (quote != 0) {
        if (c == '\\') {
          i++; // an escaped character, perhaps the quote itself
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        String arg = text.substring(start, Math.min(i, text.length())).strip();
        if (!arg.isEmpty()) {
          // family=socket.AF_INET → socket.AF_INET
          args.add(arg.replaceFirst("^\\w+\\s*=\\s*(?!=)", ""));
        }
        start = i + 1;
      }
    }
    return args;
  }
}
