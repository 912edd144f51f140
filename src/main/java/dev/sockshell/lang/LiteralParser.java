package dev.sockshell.lang;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one argument as a {@link Literal}: strings with Python's escapes, bytes, hex, tuples,
 * {@code $N}/{@code _} references, {@code @PATH}, or a bare word.
 */
public final class LiteralParser {
  // Compiled once: String.matches compiles its pattern on every call, for every bare word.
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern FLOAT =
      Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

  /** The most brackets a literal may nest. */
  private static final int MAX_DEPTH = 100;

  private final String text;
  private final int base;
  private int pos;
  private int depth;

  private LiteralParser(Token token) {
    this.text = token.text();
    this.base = token.start();
  }

  public static Literal parse(Token token) throws UsageError {
    LiteralParser p = new LiteralParser(token);
    Literal literal = p.topLevel();
    if (p.pos < p.text.length()) {
      throw p.error(Text.get("usage.literal.trailing", p.text.substring(p.pos)), p.pos);
    }
    return literal;
  }

  private Literal topLevel() throws UsageError {
    char c = text.charAt(0);
    if (c == '(') {
      return tuple();
    }
    if (isStringStart()) {
      return string();
    }
    if (c == '$' || text.equals("_") || text.startsWith("_[")) {
      return ref();
    }
    if (c == '@') {
      if (text.length() == 1) {
        throw error(Text.get("usage.literal.at"), 0);
      }
      char quote = text.charAt(1);
      if (quote == '\'' || quote == '"') {
        // @"my file.bin": a path with spaces, written as Python's open() takes it.
        pos = 1;
        Literal path = string();
        return new Literal.FileRef(((Literal.Text) path).text(), base, path.end());
      }
      pos = text.length();
      return new Literal.FileRef(text.substring(1), base, base + text.length());
    }
    pos = text.length();
    return new Literal.Word(text, base, base + text.length());
  }

  private boolean isStringStart() {
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') {
      return true;
    }
    boolean prefix = c == 'b' || c == 'B' || c == 'x' || c == 'X';
    return prefix
        && pos + 1 < text.length()
        && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"');
  }

  private Literal string() throws UsageError {
    int start = pos;
    char prefix = Character.toLowerCase(text.charAt(pos));
    if (prefix == 'b' || prefix == 'x') {
      pos++;
    } else {
      prefix = 0;
    }
    char quote = text.charAt(pos);
    int bodyStart = pos + 1;
    int close = bodyStart;
    while (close < text.length() && text.charAt(close) != quote) {
      close += text.charAt(close) == '\\' ? 2 : 1;
    }
    if (close >= text.length()) {
      throw error(Scanner.unterminated(quote), pos);
    }
    String body = text.substring(bodyStart, close);
    pos = close + 1;
    int from = base + start;
    int to = base + pos;
    if (prefix == 'b') {
      return new Literal.Bytes(ByteString.wrap(Escapes.bytes(body, base + bodyStart)), from, to);
    }
    if (prefix == 'x') {
      try {
        return new Literal.Bytes(ByteString.hex(body), from, to);
      } catch (ByteString.BadHex e) {
        throw new UsageError(
            e.odd()
                ? Text.get("usage.literal.hex.odd", e.character())
                : Text.get("usage.literal.hex.char", e.character()),
            base + bodyStart);
      }
    }
    return new Literal.Text(Escapes.text(body, base + bodyStart), from, to);
  }

  private Literal ref() throws UsageError {
    int start = pos;
    int number = 0;
    if (text.charAt(pos) == '$') {
      pos++;
      int digits = pos;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (digits == pos) {
        throw error(Text.get("usage.literal.dollar"), start);
      }
      number = parseIndex(text.substring(digits, pos), digits);
      if (number == 0) {
        throw error(Text.get("usage.literal.from.one"), start);
      }
    } else {
      pos++; // '_'
    }
    List<Integer> indexes = new ArrayList<>();
    while (pos < text.length() && text.charAt(pos) == '[') {
      int close = text.indexOf(']', pos);
      if (close < 0) {
        throw error(Text.get("usage.literal.index.open"), pos);
      }
      indexes.add(parseIndex(text.substring(pos + 1, close), pos + 1));
      pos = close + 1;
    }
    return new Literal.Ref(number, indexes, base + start, base + pos);
  }

  private int parseIndex(String digits, int at) throws UsageError {
    try {
      return Integer.parseInt(digits.strip());
    } catch (NumberFormatException e) {
      throw error(Text.get("usage.literal.index", digits), at);
    }
  }

  private Literal tuple() throws UsageError {
    int start = pos;
    List<Literal> items = items(')');
    return new Literal.Tuple(items, base + start, base + pos);
  }

  private Literal list() throws UsageError {
    int start = pos;
    List<Literal> items = items(']');
    return new Literal.ListOf(items, base + start, base + pos);
  }

  /** The comma-separated elements after an opening bracket, up to {@code close}. */
  private List<Literal> items(char close) throws UsageError {
    if (++depth > MAX_DEPTH) {
      // Python stops at 200 ("too many nested parentheses"); the parser recurses per bracket.
      throw error(Text.get("usage.literal.depth", MAX_DEPTH), pos);
    }
    pos++; // the opening bracket
    List<Literal> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == close) {
        pos++;
        break;
      }
      items.add(element(close));
      skipSpace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == close) {
        pos++;
        break;
      } else {
        throw error(
            close == ')'
                ? Text.get("usage.literal.tuple.comma")
                : Text.get("usage.literal.list.comma"),
            pos);
      }
    }
    depth--;
    return items;
  }

  private Literal element(char close) throws UsageError {
    char c = peek();
    if (c == '(') {
      return tuple();
    }
    if (c == '[' && !isBracketedHost()) {
      return list();
    }
    if (c == 0) {
      throw error(
          close == ')' ? Text.get("usage.literal.tuple.open") : Text.get("usage.literal.list.open"),
          pos);
    }
    if (isStringStart()) {
      return string();
    }
    if (c == '$' || (c == '_' && !isWordChar(peekAt(pos + 1)))) {
      return ref();
    }
    int start = pos;
    int depth = 0; // inside an IPv6 host's brackets, ']' does not end the word
    while (pos < text.length()
        && (depth > 0 || ",)]".indexOf(text.charAt(pos)) < 0)
        && !Character.isWhitespace(text.charAt(pos))) {
      depth += text.charAt(pos) == '[' ? 1 : text.charAt(pos) == ']' ? -1 : 0;
      pos++;
    }
    String word = text.substring(start, pos);
    try {
      if (INTEGER.matcher(word).matches()) {
        return new Literal.Number(Long.parseLong(word), true, base + start, base + pos);
      }
      if (FLOAT.matcher(word).matches()) {
        return new Literal.Number(Double.parseDouble(word), false, base + start, base + pos);
      }
    } catch (NumberFormatException e) {
      throw error(Text.get("usage.literal.range", word), start);
    }
    return new Literal.Word(word, base + start, base + pos);
  }

  /** {@code [::1]:8888}: an IPv6 address word, not a list. */
  private boolean isBracketedHost() {
    int close = text.indexOf(']', pos);
    return close > 0 && close + 1 < text.length() && text.charAt(close + 1) == ':';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return peekAt(pos);
  }

  private char peekAt(int i) {
    return i < text.length() ? text.charAt(i) : 0;
  }

  private UsageError error(String message, int at) {
    return new UsageError(message, base + at);
  }
}
