package dev.sockshell.console;

import dev.sockshell.commands.CommandSpec;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A line as typed so far, read by its command's own binder: the command word, then each argument
 * with the parameter the binder read it for ({@link Args#bound}), and the parameters still to come.
 * The parser reads the line the same way, so completion, highlighting and the argument hint agree
 * with it however the words are placed ({@code send cli --frame len32 "hello"}). Unlike the parser
 * it never fails: an unfinished string or bracket just ends the line, and the words after one the
 * binder rejects are left unread.
 */
final class TypedLine {
  /**
   * One argument and the parameter the binder read it for; null if the binder never read it. A
   * rejected word at the end of the line may still be being typed: it has the parameter it may yet
   * fill, of those that can stand there ({@code setsockopt s SOL_SO}: a LEVEL, though the binder
   * reads a word that is no level as the OPTION).
   *
   * @param rejected the binder found it wrong, or it is more than the command takes
   */
  record Arg(Token token, Param param, boolean rejected) {}

  /** The words of a line, as {@link Scanner} splits them, and where scanning stopped. */
  record Split(List<Token> tokens, UsageError error, int commentAt) {}

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|\\d+(\\.\\d*)?([eE][+-]?\\d+)?|\\.\\d+)");

  private final Split split;
  private final CommandSpec<?> spec;
  private final List<Arg> args = new ArrayList<>();
  private List<Param> remaining = List.of();

  private TypedLine(Split split, CommandSpec<?> spec) {
    this.split = split;
    this.spec = spec;
  }

  static TypedLine read(String line, CommandTable table) {
    Split split = split(line);
    List<Token> tokens = split.tokens();
    CommandSpec<?> spec = tokens.isEmpty() ? null : table.find(tokens.get(0).text()).orElse(null);
    TypedLine typed = new TypedLine(split, spec);
    if (spec != null) {
      typed.bind(line, table);
    }
    return typed;
  }

  /** Runs the binder on the line and gives each word what the binder read it as. */
  private void bind(String line, CommandTable table) {
    Scanner scanner = new Scanner(line);
    Args read;
    UsageError error = null;
    try {
      read = new Args(scanner, scanner.next());
    } catch (UsageError e) {
      return; // the command word itself is unfinished
    }
    try {
      spec.binder().bind(read);
    } catch (UsageError e) {
      error = e;
    }
    List<Args.Bound> bound = read.bound();
    Token extra = read.extra();
    boolean stopped = false; // the binder rejected a word before this one
    for (Token token : split.tokens().subList(1, split.tokens().size())) {
      Param param = paramOf(token, bound);
      boolean beyond = extra != null && token.start() >= extra.start();
      boolean rejected = beyond || !stopped && isAt(error, token);
      if (rejected && !beyond && token.end() == line.length()) {
        param = mayBecome(token.text(), param, line.substring(0, token.start()), table);
      }
      args.add(new Arg(token, param, rejected));
      stopped |= rejected;
    }
    // After a word the command does not take, nothing more fits.
    remaining = extra != null ? List.of() : remaining(spec.params(), args, read.wanted());
  }

  /**
   * The parameter a rejected word being typed may yet fill: the binder's, else the first of those
   * the line before it could take next whose choices it begins; the binder's if none.
   */
  private static Param mayBecome(String text, Param read, String before, CommandTable table) {
    List<Param> candidates = new ArrayList<>();
    if (read != null) {
      candidates.add(read);
    }
    candidates.addAll(read(before, table).possibleNext());
    for (Param p : candidates) {
      if (p.kind() != Param.Kind.CONSTANT || startsAChoice(text, p)) {
        return p;
      }
    }
    return read;
  }

  private static boolean startsAChoice(String text, Param param) {
    String key = constantKey(text);
    for (String choice : param.choices()) {
      if (choice.toUpperCase(Locale.ROOT).startsWith(key)) {
        return true;
      }
    }
    return false;
  }

  /** The parameter the binder read {@code token} for, or null. */
  private static Param paramOf(Token token, List<Args.Bound> bound) {
    for (Args.Bound b : bound) {
      if (b.token().start() == token.start()) {
        return b.param();
      }
    }
    return null;
  }

  /** Whether {@code error} points into {@code token} (one at the line's end is no word's). */
  private static boolean isAt(UsageError error, Token token) {
    return error != null && error.column() >= token.start() && error.column() < token.end();
  }

  /**
   * The parameters still to come: the one the binder wanted when the line ended, then the spec's
   * parameters after the last one filled (a repeating one, such as select's READ..., stays), less
   * those filled already (an option given before DATA).
   */
  private static List<Param> remaining(List<Param> params, List<Arg> args, Param wanted) {
    int from = 0;
    List<Param> filled = new ArrayList<>();
    for (Arg arg : args) {
      int i = arg.param() == null ? -1 : params.indexOf(arg.param());
      if (i >= 0) {
        from = Math.max(from, arg.param().repeats() ? i : i + 1);
        filled.add(arg.param());
      }
    }
    List<Param> out = new ArrayList<>();
    if (wanted != null) {
      int i = params.indexOf(wanted);
      if (i >= 0) {
        from = i;
      } else {
        out.add(wanted); // an option's value: it comes first
      }
    }
    for (Param p : params.subList(Math.min(from, params.size()), params.size())) {
      if (p.repeats() || !filled.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Splits {@code line} into arguments; an unterminated string or bracket becomes one last word
   * running to the end of the line, with the scanner's error kept.
   */
  static Split split(String line) {
    Scanner scanner = new Scanner(line);
    List<Token> tokens = new ArrayList<>();
    UsageError error = null;
    while (true) {
      int start = scanner.position();
      try {
        Token t = scanner.next();
        if (t == null) {
          break;
        }
        tokens.add(t);
      } catch (UsageError e) {
        tokens.add(new Token(line.substring(start), start, line.length()));
        error = e;
        break;
      }
    }
    int end = error == null ? scanner.position() : line.length();
    int commentAt = end < line.length() && line.charAt(end) == '#' ? end : -1;
    return new Split(List.copyOf(tokens), error, commentAt);
  }

  /** The parameters from {@code next} up to and including the first one that is required. */
  private static List<Param> reachable(List<Param> params, int next) {
    List<Param> out = new ArrayList<>();
    for (int i = next; i < params.size(); i++) {
      out.add(params.get(i));
      if (!params.get(i).optional()) {
        break;
      }
    }
    return out;
  }

  /** As {@code Args.choice}: any case, and Python's {@code socket.} prefix allowed. */
  static boolean isChoice(String text, Param param) {
    String key = constantKey(text);
    for (String choice : param.choices()) {
      if (choice.toUpperCase(Locale.ROOT).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** {@code socket.af_inet} → {@code AF_INET}: a constant as the binders look it up. */
  static String constantKey(String text) {
    String key = text.toUpperCase(Locale.ROOT);
    return key.startsWith("SOCKET.") ? key.substring("SOCKET.".length()) : key;
  }

  /** A whole or decimal number as the binders read them ({@code 5}, {@code 0x10}, {@code 2.5}). */
  static boolean isNumber(String text) {
    return NUMBER.matcher(text).matches();
  }

  static boolean isName(String text) {
    try {
      Args.checkName(new Token(text, 0, text.length()));
      return true;
    } catch (UsageError e) {
      return false;
    }
  }

  /** {@code expect error NAME}: the word {@code error} where a VALUE may stand. */
  static boolean isErrorKeyword(Param param, String text) {
    return param.kind() == Param.Kind.VALUE && text.equals("error");
  }

  /** The command word, or null on a blank line. */
  Token commandWord() {
    return split.tokens().isEmpty() ? null : split.tokens().get(0);
  }

  /** The command's spec, or null when the line is blank or the command unknown. */
  CommandSpec<?> spec() {
    return spec;
  }

  List<Arg> args() {
    return args;
  }

  /** The parameters not filled yet, in order. */
  List<Param> remaining() {
    return remaining;
  }

  /** The parameters a further argument could fill (optional ones may be skipped). */
  List<Param> possibleNext() {
    return reachable(remaining, 0);
  }

  /** Why the scanner stopped early (an unterminated string, an unmatched bracket), or null. */
  UsageError scanError() {
    return split.error();
  }

  /** The column where a {@code #} comment starts, or -1. */
  int commentAt() {
    return split.commentAt();
  }
}
