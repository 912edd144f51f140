package dev.sockshell.python;

import java.util.List;
import java.util.Set;

/** A cursor over a line's or a program's tokens, shared by the statement and expression parsers. */
final class Tokens {
  static final Set<String> KEYWORDS =
      Set.of(
          "False",
          "None",
          "True",
          "and",
          "as",
          "assert",
          "async",
          "await",
          "break",
          "class",
          "continue",
          "def",
          "del",
          "elif",
          "else",
          "except",
          "finally",
          "for",
          "from",
          "global",
          "if",
          "import",
          "in",
          "is",
          "lambda",
          "nonlocal",
          "not",
          "or",
          "pass",
          "raise",
          "return",
          "try",
          "while",
          "with",
          "yield");

  private final List<Token> tokens;
  private int i;

  Tokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return tokens.get(i);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(i + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = tokens.get(i);
    if (t.kind() != Token.Kind.END) {
      i++;
    }
    return t;
  }

  boolean at(String op) {
    return peek().is(op);
  }

  boolean at(Token.Kind kind) {
    return peek().kind() == kind;
  }

  boolean match(String op) {
    if (at(op)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(String op) {
    if (!at(op)) {
      throw error("expected '" + op + "'");
    }
    return next();
  }

  Token expect(Token.Kind kind, String message) {
    if (!at(kind)) {
      throw error(message);
    }
    return next();
  }

  /** A name that is not a keyword. */
  Token identifier() {
    Token t = peek();
    if (t.kind() != Token.Kind.NAME || KEYWORDS.contains(t.text())) {
      throw error("invalid syntax");
    }
    return next();
  }

  static boolean isIdentifier(Token t) {
    return t.kind() == Token.Kind.NAME && !KEYWORDS.contains(t.text());
  }

  /**
   * A syntax error at the next token; at the end of the source, the source is incomplete (the
   * console reads another line) with the same message for a program.
   */
  PySyntaxError error(String message) {
    Token t = peek();
    if (t.kind() == Token.Kind.END) {
      return PySyntaxError.incomplete(message, t.line(), t.column());
    }
    return PySyntaxError.syntax(message, t);
  }
}
