package dev.sockshell.lang;

import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a command's arguments in order, each as the type it must be, with an error that points at
 * the argument (or at the end of the line when one is missing), and records the parameter each word
 * fills, so that nothing else has to guess it from positions.
 */
public final class Args {
  /** The longest timeout Python takes: what fits in a signed 64-bit count of nanoseconds. */
  private static final double MAX_SECONDS = Long.MAX_VALUE / 1e9;

  /** Prefixes of the socket module's constants, which are never socket names. */
  private static final List<String> CONSTANT_PREFIXES =
      List.of("AF_", "SOCK_", "SOL_", "SO_", "SHUT_", "TCP_", "IP_", "IPV6_", "IPPROTO_");

  /**
   * A word of the line and the parameter the binder read it for: one of its spec's parameters, or
   * an option's value ({@code 3} of {@code --max 3}), which has a parameter of its own.
   */
  public record Bound(Token token, Param param) {}

  private final Scanner scanner;
  private final Token command;
  private final List<Bound> bound = new ArrayList<>();

  /** The parameter the binder asked for when the line had no more words, or null. */
  private Param wanted;

  /** A word found after the last the command takes, or null. */
  private Token extra;

  public Args(Scanner scanner) {
    this(scanner, null);
  }

  /** Arguments after {@code command}, the word that named the command. */
  public Args(Scanner scanner, Token command) {
    this.scanner = scanner;
    this.command = command;
  }

  /**
   * The words read so far, in order, each with the parameter it fills: the binder's own decision,
   * which {@code /save} (the ports it names) and the console (colours, completion, the hint of what
   * comes next) reuse rather than guessing from positions.
   */
  public List<Bound> bound() {
    return List.copyOf(bound);
  }

  /**
   * The parameter the binder asked for when the line had no more words (so the line is not
   * finished: {@code bind srv} wants its ADDR), or null.
   */
  public Param wanted() {
    return wanted;
  }

  /** The first word after the last one the command takes ({@code close srv extra}), or null. */
  public Token extra() {
    return extra;
  }

  private Token take(Token t, Param param) {
    if (t != null) {
      bound.add(new Bound(t, param));
    }
    return t;
  }

  /** The word that named the command as typed ({@code /12} for {@code /N}), or null. */
  public Token command() {
    return command;
  }

  /** The whole line as typed. */
  public String line() {
    return scanner.line();
  }

  /** A regular expression between slashes ({@link Scanner#slashed}), which must be there. */
  public Token slashed(Param param, String what) throws UsageError {
    Token t = take(scanner.slashed(), param);
    if (t == null) {
      Token next = next(param, what);
      throw new UsageError(Text.get("usage.slashes", next.text()), next.start());
    }
    return t;
  }

  public boolean hasMore() {
    return !scanner.atEnd();
  }

  public Token peek() throws UsageError {
    return scanner.peek();
  }

  /** The next argument, for {@code param}, which must be there; a missing one is its name. */
  public Token next(Param param) throws UsageError {
    return next(param, param.name());
  }

  /**
   * The next argument, for {@code param}, which must be there; a missing one is {@code what}, and
   * the binder {@link #wanted} {@code param}.
   */
  public Token next(Param param, String what) throws UsageError {
    Token t = take(scanner.next(), param);
    if (t == null) {
      wanted = param;
      throw new UsageError(Text.get("usage.missing", what), scanner.position());
    }
    return t;
  }

  /** The raw rest of the line, for {@code param}, which must not be empty. */
  public Token rest(Param param, String what) throws UsageError {
    Token t = scanner.rest();
    if (t.text().isEmpty()) {
      wanted = param;
      throw new UsageError(Text.get("usage.missing", what), t.start());
    }
    return take(t, param);
  }

  /**
   * A file path, the rest of the line so that spaces need no quoting; quotes around it, as a shell
   * or Python's {@code open("x y.socks")} would have them, are not part of it.
   */
  public String path(Param param) throws UsageError {
    String text = rest(param, param.name()).text();
    char first = text.charAt(0);
    if (text.length() >= 2
        && (first == '"' || first == '\'')
        && text.endsWith(String.valueOf(first))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  /** Fails if anything but a comment is left. */
  public void end() throws UsageError {
    Token t = scanner.next();
    if (t != null) {
      extra = t;
      throw new UsageError(Text.get("usage.unexpected", t.text()), t.start());
    }
  }

  /**
   * Fails if anything but a comment is left after DATA; when DATA was a bare word, the next word
   * was most likely meant to go with it ({@code send cli hello world}), so the error says to quote.
   */
  public void endAfterData(Token data) throws UsageError {
    Token t = scanner.next();
    if (t != null) {
      throw unexpectedAfterData(data, t);
    }
  }

  /** See {@link #endAfterData}: {@code extra} came after DATA, {@code data}. */
  public UsageError unexpectedAfterData(Token data, Token extra) throws UsageError {
    this.extra = extra;
    String message = Text.get("usage.unexpected", extra.text());
    if (LiteralParser.parse(data) instanceof Literal.Word) {
      // The words up to the end of the line, or to an option, are the text meant.
      int end = extra.end();
      for (Token t : scanner.remaining()) {
        if (t.text().startsWith("--")) {
          break;
        }
        end = Math.max(end, t.end());
      }
      String text = scanner.line().substring(data.start(), end);
      message = Text.get("usage.quote", message, text.replace("\\", "\\\\").replace("\"", "\\\""));
    }
    return new UsageError(message, extra.start());
  }

  /** A socket name for {@code param}: a letter, then letters, digits or '_'. */
  public String name(Param param) throws UsageError {
    return checkName(next(param));
  }

  public Optional<String> optionalName(Param param) throws UsageError {
    return hasMore() ? Optional.of(name(param)) : Optional.empty();
  }

  public static String checkName(Token t) throws UsageError {
    String text = t.text();
    if (isConstant(text)) {
      throw new UsageError(Text.get("usage.name.constant", text), t.start());
    }
    if (!isName(text)) {
      throw new UsageError(Text.get("usage.name.bad", text), t.start());
    }
    return text;
  }

  // Plain loops rather than regular expressions: every command names a socket, and a Matcher per
  // name was the parser's largest allocation (see src/bench).
  private static boolean isConstant(String text) {
    for (String prefix : CONSTANT_PREFIXES) {
      if (text.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** A letter, then letters, digits or '_' (ASCII only). */
  static boolean isName(String text) {
    if (text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  public AddrExpr address(Param param) throws UsageError {
    Token t = next(param, Text.get("usage.what.address"));
    return AddrExpr.of(LiteralParser.parse(t), t.text());
  }

  public DataExpr data(Param param) throws UsageError {
    Token t = next(param, Text.get("usage.what.data"));
    return DataExpr.of(LiteralParser.parse(t), t.text());
  }

  /** {@code t}, a word already read, as a VALUE for {@code param} ({@code expect VALUE}). */
  public Literal value(Token t, Param param) throws UsageError {
    return LiteralParser.parse(read(t, param));
  }

  /**
   * Says that {@code t}, a word read already, fills {@code param}: for a binder that knows what a
   * word was only after reading it ({@code setsockopt s SO_REUSEADDR 1}: read for the LEVEL that
   * may come first, it is no level, so it is the OPTION).
   */
  public Token read(Token t, Param param) {
    for (int i = bound.size() - 1; i >= 0; i--) {
      if (bound.get(i).token() == t) {
        bound.set(i, new Bound(t, param));
        break;
      }
    }
    return t;
  }

  public int integer(Param param, long min, long max) throws UsageError {
    return integer(param, param.name(), min, max);
  }

  public int integer(Param param, String what, long min, long max) throws UsageError {
    return parseInteger(next(param, what), what, min, max);
  }

  public Integer optionalInteger(Param param, long min, long max) throws UsageError {
    return optionalInteger(param, param.name(), min, max);
  }

  public Integer optionalInteger(Param param, String what, long min, long max) throws UsageError {
    return hasMore() ? integer(param, what, min, max) : null;
  }

  private static int parseInteger(Token t, String what, long min, long max) throws UsageError {
    long value;
    try {
      value = Long.decode(t.text());
    } catch (NumberFormatException e) {
      throw isWhole(t.text())
          ? new UsageError(Text.get("usage.range", what, min, max, t.text()), t.start())
          : new UsageError(Text.get("usage.whole", what, t.text()), t.start());
    }
    if (value < min || value > max) {
      throw new UsageError(Text.get("usage.range", what, min, max, value), t.start());
    }
    return (int) value;
  }

  /** True for digits with an optional sign: a whole number, however large. */
  public static boolean isWhole(String text) {
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A number of seconds for {@code param} (e.g. {@code 2}, {@code 0.5}). */
  public double seconds(Param param) throws UsageError {
    return seconds(param, param.name());
  }

  /** A number of seconds for {@code param}; a missing or wrong one is {@code what}. */
  public double seconds(Param param, String what) throws UsageError {
    return seconds(next(param, what), what);
  }

  /**
   * {@code t} as a number of seconds: 0 or more, and at most what Python's timeouts and sleep take
   * (about 292 years; beyond, Python raises "OverflowError: timestamp out of range").
   */
  public static double seconds(Token t, String what) throws UsageError {
    double d;
    try {
      d = Double.parseDouble(t.text());
    } catch (NumberFormatException e) {
      throw new UsageError(Text.get("usage.seconds", what, t.text()), t.start());
    }
    if (!(d >= 0)) {
      throw new UsageError(Text.get("usage.seconds.negative", what, t.text()), t.start());
    }
    if (d > MAX_SECONDS) {
      throw new UsageError(
          Text.get("usage.seconds.max", what, (long) MAX_SECONDS, t.text()), t.start());
    }
    return d;
  }

  /**
   * One of {@code choices}, by name; case does not matter and Python's {@code socket.} prefix is
   * allowed ({@code socket.AF_INET}).
   */
  public <T> T choice(Param param, Map<String, T> choices) throws UsageError {
    Token t = next(param);
    return choiceOf(t, param.name(), choices)
        .orElseThrow(() -> notAChoice(t, param.name(), choices));
  }

  public static <T> Optional<T> choiceOf(Token t, String what, Map<String, T> choices) {
    String key = t.text().toUpperCase(Locale.ROOT);
    if (key.startsWith("SOCKET.")) {
      key = key.substring("SOCKET.".length());
    }
    return Optional.ofNullable(choices.get(key));
  }

  public static UsageError notAChoice(Token t, String what, Map<String, ?> choices) {
    String suggestion = Suggest.closest(t.text().toUpperCase(Locale.ROOT), choices.keySet());
    String choice = String.join(", ", choices.keySet());
    return new UsageError(
        suggestion == null
            ? Text.get("usage.choice", what, choice, t.text())
            : Text.get("usage.choice.close", what, choice, t.text(), suggestion),
        t.start());
  }
}
