package dev.sockshell.python;

import java.util.List;

/** Python expressions of the subset, as immutable records; {@code line} is where each starts. */
sealed interface Expr {
  int line();

  <R> R accept(Visitor<R> v);

  /** One method per record, jlox style. */
  interface Visitor<R> {
    R constant(Constant e);

    R fstring(FString e);

    R name(Name e);

    R valueRef(ValueRef e);

    R attribute(Attribute e);

    R subscript(Subscript e);

    R slice(Slice e);

    R call(Call e);

    R unary(Unary e);

    R binary(Binary e);

    R bool(BoolOp e);

    R compare(Compare e);

    R conditional(Conditional e);

    R tuple(TupleExpr e);

    R list(ListExpr e);

    R dict(DictExpr e);
  }

  /** int, float, str, bytes, bool, None or Ellipsis. */
  record Constant(Object value, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.constant(this);
    }
  }

  /** An f-string: str constants and {@link Formatted} parts, joined. */
  record FString(List<Expr> parts, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.fstring(this);
    }
  }

  /**
   * {@code {value!r:spec}} inside an f-string; {@code conversion} 0 for none, else 's', 'r' or 'a';
   * {@code spec} null or an f-string. Visited through {@link Visitor#fstring}.
   */
  record Formatted(Expr value, char conversion, Expr spec, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      throw new IllegalStateException("a formatted value is evaluated by its f-string");
    }
  }

  record Name(String id, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.name(this);
    }
  }

  /** {@code $3}: the value command 3 returned. */
  record ValueRef(int number, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.valueRef(this);
    }
  }

  record Attribute(Expr object, String name, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.attribute(this);
    }
  }

  record Subscript(Expr object, Expr index, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.subscript(this);
    }
  }

  /** {@code lower:upper:step}, each part null when left out. */
  record Slice(Expr lower, Expr upper, Expr step, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.slice(this);
    }
  }

  record Keyword(String name, Expr value) {}

  record Call(Expr function, List<Expr> args, List<Keyword> keywords, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.call(this);
    }
  }

  /** {@code -x}, {@code +x}, {@code ~x}, {@code not x}. */
  record Unary(String op, Expr operand, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.unary(this);
    }
  }

  record Binary(String op, Expr left, Expr right, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.binary(this);
    }
  }

  /** {@code and} / {@code or}, which evaluate their right side only when needed. */
  record BoolOp(String op, Expr left, Expr right, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.bool(this);
    }
  }

  /** {@code a < b <= c}: each comparison with the next operand, all of them true. */
  record Compare(Expr left, List<String> ops, List<Expr> operands, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.compare(this);
    }
  }

  record Conditional(Expr test, Expr body, Expr orElse, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.conditional(this);
    }
  }

  record TupleExpr(List<Expr> items, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.tuple(this);
    }
  }

  record ListExpr(List<Expr> items, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.list(this);
    }
  }

  record DictExpr(List<Expr> keys, List<Expr> values, int line) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.dict(this);
    }
  }
}
