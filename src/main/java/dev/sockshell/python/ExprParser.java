package dev.sockshell.python;

import dev.sockshell.i18n.Text;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python expressions by precedence climbing (Pratt): each infix operator has a binding power, and
 * an operand extends to the right while the next operator binds tighter than the one before it.
 */
final class ExprParser {
  // Binding powers, loosest first.
  static final int CONDITIONAL = 2;
  static final int OR = 3;
  static final int AND = 4;
  static final int NOT = 5;
  static final int COMPARISON = 6;
  static final int BIT_OR = 7;
  private static final int BIT_XOR = 8;
  private static final int BIT_AND = 9;
  private static final int SHIFT = 10;
  private static final int SUM = 11;
  private static final int TERM = 12;
  private static final int UNARY = 13;
  private static final int POWER = 14;
  private static final int POSTFIX = 16;

  private static final Map<String, Integer> INFIX =
      Map.ofEntries(
          Map.entry("if", CONDITIONAL),
          Map.entry("or", OR),
          Map.entry("and", AND),
          Map.entry("<", COMPARISON),
          Map.entry(">", COMPARISON),
          Map.entry("==", COMPARISON),
          Map.entry(">=", COMPARISON),
          Map.entry("<=", COMPARISON),
          Map.entry("!=", COMPARISON),
          Map.entry("in", COMPARISON),
          Map.entry("not", COMPARISON),
          Map.entry("is", COMPARISON),
          Map.entry("|", BIT_OR),
          Map.entry("^", BIT_XOR),
          Map.entry("&", BIT_AND),
          Map.entry("<<", SHIFT),
          Map.entry(">>", SHIFT),
          Map.entry("+", SUM),
          Map.entry("-", SUM),
          Map.entry("*", TERM),
          Map.entry("/", TERM),
          Map.entry("//", TERM),
          Map.entry("%", TERM),
          Map.entry("@", TERM),
          Map.entry("**", POWER),
          Map.entry("(", POSTFIX),
          Map.entry("[", POSTFIX),
          Map.entry(".", POSTFIX));

  private static final java.util.Set<String> COMPARISONS =
      java.util.Set.of("<", ">", "==", ">=", "<=", "!=");

  private final Tokens in;

  ExprParser(Tokens in) {
    this.in = in;
  }

  /** One expression, e.g. a call's argument (no bare tuple). */
  Expr expression() {
    return parse(CONDITIONAL);
  }

  /** {@code a, b, c}: a tuple when there is a comma, else the one expression. */
  Expr expressionList() {
    return list(CONDITIONAL);
  }

  /** Targets of {@code for}: stops before {@code in}. */
  Expr targetList() {
    return list(BIT_OR);
  }

  private Expr list(int power) {
    Token first = in.peek();
    Expr e = parse(power);
    if (!in.at(",")) {
      return e;
    }
    List<Expr> items = new ArrayList<>(List.of(e));
    while (in.match(",")) {
      if (!startsExpression(in.peek())) {
        break;
      }
      items.add(parse(power));
    }
    return new Expr.TupleExpr(items, first.line());
  }

  /** True if {@code t} can begin an expression (so a trailing comma is not followed by one). */
  static boolean startsExpression(Token t) {
    return switch (t.kind()) {
      case NAME ->
          Tokens.isIdentifier(t)
              || t.text().equals("True")
              || t.text().equals("False")
              || t.text().equals("None")
              || t.text().equals("not")
              || t.text().equals("lambda")
              || t.text().equals("await")
              || t.text().equals("yield");
      case NUMBER, STRING, VALUE_REF -> true;
      case OP ->
          switch (t.text()) {
            case "(", "[", "{", "-", "+", "~", "...", "*" -> true;
            default -> false;
          };
      default -> false;
    };
  }

  Expr parse(int minPower) {
    Expr left = prefix(minPower);
    if (in.at(":=")) {
      throw PySyntaxError.unsupported(
          Text.get("python.unsupported.assignment.expressions"), in.peek());
    }
    while (true) {
      Token t = in.peek();
      Integer power = infixPower(t);
      if (power == null || power < minPower) {
        return left;
      }
      left = infix(left, t, power);
    }
  }

  private Integer infixPower(Token t) {
    if (t.kind() != Token.Kind.OP && t.kind() != Token.Kind.NAME) {
      return null;
    }
    if (t.kind() == Token.Kind.NAME
        && !(t.text().equals("if")
            || t.text().equals("or")
            || t.text().equals("and")
            || t.text().equals("in")
            || t.text().equals("is")
            || (t.text().equals("not") && in.peek(1).isKeyword("in")))) {
      return null;
    }
    return INFIX.get(t.text());
  }

  private Expr prefix(int minPower) {
    Token t = in.peek();
    if (t.isKeyword("not")) {
      if (minPower > NOT) {
        throw in.error("invalid syntax");
      }
      in.next();
      return new Expr.Unary("not", parse(NOT), t.line());
    }
    if (t.kind() == Token.Kind.OP && (t.is("-") || t.is("+") || t.is("~"))) {
      in.next();
      return new Expr.Unary(t.text(), parse(UNARY), t.line());
    }
    if (t.isKeyword("lambda")) {
      throw PySyntaxError.unsupported(Text.get("python.unsupported.lambda.expressions"), t);
    }
    if (t.isKeyword("await") || t.isKeyword("yield")) {
      throw PySyntaxError.unsupported(
          (t.text().equals("await") ? "await" : "generators (yield)") + " are not supported", t);
    }
    if (t.is("*") && t.kind() == Token.Kind.OP) {
      throw PySyntaxError.unsupported(Text.get("python.unsupported.starred.expressions.x"), t);
    }
    return new Atoms(in, this).atom();
  }

  private Expr infix(Expr left, Token t, int power) {
    int line = left.line();
    switch (t.text()) {
      case "if" -> {
        in.next();
        Expr test = parse(OR);
        if (!in.at("else")) {
          throw in.error("expected 'else' after 'if' expression");
        }
        in.next();
        Expr orElse = parse(CONDITIONAL);
        return new Expr.Conditional(test, left, orElse, line);
      }
      case "or", "and" -> {
        in.next();
        return new Expr.BoolOp(t.text(), left, parse(power + 1), line);
      }
      case "**" -> {
        in.next();
        return new Expr.Binary("**", left, parse(UNARY), line); // right-associative
      }
      case "(" -> {
        return call(left);
      }
      case "[" -> {
        return subscript(left);
      }
      case "." -> {
        in.next();
        Token name = in.peek();
        if (name.kind() != Token.Kind.NAME) {
          throw in.error("invalid syntax");
        }
        in.next();
        return new Expr.Attribute(left, name.text(), line);
      }
      default -> {}
    }
    if (power == COMPARISON) {
      return comparison(left);
    }
    in.next();
    return new Expr.Binary(t.text(), left, parse(power + 1), line);
  }

  private Expr comparison(Expr left) {
    List<String> ops = new ArrayList<>();
    List<Expr> operands = new ArrayList<>();
    while (true) {
      Token t = in.peek();
      String op;
      if (t.isKeyword("not") && in.peek(1).isKeyword("in")) {
        in.next();
        in.next();
        op = "not in";
      } else if (t.isKeyword("is")) {
        in.next();
        op = in.match("not") ? "is not" : "is";
      } else if (t.isKeyword("in")
          || (t.kind() == Token.Kind.OP && COMPARISONS.contains(t.text()))) {
        in.next();
        op = t.text();
      } else {
        break;
      }
      ops.add(op);
      operands.add(parse(BIT_OR));
    }
    return new Expr.Compare(left, ops, operands, left.line());
  }

  private Expr call(Expr function) {
    in.expect("(");
    List<Expr> args = new ArrayList<>();
    List<Expr.Keyword> keywords = new ArrayList<>();
    while (!in.at(")")) {
      Token t = in.peek();
      if (t.is("*") || t.is("**")) {
        throw PySyntaxError.unsupported(Text.get("python.unsupported.args.and.kwargs.in.calls"), t);
      }
      if (Tokens.isIdentifier(t) && in.peek(1).is("=") && in.peek(1).kind() == Token.Kind.OP) {
        in.next();
        in.next();
        keywords.add(new Expr.Keyword(t.text(), expression()));
      } else {
        Expr arg = expression();
        if (in.at("for")) {
          throw PySyntaxError.unsupported(Atoms.noGeneratorExpressions(), in.peek());
        }
        if (!keywords.isEmpty()) {
          throw PySyntaxError.syntax("positional argument follows keyword argument", t);
        }
        args.add(arg);
      }
      if (!in.match(",")) {
        break;
      }
    }
    in.expect(")");
    return new Expr.Call(function, args, keywords, function.line());
  }

  private Expr subscript(Expr object) {
    Token open = in.expect("[");
    List<Expr> items = new ArrayList<>();
    boolean tuple = false;
    while (true) {
      items.add(sliceItem());
      if (!in.match(",")) {
        break;
      }
      tuple = true;
      if (in.at("]")) {
        break;
      }
    }
    in.expect("]");
    Expr index = tuple ? new Expr.TupleExpr(items, open.line()) : items.get(0);
    return new Expr.Subscript(object, index, object.line());
  }

  private Expr sliceItem() {
    int line = in.peek().line();
    Expr lower = in.at(":") ? null : expression();
    if (!in.at(":")) {
      return lower;
    }
    in.next();
    Expr upper = in.at(":") || in.at("]") || in.at(",") ? null : expression();
    Expr step = null;
    if (in.match(":")) {
      step = in.at("]") || in.at(",") ? null : expression();
    }
    return new Expr.Slice(lower, upper, step, line);
  }

  /** A NUMBER token's value: a BigInteger or a Double. */
  static Object number(Token t) {
    String text = t.text().replace("_", "");
    if (t.text().contains("__") || t.text().endsWith("_")) {
      throw PySyntaxError.syntax("invalid decimal literal", t);
    }
    String lower = text.toLowerCase();
    try {
      if (lower.startsWith("0x")) {
        return new BigInteger(text.substring(2), 16);
      } else if (lower.startsWith("0o")) {
        return new BigInteger(text.substring(2), 8);
      } else if (lower.startsWith("0b")) {
        return new BigInteger(text.substring(2), 2);
      }
    } catch (NumberFormatException e) {
      String base =
          lower.startsWith("0x") ? "hexadecimal" : lower.startsWith("0o") ? "octal" : "binary";
      throw PySyntaxError.syntax("invalid " + base + " literal", t);
    }
    if (lower.contains(".") || lower.contains("e")) {
      return Double.parseDouble(text);
    }
    if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(c -> c == '0')) {
      throw PySyntaxError.syntax(
          "leading zeros in decimal integer literals are not permitted;"
              + " use an 0o prefix for octal integers",
          t);
    }
    return new BigInteger(text);
  }
}
