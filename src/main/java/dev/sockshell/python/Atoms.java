package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The operands of expressions: names, numbers, strings (adjacent ones joined, f-strings split into
 * their parts), and bracketed tuples, lists and dicts.
 */
final class Atoms {

  /** Said where a generator (yield) is written. */
  static String noGenerators() {
    return Text.get("python.unsupported.generators.yield");
  }

  /** Said where a generator expression is written. */
  static String noGeneratorExpressions() {
    return Text.get("python.unsupported.generator.expressions");
  }

  private final Tokens in;
  private final ExprParser expressions;

  Atoms(Tokens in, ExprParser expressions) {
    this.in = in;
    this.expressions = expressions;
  }

  Expr atom() {
    Token t = in.peek();
    switch (t.kind()) {
      case NUMBER -> {
        in.next();
        return new Expr.Constant(ExprParser.number(t), t.line());
      }
      case STRING -> {
        return strings();
      }
      case VALUE_REF -> {
        in.next();
        return new Expr.ValueRef(Integer.parseInt(t.text().substring(1)), t.line());
      }
      case NAME -> {
        return name(t);
      }
      case OP -> {
        return bracketed(t);
      }
      default -> throw in.error("invalid syntax");
    }
  }

  private Expr name(Token t) {
    switch (t.text()) {
      case "True" -> {
        in.next();
        return new Expr.Constant(Boolean.TRUE, t.line());
      }
      case "False" -> {
        in.next();
        return new Expr.Constant(Boolean.FALSE, t.line());
      }
      case "None" -> {
        in.next();
        return new Expr.Constant(PyNone.NONE, t.line());
      }
      default -> {
        if (!Tokens.isIdentifier(t)) {
          throw in.error("invalid syntax");
        }
        in.next();
        return new Expr.Name(t.text(), t.line());
      }
    }
  }

  private Expr bracketed(Token t) {
    switch (t.text()) {
      case "(" -> {
        in.next();
        if (in.match(")")) {
          return new Expr.TupleExpr(List.of(), t.line());
        }
        Expr first = in.at("yield") ? null : expressions.expression();
        if (first == null) {
          throw PySyntaxError.unsupported(noGenerators(), in.peek());
        }
        if (in.at("for")) {
          throw PySyntaxError.unsupported(noGeneratorExpressions(), in.peek());
        }
        if (in.match(")")) {
          return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (in.match(",")) {
          if (in.at(")")) {
            break;
          }
          items.add(expressions.expression());
        }
        in.expect(")");
        return new Expr.TupleExpr(items, t.line());
      }
      case "[" -> {
        in.next();
        List<Expr> items = new ArrayList<>();
        while (!in.at("]")) {
          items.add(expressions.expression());
          if (in.at("for")) {
            throw PySyntaxError.unsupported(
                Text.get("python.unsupported.list.comprehensions"), in.peek());
          }
          if (!in.match(",")) {
            break;
          }
        }
        in.expect("]");
        return new Expr.ListExpr(items, t.line());
      }
      case "{" -> {
        return dict(t);
      }
      case "..." -> {
        in.next();
        return new Expr.Constant(PyNone.ELLIPSIS, t.line());
      }
      default -> throw in.error("invalid syntax");
    }
  }

  private Expr dict(Token open) {
    in.next();
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!in.at("}")) {
      if (in.at("**")) {
        throw PySyntaxError.unsupported(Text.get("python.unsupported.in.dict.displays"), in.peek());
      }
      Expr key = expressions.expression();
      if (!in.at(":")) {
        throw PySyntaxError.unsupported(
            in.at("for")
                ? Text.get("python.unsupported.set.comprehensions")
                : Text.get("python.unsupported.sets"),
            open);
      }
      in.next();
      Expr value = expressions.expression();
      if (in.at("for")) {
        throw PySyntaxError.unsupported(
            Text.get("python.unsupported.dict.comprehensions"), in.peek());
      }
      keys.add(key);
      values.add(value);
      if (!in.match(",")) {
        break;
      }
    }
    in.expect("}");
    return new Expr.DictExpr(keys, values, open.line());
  }

  /** Adjacent literals are one: {@code 'a' 'b'} is {@code 'ab'}, and so with f-strings. */
  private Expr strings() {
    Token first = in.peek();
    List<Expr> parts = new ArrayList<>();
    Boolean bytes = null;
    boolean format = false;
    ByteString joined = ByteString.EMPTY;
    while (in.at(Token.Kind.STRING)) {
      Token t = in.next();
      Literals.Parts p = Literals.parts(t);
      if (bytes != null && bytes != p.bytes()) {
        throw PySyntaxError.syntax("cannot mix bytes and nonbytes literals", t);
      }
      bytes = p.bytes();
      if (p.bytes()) {
        joined = joined.concat(Literals.bytes(p.body(), p.raw(), t));
      } else if (p.format()) {
        format = true;
        parts.addAll(FStrings.parts(p.body(), p.raw(), t));
      } else {
        parts.add(new Expr.Constant(Literals.str(p.body(), p.raw(), t), t.line()));
      }
    }
    if (bytes) {
      return new Expr.Constant(joined, first.line());
    }
    if (!format) {
      StringBuilder sb = new StringBuilder();
      parts.forEach(p -> sb.append((String) ((Expr.Constant) p).value()));
      return new Expr.Constant(sb.toString(), first.line());
    }
    return new Expr.FString(parts, first.line());
  }
}
