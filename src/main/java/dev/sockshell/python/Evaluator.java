package dev.sockshell.python;

import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates expressions: one visit method per expression record. */
final class Evaluator implements Expr.Visitor<Object> {
  private final Interpreter interpreter;

  /** The call whose result an assignment names ({@code s = socket.socket()}), and the name. */
  private Expr namedCall;

  private String namedAs;

  Evaluator(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  /**
   * Evaluates {@code value}, which an assignment binds to {@code name}: a socket it creates, or a
   * connection it accepts, takes that name in the session.
   */
  Object withName(Expr value, String name) {
    Expr outerCall = namedCall;
    String outerName = namedAs;
    namedCall = name == null ? null : value;
    namedAs = name;
    try {
      return value.accept(this);
    } finally {
      namedCall = outerCall;
      namedAs = outerName;
    }
  }

  private Object eval(Expr e) {
    return e.accept(this);
  }

  @Override
  public Object constant(Expr.Constant e) {
    return e.value();
  }

  @Override
  public Object fstring(Expr.FString e) {
    StringBuilder sb = new StringBuilder();
    for (Expr part : e.parts()) {
      if (part instanceof Expr.Formatted f) {
        Object value = eval(f.value());
        Object converted =
            switch (f.conversion()) {
              case 'r' -> Reprs.repr(value);
              case 's' -> Reprs.str(value);
              case 'a' -> Formatting.ascii(Reprs.repr(value));
              default -> value;
            };
        String spec = f.spec() == null ? "" : (String) eval(f.spec());
        sb.append(Formatting.format(converted, spec));
      } else {
        sb.append((String) eval(part));
      }
    }
    return sb.toString();
  }

  @Override
  public Object name(Expr.Name e) {
    return interpreter.lookup(e.id());
  }

  @Override
  public Object valueRef(Expr.ValueRef e) {
    try {
      var value =
          interpreter.host.context().values().resolve(new Literal.Ref(e.number(), List.of(), 0, 0));
      return Convert.fromValue(value, interpreter);
    } catch (UsageError u) {
      throw Errors.nameError("$" + e.number());
    }
  }

  @Override
  public Object attribute(Expr.Attribute e) {
    return Attributes.get(interpreter, eval(e.object()), e.name());
  }

  @Override
  public Object subscript(Expr.Subscript e) {
    Object object = eval(e.object());
    return Seqs.getItem(object, eval(e.index()));
  }

  @Override
  public Object slice(Expr.Slice e) {
    return new Seqs.Slice(
        e.lower() == null ? PyNone.NONE : eval(e.lower()),
        e.upper() == null ? PyNone.NONE : eval(e.upper()),
        e.step() == null ? PyNone.NONE : eval(e.step()));
  }

  @Override
  public Object call(Expr.Call e) {
    String name = e == namedCall ? namedAs : null;
    Object function = eval(e.function());
    List<Object> args = new ArrayList<>(e.args().size());
    for (Expr a : e.args()) {
      args.add(eval(a));
    }
    Map<String, Object> keywords = new LinkedHashMap<>();
    for (Expr.Keyword k : e.keywords()) {
      if (keywords.put(k.name(), eval(k.value())) != null) {
        throw PySyntaxError.syntax("keyword argument repeated: " + k.name(), e.line(), 0);
      }
    }
    String outer = interpreter.sockets.offerName(name);
    long commands = interpreter.sockets.commandsRun();
    try {
      Object result = interpreter.call(function, args, keywords);
      if (!(function instanceof PyFunction) && interpreter.sockets.commandsRun() != commands) {
        interpreter.reported = result;
      }
      return result;
    } finally {
      interpreter.sockets.offerName(outer);
    }
  }

  @Override
  public Object unary(Expr.Unary e) {
    return Arith.unary(e.op(), eval(e.operand()));
  }

  @Override
  public Object binary(Expr.Binary e) {
    Object left = eval(e.left());
    Object right = eval(e.right());
    return Arith.binary(e.op(), left, right);
  }

  @Override
  public Object bool(Expr.BoolOp e) {
    Object left = eval(e.left());
    boolean truth = Ops.truthy(left);
    if (e.op().equals("and") ? !truth : truth) {
      return left;
    }
    return eval(e.right());
  }

  @Override
  public Object compare(Expr.Compare e) {
    Object left = eval(e.left());
    for (int i = 0; i < e.ops().size(); i++) {
      Object right = eval(e.operands().get(i));
      if (!compare(e.ops().get(i), left, right)) {
        return false;
      }
      left = right;
    }
    return true;
  }

  static boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return Ops.equal(a, b);
      case "!=":
        return !Ops.equal(a, b);
      case "is":
        return Ops.identical(a, b);
      case "is not":
        return !Ops.identical(a, b);
      case "in":
        return Ops.contains(b, a);
      case "not in":
        return !Ops.contains(b, a);
      default:
        break;
    }
    if ((a instanceof Double x && x.isNaN()) || (b instanceof Double y && y.isNaN())) {
      if (Nums.isNumber(a) && Nums.isNumber(b)) {
        return false;
      }
    }
    int c = Ops.compare(op, a, b);
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  @Override
  public Object conditional(Expr.Conditional e) {
    return Ops.truthy(eval(e.test())) ? eval(e.body()) : eval(e.orElse());
  }

  @Override
  public Object tuple(Expr.TupleExpr e) {
    List<Object> items = new ArrayList<>(e.items().size());
    for (Expr item : e.items()) {
      items.add(eval(item));
    }
    return PyTuple.of(items);
  }

  @Override
  public Object list(Expr.ListExpr e) {
    PyList list = new PyList();
    for (Expr item : e.items()) {
      list.items.add(eval(item));
    }
    return list;
  }

  @Override
  public Object dict(Expr.DictExpr e) {
    PyDict dict = new PyDict();
    for (int i = 0; i < e.keys().size(); i++) {
      Object key = eval(e.keys().get(i));
      dict.put(key, eval(e.values().get(i)));
    }
    return dict;
  }
}
