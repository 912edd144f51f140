package dev.sockshell.python;

import java.util.List;
import java.util.Set;

/** Python statements of the subset, as immutable records; {@code line} is where each starts. */
sealed interface Stmt {
  int line();

  void accept(Visitor v);

  /** One method per record, jlox style; control flow leaves through exceptions. */
  interface Visitor {
    void expression(ExprStmt s);

    void assign(Assign s);

    void augAssign(AugAssign s);

    void pass(Pass s);

    void breakLoop(Break s);

    void continueLoop(Continue s);

    void delete(Del s);

    void returnFrom(Return s);

    void raise(Raise s);

    void assertion(Assert s);

    void global(Global s);

    void importModules(Import s);

    void importFrom(ImportFrom s);

    void ifElse(If s);

    void whileLoop(While s);

    void forLoop(For s);

    void tryExcept(Try s);

    void with(With s);

    void def(Def s);
  }

  record ExprStmt(Expr value, int line) implements Stmt {
    public void accept(Visitor v) {
      v.expression(this);
    }
  }

  /** {@code a = b = value}: every target gets the value, left to right. */
  record Assign(List<Expr> targets, Expr value, int line) implements Stmt {
    public void accept(Visitor v) {
      v.assign(this);
    }
  }

  /** {@code op} without its '=': {@code +} for {@code +=}. */
  record AugAssign(Expr target, String op, Expr value, int line) implements Stmt {
    public void accept(Visitor v) {
      v.augAssign(this);
    }
  }

  record Pass(int line) implements Stmt {
    public void accept(Visitor v) {
      v.pass(this);
    }
  }

  record Break(int line) implements Stmt {
    public void accept(Visitor v) {
      v.breakLoop(this);
    }
  }

  record Continue(int line) implements Stmt {
    public void accept(Visitor v) {
      v.continueLoop(this);
    }
  }

  record Del(List<Expr> targets, int line) implements Stmt {
    public void accept(Visitor v) {
      v.delete(this);
    }
  }

  /** {@code value} null for a bare {@code return}. */
  record Return(Expr value, int line) implements Stmt {
    public void accept(Visitor v) {
      v.returnFrom(this);
    }
  }

  /** {@code exception} null re-raises the one being handled; {@code cause} is {@code from X}. */
  record Raise(Expr exception, Expr cause, int line) implements Stmt {
    public void accept(Visitor v) {
      v.raise(this);
    }
  }

  record Assert(Expr test, Expr message, int line) implements Stmt {
    public void accept(Visitor v) {
      v.assertion(this);
    }
  }

  record Global(List<String> names, int line) implements Stmt {
    public void accept(Visitor v) {
      v.global(this);
    }
  }

  /** {@code import a.b as c}: {@code alias} null when there is no {@code as}. */
  record Alias(String name, String alias) {}

  record Import(List<Alias> names, int line) implements Stmt {
    public void accept(Visitor v) {
      v.importModules(this);
    }
  }

  /** {@code names} empty for {@code from module import *}. */
  record ImportFrom(String module, List<Alias> names, int line) implements Stmt {
    public void accept(Visitor v) {
      v.importFrom(this);
    }
  }

  /** {@code elif} is an If in {@code orElse}. */
  record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt {
    public void accept(Visitor v) {
      v.ifElse(this);
    }
  }

  record While(Expr test, List<Stmt> body, List<Stmt> orElse, int line) implements Stmt {
    public void accept(Visitor v) {
      v.whileLoop(this);
    }
  }

  record For(Expr target, Expr iterable, List<Stmt> body, List<Stmt> orElse, int line)
      implements Stmt {
    public void accept(Visitor v) {
      v.forLoop(this);
    }
  }

  /** {@code except TYPE as NAME:}; {@code type} null for a bare except, {@code name} optional. */
  record Handler(Expr type, String name, List<Stmt> body, int line) {}

  record Try(
      List<Stmt> body, List<Handler> handlers, List<Stmt> orElse, List<Stmt> finalBody, int line)
      implements Stmt {
    public void accept(Visitor v) {
      v.tryExcept(this);
    }
  }

  record WithItem(Expr context, Expr target) {}

  record With(List<WithItem> items, List<Stmt> body, int line) implements Stmt {
    public void accept(Visitor v) {
      v.with(this);
    }
  }

  /**
   * A function: {@code defaults} belong to the last parameters; {@code locals} are the names its
   * body assigns (minus those declared global), which Python treats as local everywhere in it.
   */
  record Def(
      String name,
      List<String> params,
      List<Expr> defaults,
      List<Stmt> body,
      Set<String> locals,
      Set<String> globals,
      int line)
      implements Stmt {
    public void accept(Visitor v) {
      v.def(this);
    }
  }
}
