package dev.sockshell.lang;

import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into arguments, lazily, so a command can take the raw rest of the line
 * instead (a regular expression need not follow the quoting rules). An argument ends at whitespace
 * outside quotes and brackets, so {@code ('localhost', 9999)} and {@code b'a b'} are one argument
 * each; {@code #} at the start of an argument begins a comment.
 */
public final class Scanner {
  private final String line;
  private int pos;

  public Scanner(String line) {
    this.line = line;
  }

  public String line() {
    return line;
  }

  /** True when only whitespace or a comment is left. */
  public boolean atEnd() {
    skipSpace();
    return pos >= line.length() || line.charAt(pos) == '#';
  }

  /** The column where the next argument (or the end of the line) is. */
  public int position() {
    skipSpace();
    return pos;
  }

  /** The next argument, or null at the end. */
  public Token next() throws UsageError {
    if (atEnd()) {
      return null;
    }
    int start = pos;
    Token token = scan(start);
    pos = token.end();
    return token;
  }

  /** The next argument without consuming it, or null at the end. */
  public Token peek() throws UsageError {
    if (atEnd()) {
      return null;
    }
    return scan(pos);
  }

  /** Everything left on the line, unparsed and trimmed; empty at the end. */
  public Token rest() {
    skipSpace();
    int start = pos;
    pos = line.length();
    return new Token(line.substring(start).strip(), start, line.length());
  }

  /**
   * A regular expression between slashes, {@code /^PING (\d+)/}: it ends at the first '/' that no
   * backslash escapes and that ends the argument (whitespace or the end of the line follows), so
   * the expression needs no quoting and more arguments may follow it. Null if the next argument
   * does not start with '/'.
   *
   * @throws UsageError if the closing '/' is missing
   */
  public Token slashed() throws UsageError {
    if (atEnd() || line.charAt(pos) != '/') {
      return null;
    }
    int start = pos;
    for (int i = start + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '/'
          && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
        pos = i + 1;
        return new Token(line.substring(start, pos), start, pos);
      }
    }
    throw new UsageError(Text.get("usage.scan.regex.close"), start);
  }

  /** Every remaining argument. */
  public List<Token> remaining() throws UsageError {
    List<Token> tokens = new ArrayList<>();
    for (Token t = next(); t != null; t = next()) {
      tokens.add(t);
    }
    return tokens;
  }

  private void skipSpace() {
    while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
      pos++;
    }
  }

  private Token scan(int start) throws UsageError {
    int depth = 0;
    int openAt = -1;
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) && depth == 0) {
        break;
      }
      switch (c) {
        case '\'', '"' -> i = closingQuote(i, c);
        case '(', '[' -> {
          if (depth++ == 0) {
            openAt = i;
          }
        }
        case ')', ']' -> {
          if (--depth < 0) {
            throw new UsageError(Text.get("usage.scan.unmatched", c), i);
          }
        }
        default -> {}
      }
      i++;
    }
    if (depth > 0) {
      char open = line.charAt(openAt);
      throw new UsageError(Text.get("usage.scan.unclosed", open, open == '(' ? ')' : ']'), openAt);
    }
    return new Token(line.substring(start, i), start, i);
  }

  /** The index of the quote closing the one at {@code open}; a backslash escapes a quote. */
  private int closingQuote(int open, char quote) throws UsageError {
    for (int i = open + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    throw new UsageError(unterminated(quote), open);
  }

  /** The error of a string whose closing quote is missing. */
  static String unterminated(char quote) {
    return Text.get("usage.scan.unterminated", quote);
  }
}
