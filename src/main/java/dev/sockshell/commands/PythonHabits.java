package dev.sockshell.commands;

import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodecs;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of Python's socket API, as someone coming from the tutorial types it, written as the
 * sockshell command it stands for: {@code s.bind(('localhost', 0))} is {@code bind s ('localhost',
 * 0)}. Only for the "unknown command" error; the line is never run. A line it cannot write as a
 * command that runs (a Python variable as an argument, more after the call) gets no answer.
 */
final class PythonHabits {
  private PythonHabits() {}

  /** {@code [targets =] receiver.method(}; the targets of {@code conn, addr = s.accept()}. */
  private static final Pattern CALL =
      Pattern.compile("\\s*(?:(\\w+)\\s*(?:,\\s*\\w+\\s*)?=\\s*)?(\\w+)\\.(\\w+)\\s*\\(");

  /** {@code .decode()} or {@code .decode('utf-8')} after a recv: bytes shown as text. */
  private static final Pattern DECODE = Pattern.compile("\\.decode\\([^()]*\\)");

  /** {@code 'text'.encode('gbk')}: a str literal, then the encoding, if one is named. */
  private static final Pattern ENCODE =
      Pattern.compile("('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")\\.encode\\(([^()]*)\\)");

  /** {@code open('f.bin', 'rb')}, and {@code .read()} after it for the file's bytes. */
  private static final Pattern OPEN =
      Pattern.compile(
          "open\\(\\s*(['\"])([^'\"\\\\]+)\\1\\s*(?:,\\s*(['\"])rb\\3\\s*)?\\)(\\.read\\(\\))?");

  /** A file name sockshell reads as it is, without quotes. */
  private static final Pattern PLAIN_PATH = Pattern.compile("[\\w./-]+");

  /**
   * What sockshell reads as Python does: a str or bytes literal, a number, a constant ({@code
   * socket.AF_INET}, {@code SHUT_WR}, {@code True}, {@code None}).
   */
  private static final Pattern LITERAL =
      Pattern.compile(
          "[bB]?('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"
              + "|-?[0-9]+(\\.[0-9]+)?"
              + "|(socket\\.)?[A-Z][A-Z0-9_]*"
              + "|True|False|None");

  /** What sockshell says after a recv whose bytes Python decoded. */
  static String decodedNote() {
    return Text.get("python.habit.decoded");
  }

  /**
   * The sockshell command for {@code line}, or null if it is not a call of the socket API that
   * sockshell can write as a command.
   *
   * @param commands the names of sockshell's commands
   * @param parses whether a line parses as a command: no answer is given that would not
   */
  static String inSockshell(String line, List<String> commands, Predicate<String> parses) {
    Matcher m = CALL.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    int close = closingParenthesis(line, m.end());
    if (close < 0) {
      return null;
    }
    String target = m.group(1);
    String receiver = m.group(2);
    String method = m.group(3);
    String after = line.substring(close + 1).strip();
    if (after.endsWith(";")) {
      after = after.substring(0, after.length() - 1).strip();
    }
    boolean decoded = method.equals("recv") && DECODE.matcher(after).matches();
    if (!after.isEmpty() && !decoded) {
      return null;
    }
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
    for (String arg : arguments(line.substring(m.end(), close))) {
      String word = argument(arg);
      if (word == null) {
        return null;
      }
      words.add(word);
    }
    String command = String.join(" ", words);
    if (!parses.test(command)) {
      return null;
    }
    return decoded ? command + decodedNote() : command;
  }

  /**
   * The sockshell command a call of the socket API in {@code line} stands for, even one {@link
   * #inSockshell} cannot write out ({@code s.sendto(data, addr)}); null if it is no such call.
   */
  static String calledCommand(String line, List<String> commands) {
    Matcher m = CALL.matcher(line);
    if (!m.lookingAt()) {
      return null;
    }
    String receiver = m.group(2);
    String method = m.group(3);
    if (receiver.equals("socket") && method.equals("socket")) {
      return "socket";
    }
    return commands.contains(method) ? method : null;
  }

  /**
   * One argument as sockshell writes it, or null if sockshell cannot: a Python variable (addr from
   * recvfrom), a placeholder ({@code ...}), any expression it does not read as Python does.
   */
  private static String argument(String arg) {
    Matcher encode = ENCODE.matcher(arg);
    if (encode.matches()) {
      return encoded(encode.group(1), encode.group(2).strip());
    }
    Matcher open = OPEN.matcher(arg);
    if (open.matches()) {
      // The bytes of a file (@PATH), or for sendfile the file itself (PATH).
      String path = open.group(2);
      String shown = PLAIN_PATH.matcher(path).matches() ? path : "\"" + path + "\"";
      return open.group(4) != null ? "@" + shown : shown;
    }
    if (arg.startsWith("(") && arg.endsWith(")")) {
      // A tuple, such as an address: literals only.
      List<String> items = arguments(arg.substring(1, arg.length() - 1));
      for (String item : items) {
        if (!LITERAL.matcher(item).matches()) {
          return null;
        }
      }
      return items.isEmpty() ? null : arg;
    }
    return LITERAL.matcher(arg).matches() ? arg : null;
  }

  /**
   * {@code 'text'.encode(encoding)} as the bytes literal Python makes of it: {@code
   * "你好".encode("gbk")} is {@code b'\xc4\xe3\xba\xc3'}. Null if the text or the encoding is not a
   * plain literal sockshell reads the same way.
   */
  private static String encoded(String quoted, String encodingArg) {
    String encoding = "utf-8";
    if (!encodingArg.isEmpty()) {
      String name = encodingArg.replaceFirst("^encoding\\s*=\\s*", "");
      if (name.length() < 2
          || (name.charAt(0) != '\'' && name.charAt(0) != '"')
          || name.charAt(name.length() - 1) != name.charAt(0)) {
        return null;
      }
      encoding = name.substring(1, name.length() - 1);
    }
    try {
      Literal literal = LiteralParser.parse(new Token(quoted, 0, quoted.length()));
      if (!(literal instanceof Literal.Text text)) {
        return null;
      }
      return PyCodecs.encode(text.text(), encoding, "strict").toString();
    } catch (UsageError | CodecError e) {
      return null; // not a literal sockshell reads alike, an unknown codec, a character it lacks
    }
  }

  /** The index of the ')' that closes the call whose arguments start at {@code from}, or -1. */
  private static int closingParenthesis(String line, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
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
        if (depth == 0) {
          return c == ')' ? i : -1;
        }
        depth--;
      }
    }
    return -1;
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
