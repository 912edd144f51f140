package dev.sockshell.python;

import java.util.ArrayList;
import java.util.List;

/**
 * An f-string's body split into str constants and {@code {expression!conversion:spec}} fields, as
 * Python 3.11 reads it: {@code {{} and {@code }}} are braces, the spec may hold fields of its own,
 * and {@code {x=}} shows the expression's text before its repr.
 */
final class FStrings {
  private FStrings() {}

  static List<Expr> parts(String body, boolean raw, Token at) {
    List<Expr> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        throw PySyntaxError.syntax("f-string: single '}' is not allowed", at);
      } else if (c == '{') {
        flush(literal, parts, raw, at);
        i = field(body, i + 1, parts, raw, at);
      } else {
        literal.append(c);
        i++;
      }
    }
    flush(literal, parts, raw, at);
    return parts;
  }

  private static void flush(StringBuilder literal, List<Expr> parts, boolean raw, Token at) {
    if (literal.length() > 0) {
      parts.add(new Expr.Constant(Literals.str(literal.toString(), raw, at), at.line()));
      literal.setLength(0);
    }
  }

  /** Reads one field starting after its '{'; returns the index after its '}'. */
  private static int field(String body, int start, List<Expr> parts, boolean raw, Token at) {
    int depth = 0;
    int i = start;
    char quote = 0;
    int end = -1;
    for (; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\\') {
        throw PySyntaxError.syntax("f-string expression part cannot include a backslash", at);
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '}' || c == ':')) {
        end = i;
        break;
      } else if (depth == 0 && c == '!' && i + 1 < body.length() && body.charAt(i + 1) != '=') {
        end = i;
        break;
      }
    }
    if (end < 0) {
      throw PySyntaxError.syntax("f-string: expecting '}'", at);
    }
    String source = body.substring(start, end);
    boolean debug = false;
    String trimmed = source.stripTrailing();
    if (trimmed.endsWith("=")
        && !trimmed.endsWith("==")
        && !trimmed.endsWith("!=")
        && !trimmed.endsWith("<=")
        && !trimmed.endsWith(">=")) {
      debug = true;
      source = trimmed.substring(0, trimmed.length() - 1);
    }
    if (source.isBlank()) {
      throw PySyntaxError.syntax("f-string: empty expression not allowed", at);
    }
    Expr value = expression(source, at);
    char conversion = debug ? 'r' : 0;
    i = end;
    if (body.charAt(i) == '!') {
      if (i + 1 >= body.length() || "sra".indexOf(body.charAt(i + 1)) < 0) {
        throw PySyntaxError.syntax(
            "f-string: invalid conversion character: expected 's', 'r', or 'a'", at);
      }
      conversion = body.charAt(i + 1);
      i += 2;
    }
    Expr spec = null;
    if (i < body.length() && body.charAt(i) == ':') {
      int specStart = i + 1;
      int nested = 0;
      i = specStart;
      while (i < body.length() && (body.charAt(i) != '}' || nested > 0)) {
        if (body.charAt(i) == '{') {
          nested++;
        } else if (body.charAt(i) == '}') {
          nested--;
        }
        i++;
      }
      spec = new Expr.FString(parts(body.substring(specStart, i), raw, at), at.line());
      if (debug && conversion == 'r') {
        conversion = 0; // {x=:spec} formats the value, not its repr
      }
    }
    if (i >= body.length() || body.charAt(i) != '}') {
      throw PySyntaxError.syntax("f-string: expecting '}'", at);
    }
    if (debug) {
      parts.add(new Expr.Constant(body.substring(start, end), at.line()));
    }
    parts.add(new Expr.Formatted(value, conversion, spec, at.line()));
    return i + 1;
  }

  private static Expr expression(String source, Token at) {
    List<Token> tokens;
    try {
      tokens = Lexer.tokens("(" + source + ")");
    } catch (PySyntaxError e) {
      throw PySyntaxError.syntax("f-string: " + e.getMessage(), at);
    }
    // Line numbers inside the field are the literal's.
    List<Token> placed = new ArrayList<>();
    for (Token t : tokens) {
      placed.add(new Token(t.kind(), t.text(), at.line() + t.line() - 1, at.column()));
    }
    Tokens in = new Tokens(placed);
    Expr e = new ExprParser(in).expressionList();
    if (!in.at(Token.Kind.NEWLINE) && !in.at(Token.Kind.END)) {
      throw PySyntaxError.syntax("f-string: invalid syntax", at);
    }
    return e;
  }
}
