package dev.sockshell.console;

import dev.sockshell.commands.CommandSpec;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.Param;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A line as typed so far, read the way {@link CommandTable} will parse it: the command word, then
 * each argument with the parameter of the command's spec it fills. Unlike the parser it never
 * fails: an unfinished string or bracket just ends the line, so completion, highlighting and the
 * argument hint all work on half-typed lines and agree with each other and with the parser.
 */
final class TypedLine {
  /** One argument and the parameter it fills (null if the command takes no more). */
  record Arg(Token token, Param param) {}

  /** The words of a line, as {@link Scanner} splits them, and where scanning stopped. */
  record Split(List<Token> tokens, UsageError error, int commentAt) {}

  /** {@code expect error NAME}: the word {@code error} in a VALUE position, then a NAME. */
  static final String ERROR_KEYWORD = "error";

  static final Param ERROR_NAME = Param.of("NAME", Param.Kind.ERROR_NAME);

  /** The {@code if} of {@code break if CONDITION}. */
  static final Param IF_KEYWORD = Param.constant("if", false, List.of("if"));

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
    if (spec == null) {
      return typed;
    }
    if (spec.name().equals("break") && tokens.size() > 1 && tokens.get(1).text().equals("if")) {
      // break if CONDITION: the condition is written as expect's argument.
      typed.args.add(new Arg(tokens.get(1), IF_KEYWORD));
      typed.bind(table.find("expect").orElseThrow().params(), tokens.subList(2, tokens.size()));
    } else {
      typed.bind(spec.params(), tokens.subList(1, tokens.size()));
    }
    typed.placeUnfitted(line, table);
    return typed;
  }

  /**
   * Gives a word the positions could not place (an option's value, {@code --max 3}, {@code --until
   * "\n"}, or DATA before an option, {@code --reply "x" --max 3}) the parameter the command's
   * binder read it as, if the binder accepted it. A word the binder read only as a plain word keeps
   * its position's parameter if it has one ({@code settimeout s none}, {@code /set encoding
   * KOI8-R}: the highlighter knows those). Most lines have no such word and run no binder.
   */
  private void placeUnfitted(String line, CommandTable table) {
    List<Args.Bound> accepted = null;
    for (int i = 0; i < args.size(); i++) {
      Arg arg = args.get(i);
      if (arg.param() != null && fits(arg.token().text(), arg.param())) {
        continue;
      }
      if (accepted == null) {
        accepted = table.accepted(line);
      }
      for (Args.Bound b : accepted) {
        if (b.token().start() == arg.token().start()
            && (arg.param() == null || b.role() != Args.Role.WORD)) {
          args.set(i, new Arg(arg.token(), paramFor(b, spec.params())));
        }
      }
    }
  }

  /** The parameter of a word a binder read as {@code b}: an option is its spec's constant. */
  private static Param paramFor(Args.Bound b, List<Param> params) {
    return switch (b.role()) {
      case NAME -> Param.of("NAME", Param.Kind.SOCKET);
      case ADDRESS -> Param.of("ADDR", Param.Kind.ADDRESS);
      case DATA -> Param.of("DATA", Param.Kind.DATA);
      case VALUE -> Param.of("VALUE", Param.Kind.VALUE);
      case NUMBER -> Param.of("N", Param.Kind.NUMBER);
      case WORD -> {
        for (Param p : params) {
          if (p.kind() == Param.Kind.CONSTANT && isChoice(b.token().text(), p)) {
            yield p;
          }
        }
        yield Param.of(b.token().text(), Param.Kind.TEXT);
      }
    };
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

  /** Gives each token a parameter, skipping optional ones it cannot fill (socket s SOCK_DGRAM). */
  private void bind(List<Param> params, List<Token> tokens) {
    int next = 0;
    boolean errorName = false;
    for (Token token : tokens) {
      if (errorName) {
        args.add(new Arg(token, ERROR_NAME));
        errorName = false;
        continue;
      }
      int chosen = choose(params, next, token);
      Param param = chosen < params.size() ? params.get(chosen) : null;
      args.add(new Arg(token, param));
      // A repeating parameter (select's READ...) stays in line for the next token too.
      next = param != null && param.repeats() ? chosen : Math.min(chosen + 1, params.size());
      errorName = param != null && isErrorKeyword(param, token.text());
    }
    remaining = errorName ? List.of(ERROR_NAME) : params.subList(next, params.size());
  }

  /**
   * The parameter a token at {@code next} fills: a reachable constant it names exactly ({@code on
   * srv any send}: send is the ACTION, not the optional DATA before it), else the first of the
   * reachable ones it fits.
   */
  private static int choose(List<Param> params, int next, Token token) {
    for (int i = next; i < params.size(); i++) {
      if (params.get(i).kind() == Param.Kind.CONSTANT && isChoice(token.text(), params.get(i))) {
        return i;
      }
      if (!params.get(i).optional()) {
        break;
      }
    }
    for (int i = next; i < params.size(); i++) {
      if (fits(token.text(), params.get(i))) {
        return i;
      }
      if (!params.get(i).optional()) {
        break;
      }
    }
    return next; // nothing fits: it is a wrong argument for the parameter in line
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

  /** Whether {@code text} is the kind of thing {@code param} takes, as far as its form shows. */
  static boolean fits(String text, Param param) {
    return switch (param.kind()) {
      case CONSTANT -> isChoice(text, param);
      case NUMBER -> isNumber(text);
      case SOCKET, NEW_SOCKET -> isName(text);
      default -> true;
    };
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

  static boolean isErrorKeyword(Param param, String text) {
    return param.kind() == Param.Kind.VALUE && text.equals(ERROR_KEYWORD);
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
