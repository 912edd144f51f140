package dev.sockshell.python;

import dev.sockshell.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statements of the subset from tokens. What Python checks before running (break outside a loop,
 * return outside a function, a module sockshell does not have) is checked here, so a program with
 * such a line fails before it touches a socket.
 */
final class Parser {
  /** The modules a program may import. */
  static final Set<String> MODULES = Set.of("socket", "select", "struct", "time", "sys", "errno");

  private final Tokens in;
  private final ExprParser expressions;
  private int loops;
  private int functions;

  private Parser(List<Token> tokens) {
    this.in = new Tokens(tokens);
    this.expressions = new ExprParser(in);
  }

  /** Every statement of {@code source}. */
  static List<Stmt> parse(String source) {
    Parser p = new Parser(Lexer.tokens(source));
    List<Stmt> statements = new ArrayList<>();
    while (p.in.at(Token.Kind.NEWLINE)) {
      p.in.next();
    }
    if (p.in.at(Token.Kind.INDENT)) {
      Token t = p.in.peek();
      throw new PySyntaxError(
          PySyntaxError.Kind.INDENTATION, "unexpected indent", t.line(), t.column());
    }
    while (!p.in.at(Token.Kind.END)) {
      statements.addAll(p.statement());
    }
    return statements;
  }

  private List<Stmt> statement() {
    Token t = in.peek();
    if (t.kind() == Token.Kind.INDENT) {
      throw new PySyntaxError(
          PySyntaxError.Kind.INDENTATION, "unexpected indent", t.line(), t.column());
    }
    if (t.kind() == Token.Kind.NAME) {
      switch (t.text()) {
        case "if":
          return List.of(ifStatement());
        case "while":
          return List.of(whileStatement());
        case "for":
          return List.of(forStatement());
        case "try":
          return List.of(tryStatement());
        case "with":
          return List.of(withStatement());
        case "def":
          return List.of(def());
        case "class":
          throw PySyntaxError.unsupported(Text.get("python.unsupported.classes"), t);
        case "async":
          throw PySyntaxError.unsupported(Text.get("python.unsupported.async.and.await"), t);
        case "elif", "else", "except", "finally":
          throw in.error("invalid syntax");
        default:
          break;
      }
    }
    if (t.is("@")) {
      throw PySyntaxError.unsupported(Text.get("python.unsupported.decorators"), t);
    }
    return simpleStatements();
  }

  /** {@code a; b; c NEWLINE}. */
  private List<Stmt> simpleStatements() {
    List<Stmt> list = new ArrayList<>();
    list.add(simple());
    while (in.match(";")) {
      if (in.at(Token.Kind.NEWLINE)) {
        break;
      }
      list.add(simple());
    }
    if (!in.at(Token.Kind.NEWLINE)) {
      throw in.error("invalid syntax");
    }
    in.next();
    return list;
  }

  private Stmt simple() {
    Token t = in.peek();
    int line = t.line();
    if (t.kind() == Token.Kind.NAME) {
      switch (t.text()) {
        case "pass":
          in.next();
          return new Stmt.Pass(line);
        case "break":
          in.next();
          if (loops == 0) {
            throw PySyntaxError.syntax("'break' outside loop", t);
          }
          return new Stmt.Break(line);
        case "continue":
          in.next();
          if (loops == 0) {
            throw PySyntaxError.syntax("'continue' not properly in loop", t);
          }
          return new Stmt.Continue(line);
        case "return":
          return returnStatement(t);
        case "raise":
          return raise(t);
        case "del":
          in.next();
          return new Stmt.Del(targets(expressions.expressionList(), "delete"), line);
        case "assert":
          in.next();
          Expr test = expressions.expression();
          Expr message = in.match(",") ? expressions.expression() : null;
          return new Stmt.Assert(test, message, line);
        case "global":
          return global(t);
        case "nonlocal":
          throw PySyntaxError.unsupported(Text.get("python.unsupported.nonlocal"), t);
        case "import":
          return importStatement(t);
        case "from":
          return fromImport(t);
        default:
          break;
      }
    }
    return assignmentOrExpression();
  }

  private Stmt returnStatement(Token t) {
    in.next();
    if (functions == 0) {
      throw PySyntaxError.syntax("'return' outside function", t);
    }
    Expr value = in.at(Token.Kind.NEWLINE) || in.at(";") ? null : expressions.expressionList();
    return new Stmt.Return(value, t.line());
  }

  private Stmt raise(Token t) {
    in.next();
    if (in.at(Token.Kind.NEWLINE) || in.at(";")) {
      return new Stmt.Raise(null, null, t.line());
    }
    Expr exception = expressions.expression();
    Expr cause = in.match("from") ? expressions.expression() : null;
    return new Stmt.Raise(exception, cause, t.line());
  }

  private Stmt global(Token t) {
    in.next();
    List<String> names = new ArrayList<>();
    do {
      names.add(in.identifier().text());
    } while (in.match(","));
    return new Stmt.Global(names, t.line());
  }

  private Stmt importStatement(Token t) {
    in.next();
    List<Stmt.Alias> names = new ArrayList<>();
    do {
      String module = dottedName();
      String alias = in.match("as") ? in.identifier().text() : null;
      checkModule(module, t);
      names.add(new Stmt.Alias(module, alias));
    } while (in.match(","));
    return new Stmt.Import(names, t.line());
  }

  private Stmt fromImport(Token t) {
    in.next();
    if (in.at(".")) {
      throw PySyntaxError.unsupported(Text.get("python.unsupported.relative.imports"), in.peek());
    }
    String module = dottedName();
    checkModule(module, t);
    in.expect("import");
    List<Stmt.Alias> names = new ArrayList<>();
    if (in.match("*")) {
      return new Stmt.ImportFrom(module, names, t.line());
    }
    boolean parens = in.match("(");
    do {
      if (parens && in.at(")")) {
        break;
      }
      String name = in.identifier().text();
      String alias = in.match("as") ? in.identifier().text() : null;
      names.add(new Stmt.Alias(name, alias));
    } while (in.match(","));
    if (parens) {
      in.expect(")");
    }
    return new Stmt.ImportFrom(module, names, t.line());
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(in.identifier().text());
    while (in.match(".")) {
      name.append('.').append(in.identifier().text());
    }
    return name.toString();
  }

  private static void checkModule(String module, Token at) {
    if (!MODULES.contains(module)) {
      throw PySyntaxError.unsupported(
          Text.get("python.unsupported.module", module, modulesList()), at);
    }
  }

  private static String modulesList() {
    return "socket, select, struct, time, sys and errno";
  }

  private Stmt assignmentOrExpression() {
    Token first = in.peek();
    Expr e = expressions.expressionList();
    if (in.at(":") && in.peek().kind() == Token.Kind.OP) {
      // An annotation (x: int = 0): Python ignores it at run time, and so do we.
      in.next();
      expressions.expression();
      if (!in.match("=")) {
        return new Stmt.Pass(first.line());
      }
      return new Stmt.Assign(
          List.of(target(e, "assign to")), expressions.expressionList(), first.line());
    }
    Token op = in.peek();
    if (op.kind() == Token.Kind.OP
        && op.text().length() >= 2
        && op.text().endsWith("=")
        && !op.text().equals("==")
        && !op.text().equals("<=")
        && !op.text().equals(">=")
        && !op.text().equals("!=")) {
      in.next();
      if (e instanceof Expr.TupleExpr || e instanceof Expr.ListExpr) {
        throw PySyntaxError.syntax(
            "'"
                + (e instanceof Expr.TupleExpr ? "tuple" : "list")
                + "' is an illegal expression for augmented assignment",
            first);
      }
      Expr target = target(e, "assign to");
      return new Stmt.AugAssign(
          target,
          op.text().substring(0, op.text().length() - 1),
          expressions.expressionList(),
          first.line());
    }
    if (!in.at("=")) {
      return new Stmt.ExprStmt(e, first.line());
    }
    List<Expr> targets = new ArrayList<>();
    Expr value = e;
    while (in.match("=")) {
      targets.add(target(value, "assign to"));
      if (in.at("yield")) {
        throw PySyntaxError.unsupported(Atoms.noGenerators(), in.peek());
      }
      value = expressions.expressionList();
    }
    return new Stmt.Assign(targets, value, first.line());
  }

  /** Checks that {@code e} can be assigned to (or deleted), as Python's compiler does. */
  private Expr target(Expr e, String verb) {
    if (e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript) {
      return e;
    }
    if (e instanceof Expr.TupleExpr t) {
      t.items().forEach(item -> target(item, verb));
      return e;
    }
    if (e instanceof Expr.ListExpr l) {
      l.items().forEach(item -> target(item, verb));
      return e;
    }
    String what =
        e instanceof Expr.Call
            ? "function call"
            : e instanceof Expr.Constant c
                ? (c.value() == PyNone.NONE || c.value() instanceof Boolean
                    ? String.valueOf(Reprs.repr(c.value()))
                    : "literal")
                : e instanceof Expr.Compare
                    ? "comparison"
                    : e instanceof Expr.FString ? "f-string expression" : "expression";
    String hint = verb.equals("assign to") ? " here. Maybe you meant '==' instead of '='?" : "";
    throw PySyntaxError.syntax("cannot " + verb + " " + what + hint, e.line(), 0);
  }

  private List<Expr> targets(Expr e, String verb) {
    target(e, verb);
    return e instanceof Expr.TupleExpr t ? t.items() : List.of(e);
  }

  // Compound statements.

  private Stmt ifStatement() {
    return conditional("'if' statement");
  }

  /** {@code if} or {@code elif} (an {@code elif} chain is an {@code if} in the else branch). */
  private Stmt conditional(String what) {
    Token t = in.next();
    Expr test = expressions.expression();
    List<Stmt> body = block(what, t);
    List<Stmt> orElse = List.of();
    Token clause = in.peek();
    if (clause.isKeyword("elif")) {
      orElse = List.of(conditional("'elif' statement"));
    } else if (clause.isKeyword("else")) {
      in.next();
      orElse = block("'else' statement", clause);
    }
    return new Stmt.If(test, body, orElse, t.line());
  }

  private Stmt whileStatement() {
    Token t = in.next();
    Expr test = expressions.expression();
    loops++;
    List<Stmt> body = block("'while' statement", t);
    loops--;
    List<Stmt> orElse = elseBlock();
    return new Stmt.While(test, body, orElse, t.line());
  }

  private Stmt forStatement() {
    Token t = in.next();
    Expr target = target(expressions.targetList(), "assign to");
    if (!in.match("in")) {
      throw in.error("invalid syntax");
    }
    Expr iterable = expressions.expressionList();
    loops++;
    List<Stmt> body = block("'for' statement", t);
    loops--;
    return new Stmt.For(target, iterable, body, elseBlock(), t.line());
  }

  private List<Stmt> elseBlock() {
    Token clause = in.peek();
    if (clause.isKeyword("else")) {
      in.next();
      return block("'else' statement", clause);
    }
    return List.of();
  }

  private Stmt tryStatement() {
    Token t = in.next();
    List<Stmt> body = block("'try' statement", t);
    List<Stmt.Handler> handlers = new ArrayList<>();
    while (in.peek().isKeyword("except")) {
      Token e = in.next();
      if (in.at("*")) {
        throw PySyntaxError.unsupported(Text.get("python.unsupported.except"), in.peek());
      }
      if (!handlers.isEmpty() && handlers.get(handlers.size() - 1).type() == null) {
        throw PySyntaxError.syntax("default 'except:' must be last", e);
      }
      Expr type = null;
      String name = null;
      if (!in.at(":")) {
        type = expressions.expressionList();
        if (in.match("as")) {
          name = in.identifier().text();
        }
      }
      handlers.add(new Stmt.Handler(type, name, block("'except' statement", e), e.line()));
    }
    List<Stmt> orElse = List.of();
    if (!handlers.isEmpty() && in.peek().isKeyword("else")) {
      Token e = in.next();
      orElse = block("'else' statement", e);
    }
    List<Stmt> finalBody = List.of();
    if (in.peek().isKeyword("finally")) {
      Token f = in.next();
      finalBody = block("'finally' statement", f);
    }
    if (handlers.isEmpty() && finalBody.isEmpty()) {
      throw in.error("expected 'except' or 'finally' block");
    }
    return new Stmt.Try(body, handlers, orElse, finalBody, t.line());
  }

  private Stmt withStatement() {
    Token t = in.next();
    List<Stmt.WithItem> items = new ArrayList<>();
    do {
      Expr context = expressions.expression();
      Expr target = in.match("as") ? target(expressions.targetList(), "assign to") : null;
      items.add(new Stmt.WithItem(context, target));
    } while (in.match(","));
    return new Stmt.With(items, block("'with' statement", t), t.line());
  }

  private Stmt def() {
    Token t = in.next();
    String name = in.identifier().text();
    in.expect("(");
    List<String> params = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    while (!in.at(")")) {
      Token p = in.peek();
      if (p.is("*") || p.is("**") || p.is("/")) {
        throw PySyntaxError.unsupported(Text.get("python.unsupported.parameters.with.or"), p);
      }
      String param = in.identifier().text();
      if (params.contains(param)) {
        throw PySyntaxError.syntax("duplicate argument '" + param + "' in function definition", p);
      }
      params.add(param);
      if (in.match(":")) {
        expressions.expression(); // an annotation, ignored as Python ignores it
      }
      if (in.match("=")) {
        defaults.add(expressions.expression());
      } else if (!defaults.isEmpty()) {
        throw PySyntaxError.syntax("non-default argument follows default argument", p);
      }
      if (!in.match(",")) {
        break;
      }
    }
    in.expect(")");
    if (in.match("->")) {
      expressions.expression();
    }
    int outerLoops = loops;
    loops = 0;
    functions++;
    List<Stmt> body = block("function definition", t);
    functions--;
    loops = outerLoops;
    Scopes.Names names = Scopes.of(params, body);
    return new Stmt.Def(name, params, defaults, body, names.locals(), names.globals(), t.line());
  }

  /**
   * The block after a compound statement's header: {@code :} then an indented block, or simple
   * statements on the same line.
   */
  private List<Stmt> block(String what, Token header) {
    if (!in.at(":")) {
      throw in.error("expected ':'");
    }
    in.next();
    if (!in.at(Token.Kind.NEWLINE)) {
      return simpleStatements();
    }
    in.next();
    if (!in.at(Token.Kind.INDENT)) {
      Token t = in.peek();
      String message = "expected an indented block after " + what + " on line " + header.line();
      if (t.kind() == Token.Kind.END) {
        throw PySyntaxError.incomplete(message, t.line(), t.column());
      }
      throw new PySyntaxError(PySyntaxError.Kind.INDENTATION, message, t.line(), t.column());
    }
    in.next();
    List<Stmt> body = new ArrayList<>();
    while (!in.at(Token.Kind.DEDENT) && !in.at(Token.Kind.END)) {
      body.addAll(statement());
    }
    if (in.at(Token.Kind.DEDENT)) {
      in.next();
    }
    return body;
  }
}
