package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.render.Repr;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Python's {@code repr()} and {@code str()} of every object the interpreter makes. */
final class Reprs {
  private Reprs() {}

  /** Containers being shown, so one that holds itself shows {@code [...]}. */
  private static final ThreadLocal<Map<Object, Boolean>> SHOWING =
      ThreadLocal.withInitial(IdentityHashMap::new);

  static String str(Object o) {
    if (o instanceof String s) {
      return s;
    } else if (o instanceof IntConst c) {
      return c.value().toString();
    } else if (o instanceof PyExc e) {
      return e.str();
    }
    return repr(o);
  }

  static String repr(Object o) {
    if (o instanceof String s) {
      return Repr.str(s);
    } else if (o instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (o instanceof BigInteger || o instanceof PyNone) {
      return o.toString();
    } else if (o instanceof Double d) {
      return Repr.floatRepr(d);
    } else if (o instanceof ByteString b) {
      return b.toString();
    } else if (o instanceof PyByteArray b) {
      return "bytearray(" + b.snapshot() + ")";
    } else if (o instanceof IntConst c) {
      return c.repr();
    } else if (o instanceof PyTuple t) {
      return t.size() == 1 ? "(" + repr(t.get(0)) + ",)" : joined(t, t.items(), "(", ")");
    } else if (o instanceof PyList l) {
      return joined(l, l.items, "[", "]");
    } else if (o instanceof PyDict d) {
      return dict(d);
    } else if (o instanceof PyRange r) {
      return "range(" + r.start() + ", " + r.stop() + (r.step() == 1 ? "" : ", " + r.step()) + ")";
    } else if (o instanceof PyExc e) {
      return e.repr();
    } else if (o instanceof PyType t) {
      return t.toString();
    } else if (o instanceof PyFunction f) {
      return "<function " + f.name() + " at " + address(f) + ">";
    } else if (o instanceof Builtin b) {
      return "<built-in function " + b.name() + ">";
    } else if (o instanceof BoundMethod m) {
      return "<built-in method "
          + m.name()
          + " of "
          + Types.name(m.self())
          + " object at "
          + address(m.self())
          + ">";
    } else if (o instanceof PyModule m) {
      return "<module '" + m.name + "' (sockshell)>";
    } else if (o instanceof PySocket s) {
      return s.repr();
    } else if (o instanceof SocketFile f) {
      return f.repr();
    } else if (o instanceof PyIterator i) {
      return i.repr();
    } else if (o instanceof DictMethods.View v) {
      return v.repr();
    } else if (o instanceof StdStream s) {
      return s.repr();
    } else if (o instanceof Seqs.Slice s) {
      return "slice(" + repr(s.lower()) + ", " + repr(s.upper()) + ", " + repr(s.step()) + ")";
    }
    return String.valueOf(o);
  }

  /** {@code 0x7f...}: an object's identity, as CPython shows its address. */
  static String address(Object o) {
    return String.format("0x%012x", 0x7f0000000000L + System.identityHashCode(o) * 16L);
  }

  private static String joined(Object container, List<Object> items, String open, String close) {
    Map<Object, Boolean> showing = SHOWING.get();
    if (showing.put(container, Boolean.TRUE) != null) {
      return open + "..." + close;
    }
    try {
      StringBuilder sb = new StringBuilder(open);
      for (int i = 0; i < items.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
      }
      return sb.append(close).toString();
    } finally {
      showing.remove(container);
    }
  }

  private static String dict(PyDict d) {
    Map<Object, Boolean> showing = SHOWING.get();
    if (showing.put(d, Boolean.TRUE) != null) {
      return "{...}";
    }
    try {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (PyTuple item : d.items()) {
        sb.append(first ? "" : ", ")
            .append(repr(item.get(0)))
            .append(": ")
            .append(repr(item.get(1)));
        first = false;
      }
      return sb.append('}').toString();
    } finally {
      showing.remove(d);
    }
  }
}
