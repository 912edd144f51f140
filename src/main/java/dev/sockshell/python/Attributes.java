package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.math.BigInteger;

/** {@code object.name}: module attributes, methods of built-in objects, exception attributes. */
final class Attributes {
  private Attributes() {}

  static Object get(Interpreter in, Object o, String name) {
    Object found = find(in, o, name);
    if (found == null) {
      throw Errors.attribute(o, name);
    }
    return found;
  }

  private static Object find(Interpreter in, Object o, String name) {
    if (o instanceof PyModule m) {
      return m.attributes.get(name);
    } else if (o instanceof PySocket s) {
      return SocketMethods.attribute(in, s, name);
    } else if (o instanceof String s) {
      return StrMethods.method(s, name);
    } else if (o instanceof ByteString || o instanceof PyByteArray) {
      return BytesMethods.method(o, name);
    } else if (o instanceof PyList l) {
      return ListMethods.method(l, name);
    } else if (o instanceof PyDict d) {
      return DictMethods.method(d, name);
    } else if (o instanceof PyTuple t) {
      return ListMethods.tupleMethod(t, name);
    } else if (o instanceof PyExc e) {
      return exceptionAttribute(e, name);
    } else if (o instanceof PyType t) {
      return typeAttribute(t, name);
    } else if (o instanceof SocketFile f) {
      return f.attribute(name);
    } else if (o instanceof StdStream s) {
      return s.attribute(name);
    } else if (Nums.isInt(o)) {
      return IntMethods.method(o, name);
    } else if (o instanceof Double d) {
      return switch (name) {
        case "is_integer" ->
            method(
                o,
                name,
                (i, a, k) -> {
                  Args.none(name, a, k);
                  return !d.isInfinite() && d == Math.rint(d);
                });
        case "real" -> d;
        case "imag" -> 0.0;
        default -> null;
      };
    } else if (o instanceof PyFunction f) {
      return name.equals("__name__") ? f.name() : null;
    } else if (o instanceof Builtin b) {
      return name.equals("__name__") ? b.name() : null;
    }
    return null;
  }

  static BoundMethod method(Object self, String name, PyCallable body) {
    return new BoundMethod(self, name, body);
  }

  private static Object exceptionAttribute(PyExc e, String name) {
    switch (name) {
      case "args":
        return e.args;
      case "__class__":
        return e.type;
      case "__cause__":
        return e.cause == null ? PyNone.NONE : e.cause;
      case "__context__":
        return e.context == null ? PyNone.NONE : e.context;
      case "with_traceback":
        return method(e, name, (i, a, k) -> e);
      default:
        return e.attributes.get(name);
    }
  }

  private static Object typeAttribute(PyType t, String name) {
    if (name.equals("__name__")) {
      return t.name;
    }
    if (name.equals("__qualname__")) {
      return t.name;
    }
    if (t == Types.INT && name.equals("from_bytes")) {
      return new Builtin("from_bytes", IntMethods::fromBytes);
    }
    if ((t == Types.BYTES || t == Types.BYTEARRAY) && name.equals("fromhex")) {
      return new Builtin(
          "fromhex",
          (i, a, k) -> {
            Args.exactly("fromhex", a, k, 1);
            ByteString b = BytesMethods.fromHex(Args.str(a.get(0), "fromhex() argument"));
            return t == Types.BYTES ? b : new PyByteArray(b);
          });
    }
    if (t == SocketModule.SOCKET_TYPE) {
      return SocketMethods.unbound(name);
    }
    return null;
  }

  static void set(Object o, String name, Object value) {
    if (o instanceof PyModule m) {
      m.attributes.put(name, value);
      return;
    }
    if (o instanceof PyExc e && !name.equals("args")) {
      e.attributes.put(name, value);
      return;
    }
    if (o instanceof BigInteger || o instanceof String || o instanceof ByteString) {
      throw Errors.raise(
          ExcTypes.ATTRIBUTE_ERROR,
          "'" + Types.name(o) + "' object attribute '" + name + "' is read-only");
    }
    throw Errors.noAttribute(Types.name(o), name);
  }
}
