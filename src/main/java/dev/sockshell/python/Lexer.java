package dev.sockshell.python;

import dev.sockshell.i18n.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Python source to tokens, as CPython's tokenizer makes them: NEWLINE ends a logical line, INDENT
 * and DEDENT mark blocks, newlines inside brackets and after a backslash join lines, blank and
 * comment-only lines make no token. Strings keep their prefix and quotes ({@link Literals} decodes
 * them).
 */
final class Lexer {

  private static final String UNTERMINATED_STRING =
      "unterminated string literal (detected at line ";
  private static final String[] OPERATORS = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "="
  };

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private final Deque<Integer> indents = new ArrayDeque<>();

  /** Open brackets, innermost last, with where each opened. */
  private final Deque<Token> brackets = new ArrayDeque<>();

  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean atLineStart = true;

  private Lexer(String src) {
    this.src = src;
    indents.push(0);
  }

  static List<Token> tokens(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < src.length()) {
      if (atLineStart && brackets.isEmpty()) {
        if (!indentation()) {
          continue; // a blank or comment-only line
        }
      }
      atLineStart = false;
      char c = src.charAt(pos);
      if (c == '\n' || c == '\r') {
        newline();
      } else if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else if (c == '\\') {
        continuation();
      } else if (isStringStart()) {
        string();
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(pos + 1))) {
        number();
      } else if (Character.isJavaIdentifierStart(c) && c != '$') {
        name();
      } else if (c == '$') {
        valueRef();
      } else {
        operator();
      }
    }
    if (!brackets.isEmpty()) {
      Token open = brackets.peekLast();
      throw PySyntaxError.incomplete(
          "'" + open.text() + "' was never closed", open.line(), open.column());
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Token.Kind.NEWLINE) {
      add(Token.Kind.NEWLINE, "", pos);
    }
    while (indents.peek() > 0) {
      indents.pop();
      add(Token.Kind.DEDENT, "", pos);
    }
    add(Token.Kind.END, "", pos);
  }

  /**
   * Reads the indentation of a line and emits INDENT/DEDENT; false (having skipped the line) when
   * it holds nothing but blanks or a comment.
   */
  private boolean indentation() {
    int width = 0;
    int start = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ') {
        width++;
      } else if (c == '\t') {
        width = (width / 8 + 1) * 8;
      } else if (c == '\f') {
        width = 0;
      } else {
        break;
      }
      pos++;
    }
    if (pos >= src.length()) {
      return false;
    }
    char c = src.charAt(pos);
    if (c == '#' || c == '\n' || c == '\r') {
      if (c == '#') {
        skipComment();
      }
      if (pos < src.length()) {
        skipNewline();
      }
      return false;
    }
    int current = indents.peek();
    if (width > current) {
      indents.push(width);
      add(Token.Kind.INDENT, src.substring(start, pos), start);
    } else {
      while (width < indents.peek()) {
        indents.pop();
        add(Token.Kind.DEDENT, "", pos);
      }
      if (width != indents.peek()) {
        throw new PySyntaxError(
            PySyntaxError.Kind.INDENTATION,
            "unindent does not match any outer indentation level",
            line,
            pos - lineStart);
      }
    }
    return true;
  }

  private void newline() {
    if (brackets.isEmpty()) {
      add(Token.Kind.NEWLINE, "\n", pos);
    }
    skipNewline();
  }

  private void skipNewline() {
    if (src.charAt(pos) == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
    lineStart = pos;
    atLineStart = true;
  }

  private void skipComment() {
    while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
      pos++;
    }
  }

  /** A backslash joins the next line to this one. */
  private void continuation() {
    int at = pos;
    pos++;
    if (pos >= src.length()) {
      throw PySyntaxError.incomplete("unexpected EOF while parsing", line, at - lineStart);
    }
    char c = src.charAt(pos);
    if (c != '\n' && c != '\r') {
      throw PySyntaxError.syntax(
          "unexpected character after line continuation character", line, at - lineStart);
    }
    skipNewline();
    atLineStart = false;
  }

  private boolean isDigit(int i) {
    return src.charAt(i) >= '0' && src.charAt(i) <= '9';
  }

  /** At a quote, or at a string prefix (b, r, f, u and their pairs) followed by one. */
  private boolean isStringStart() {
    int i = pos;
    while (i < src.length() && i - pos < 2 && "bBrRfFuU".indexOf(src.charAt(i)) >= 0) {
      i++;
    }
    if (i >= src.length() || (src.charAt(i) != '\'' && src.charAt(i) != '"')) {
      return false;
    }
    return Literals.isPrefix(src.substring(pos, i));
  }

  private void string() {
    int start = pos;
    while (src.charAt(pos) != '\'' && src.charAt(pos) != '"') {
      pos++;
    }
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    int startLine = line;
    int startColumn = start - lineStart;
    pos += triple ? 3 : 1;
    while (true) {
      if (pos >= src.length()) {
        if (triple) {
          throw PySyntaxError.incomplete(
              "unterminated triple-quoted string literal (detected at line " + line + ")",
              startLine,
              startColumn);
        }
        throw PySyntaxError.syntax(UNTERMINATED_STRING + line + ")", startLine, startColumn);
      }
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length()) {
        char next = src.charAt(pos + 1);
        pos += 2;
        if (next == '\n' || next == '\r') {
          countNewline(next);
        }
        continue;
      }
      if (c == '\n' || c == '\r') {
        if (!triple) {
          throw PySyntaxError.syntax(UNTERMINATED_STRING + line + ")", startLine, startColumn);
        }
        pos++;
        countNewline(c);
        continue;
      }
      if (c == quote && (!triple || src.startsWith(String.valueOf(quote).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        break;
      }
      pos++;
    }
    tokens.add(new Token(Token.Kind.STRING, src.substring(start, pos), startLine, startColumn));
  }

  private void countNewline(char c) {
    if (c == '\r' && pos < src.length() && src.charAt(pos) == '\n') {
      pos++;
    }
    line++;
    lineStart = pos;
  }

  private void number() {
    int start = pos;
    char c = src.charAt(pos);
    if (c == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      pos += 2;
      while (pos < src.length()
          && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
    } else {
      digits();
      if (pos < src.length() && src.charAt(pos) == '.') {
        pos++;
        digits();
      }
      if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
        int save = pos;
        pos++;
        if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
          pos++;
        }
        if (pos < src.length() && isDigit(pos)) {
          digits();
        } else {
          pos = save;
        }
      }
      if (pos < src.length() && (src.charAt(pos) == 'j' || src.charAt(pos) == 'J')) {
        pos++;
        Token t = token(Token.Kind.NUMBER, start);
        throw PySyntaxError.unsupported(Text.get("python.unsupported.complex.numbers"), t);
      }
    }
    if (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
      throw PySyntaxError.syntax("invalid decimal literal", line, start - lineStart);
    }
    tokens.add(token(Token.Kind.NUMBER, start));
  }

  private void digits() {
    while (pos < src.length() && (isDigit(pos) || src.charAt(pos) == '_')) {
      pos++;
    }
  }

  private void name() {
    int start = pos;
    while (pos < src.length()
        && Character.isJavaIdentifierPart(src.charAt(pos))
        && src.charAt(pos) != '$'
        && !Character.isIdentifierIgnorable(src.charAt(pos))) {
      pos++;
    }
    tokens.add(token(Token.Kind.NAME, start));
  }

  /** {@code $3}: the value command 3 returned (sockshell's own, for mixing the languages). */
  private void valueRef() {
    int start = pos;
    pos++;
    while (pos < src.length() && isDigit(pos)) {
      pos++;
    }
    if (pos == start + 1) {
      throw PySyntaxError.syntax("invalid syntax", line, start - lineStart);
    }
    tokens.add(token(Token.Kind.VALUE_REF, start));
  }

  private void operator() {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        Token t = new Token(Token.Kind.OP, op, line, pos - lineStart);
        pos += op.length();
        bracket(t);
        tokens.add(t);
        return;
      }
    }
    int cp = src.codePointAt(pos);
    String what =
        cp == '!' || cp == '?' || cp == '`'
            ? "invalid syntax"
            : String.format("invalid character '%s' (U+%04X)", Character.toString(cp), cp);
    throw PySyntaxError.syntax(what, line, pos - lineStart);
  }

  private void bracket(Token t) {
    switch (t.text()) {
      case "(", "[", "{" -> brackets.addLast(t);
      case ")", "]", "}" -> {
        if (brackets.isEmpty()) {
          throw PySyntaxError.syntax("unmatched '" + t.text() + "'", t);
        }
        Token open = brackets.removeLast();
        String expected =
            switch (open.text()) {
              case "(" -> ")";
              case "[" -> "]";
              default -> "}";
            };
        if (!expected.equals(t.text())) {
          throw PySyntaxError.syntax(
              "closing parenthesis '"
                  + t.text()
                  + "' does not match opening parenthesis '"
                  + open.text()
                  + "'"
                  + (open.line() != t.line() ? " on line " + open.line() : ""),
              t);
        }
      }
      default -> {}
    }
  }

  private Token token(Token.Kind kind, int start) {
    return new Token(kind, src.substring(start, pos), line, start - lineStart);
  }

  private void add(Token.Kind kind, String text, int at) {
    tokens.add(new Token(kind, text, line, Math.max(0, at - lineStart)));
  }
}
