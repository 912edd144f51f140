package dev.sockshell.python;

import java.util.Iterator;
import java.util.List;

/** Assignment, augmented assignment and deletion of names, attributes, items and tuples. */
final class Targets {
  private Targets() {}

  /**
   * The name a value assigned to {@code target} is known by: {@code s} for {@code s = …}, {@code
   * conn} for {@code conn, addr = …}; null for other targets.
   */
  static String nameFor(Expr target) {
    if (target instanceof Expr.Name n) {
      return n.id();
    }
    if ((target instanceof Expr.TupleExpr t
        && !t.items().isEmpty()
        && t.items().get(0) instanceof Expr.Name n)) {
      return n.id();
    }
    if (target instanceof Expr.ListExpr l
        && !l.items().isEmpty()
        && l.items().get(0) instanceof Expr.Name n) {
      return n.id();
    }
    return null;
  }

  static void assign(Interpreter in, Expr target, Object value) {
    if (target instanceof Expr.Name n) {
      in.assign(n.id(), value);
    } else if (target instanceof Expr.Subscript s) {
      Object object = in.evaluate(s.object());
      Seqs.setItem(object, in.evaluate(s.index()), value);
    } else if (target instanceof Expr.Attribute a) {
      Attributes.set(in.evaluate(a.object()), a.name(), value);
    } else if (target instanceof Expr.TupleExpr t) {
      unpack(in, t.items(), value);
    } else if (target instanceof Expr.ListExpr l) {
      unpack(in, l.items(), value);
    }
  }

  private static void unpack(Interpreter in, List<Expr> targets, Object value) {
    Iterator<Object> items;
    try {
      items = Seqs.iterate(value);
    } catch (PyRaise e) {
      throw Errors.type("cannot unpack non-iterable " + Types.name(value) + " object");
    }
    Object[] values = new Object[targets.size()];
    int n = 0;
    while (items.hasNext()) {
      Object item = items.next();
      if (n == targets.size()) {
        throw Errors.value("too many values to unpack (expected " + targets.size() + ")");
      }
      values[n++] = item;
    }
    if (n < targets.size()) {
      throw Errors.value(
          "not enough values to unpack (expected " + targets.size() + ", got " + n + ")");
    }
    for (int i = 0; i < values.length; i++) {
      assign(in, targets.get(i), values[i]);
    }
  }

  static void augment(Interpreter in, Stmt.AugAssign s) {
    Expr target = s.target();
    if (target instanceof Expr.Name n) {
      Object current = in.evaluate(target);
      in.assign(n.id(), inPlace(s.op(), current, in.evaluate(s.value())));
    } else if (target instanceof Expr.Subscript sub) {
      Object object = in.evaluate(sub.object());
      Object index = in.evaluate(sub.index());
      Object current = Seqs.getItem(object, index);
      Seqs.setItem(object, index, inPlace(s.op(), current, in.evaluate(s.value())));
    } else if (target instanceof Expr.Attribute a) {
      Object object = in.evaluate(a.object());
      Object current = Attributes.get(in, object, a.name());
      Attributes.set(object, a.name(), inPlace(s.op(), current, in.evaluate(s.value())));
    }
  }

  /** {@code +=} on a list or bytearray changes it in place; on anything else it is {@code +}. */
  private static Object inPlace(String op, Object current, Object value) {
    if (op.equals("+") && current instanceof PyList l) {
      l.items.addAll(Seqs.toList(value));
      return l;
    }
    if (op.equals("+") && current instanceof PyByteArray b) {
      if (!Ops.isBytesLike(value)) {
        throw Errors.type("can't concat " + Types.name(value) + " to bytearray");
      }
      b.extend(Ops.bytes(value));
      return b;
    }
    return Arith.binary(op, current, value);
  }

  static void delete(Interpreter in, Expr target) {
    if (target instanceof Expr.Name n) {
      in.delete(n.id());
    } else if (target instanceof Expr.Subscript s) {
      Seqs.delItem(in.evaluate(s.object()), in.evaluate(s.index()));
    } else if (target instanceof Expr.TupleExpr t) {
      t.items().forEach(item -> delete(in, item));
    } else if (target instanceof Expr.ListExpr l) {
      l.items().forEach(item -> delete(in, item));
    } else if (target instanceof Expr.Attribute a) {
      throw Errors.raise(
          ExcTypes.ATTRIBUTE_ERROR,
          "'"
              + Types.name(in.evaluate(a.object()))
              + "' object attribute '"
              + a.name()
              + "' is read-only");
    }
  }
}
