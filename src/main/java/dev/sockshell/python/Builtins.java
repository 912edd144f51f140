package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** The builtins module: functions, types and exception classes every program sees. */
final class Builtins {

  private static final String ORD_NOT_ONE_CHARACTER =
      "ord() expected a character, but string of length ";

  private Builtins() {}

  static Map<String, Object> all(Interpreter interpreter) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.putAll(Types.builtins());
    b.putAll(ExcTypes.builtins());
    b.put("print", new Builtin("print", Builtins::print));
    b.put("input", new Builtin("input", Builtins::input));
    b.put(
        "len",
        new Builtin(
            "len",
            (in, a, k) -> {
              Args.exactly("len", a, k, 1);
              return Nums.of(Seqs.len(a.get(0)));
            }));
    b.put("repr", one("repr", Reprs::repr));
    b.put("ascii", one("ascii", o -> Formatting.ascii(Reprs.repr(o))));
    b.put("abs", one("abs", Builtins::abs));
    b.put("min", new Builtin("min", (in, a, k) -> extreme(in, "min", a, k, -1)));
    b.put("max", new Builtin("max", (in, a, k) -> extreme(in, "max", a, k, 1)));
    b.put("sum", new Builtin("sum", Builtins::sum));
    b.put(
        "sorted",
        new Builtin(
            "sorted",
            (in, a, k) -> {
              if (a.size() != 1) {
                throw Errors.type("sorted expected 1 argument, got " + a.size());
              }
              List<Object> items = Seqs.toList(a.get(0));
              ListMethods.sort(
                  in,
                  items,
                  k.getOrDefault("key", PyNone.NONE),
                  Ops.truthy(k.getOrDefault("reverse", false)));
              return new PyList(items);
            }));
    b.put(
        "reversed",
        one(
            "reversed",
            o -> {
              List<Object> items = Seqs.toList(o);
              java.util.Collections.reverse(items);
              return new PyIterator("reversed", items.iterator());
            }));
    b.put("enumerate", new Builtin("enumerate", Builtins::enumerate));
    b.put("zip", new Builtin("zip", Builtins::zip));
    b.put(
        "iter",
        one(
            "iter",
            o ->
                o instanceof PyIterator
                    ? o
                    : new PyIterator(Types.name(o) + "_iterator", Seqs.iterate(o))));
    b.put("next", new Builtin("next", Builtins::next));
    b.put("map", new Builtin("map", Builtins::map));
    b.put(
        "isinstance",
        new Builtin(
            "isinstance",
            (in, a, k) -> {
              Args.exactly("isinstance", a, k, 2);
              return isInstance(a.get(0), a.get(1));
            }));
    b.put(
        "issubclass",
        new Builtin(
            "issubclass",
            (in, a, k) -> {
              Args.exactly("issubclass", a, k, 2);
              if (!(a.get(0) instanceof PyType t)) {
                throw Errors.type("issubclass() arg 1 must be a class");
              }
              return isSubclass(t, a.get(1));
            }));
    b.put(
        "hasattr",
        new Builtin(
            "hasattr",
            (in, a, k) -> {
              Args.exactly("hasattr", a, k, 2);
              try {
                Attributes.get(in, a.get(0), Args.str(a.get(1), "attribute name"));
                return true;
              } catch (PyRaise e) {
                if (e.exception.type == ExcTypes.ATTRIBUTE_ERROR) {
                  return false;
                }
                throw e;
              }
            }));
    b.put(
        "getattr",
        new Builtin(
            "getattr",
            (in, a, k) -> {
              if (a.size() < 2 || a.size() > 3) {
                throw Errors.type("getattr expected at least 2 arguments, got " + a.size());
              }
              try {
                return Attributes.get(in, a.get(0), Args.str(a.get(1), "attribute name"));
              } catch (PyRaise e) {
                if (a.size() == 3 && e.exception.type == ExcTypes.ATTRIBUTE_ERROR) {
                  return a.get(2);
                }
                throw e;
              }
            }));
    b.put(
        "chr",
        one(
            "chr",
            o -> {
              BigInteger v = Nums.big(o);
              if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
                throw Errors.value("chr() arg not in range(0x110000)");
              }
              return Character.toString(v.intValue());
            }));
    b.put("ord", one("ord", Builtins::ord));
    b.put("hex", one("hex", o -> radix(o, 16, "0x")));
    b.put("oct", one("oct", o -> radix(o, 8, "0o")));
    b.put("bin", one("bin", o -> radix(o, 2, "0b")));
    b.put("round", new Builtin("round", Builtins::round));
    b.put(
        "divmod",
        new Builtin(
            "divmod",
            (in, a, k) -> {
              Args.exactly("divmod", a, k, 2);
              return PyTuple.of(
                  Arith.binary("//", a.get(0), a.get(1)), Arith.binary("%", a.get(0), a.get(1)));
            }));
    b.put(
        "pow",
        new Builtin(
            "pow",
            (in, a, k) -> {
              if (a.size() == 3) {
                return Nums.big(a.get(0)).modPow(Nums.big(a.get(1)), Nums.big(a.get(2)));
              }
              Args.exactly("pow", a, k, 2);
              return Arith.binary("**", a.get(0), a.get(1));
            }));
    b.put(
        "all",
        one(
            "all",
            o -> {
              for (var it = Seqs.iterate(o); it.hasNext(); ) {
                if (!Ops.truthy(it.next())) {
                  return false;
                }
              }
              return true;
            }));
    b.put(
        "any",
        one(
            "any",
            o -> {
              for (var it = Seqs.iterate(o); it.hasNext(); ) {
                if (Ops.truthy(it.next())) {
                  return true;
                }
              }
              return false;
            }));
    b.put("id", one("id", o -> Nums.of(0x7f0000000000L + System.identityHashCode(o) * 16L)));
    b.put("hash", one("hash", o -> Nums.of(Ops.hashKey(o).hashCode())));
    b.put("callable", one("callable", o -> o instanceof PyCallable || o instanceof PyFunction));
    b.put(
        "format",
        new Builtin(
            "format",
            (in, a, k) -> {
              Object[] v = Args.parse("format", a, k, 1, "value", "format_spec");
              return Formatting.format(v[0], v[1] == null ? "" : Args.str(v[1], "format_spec"));
            }));
    b.put("exit", new Builtin("exit", Builtins::exit));
    b.put("quit", new Builtin("quit", Builtins::exit));
    b.put(
        "open",
        new Builtin(
            "open",
            (in, a, k) -> {
              throw new Signals.Unsupported(Text.get("python.unsupported.open"));
            }));
    return b;
  }

  private interface Unary {
    Object apply(Object o);
  }

  private static Builtin one(String name, Unary f) {
    return new Builtin(
        name,
        (in, a, k) -> {
          Args.exactly(name, a, k, 1);
          return f.apply(a.get(0));
        });
  }

  private static Object print(Interpreter in, List<Object> a, Map<String, Object> k) {
    String sep = stringOrNone(k.get("sep"), "sep", " ");
    String end = stringOrNone(k.get("end"), "end", "\n");
    for (String key : k.keySet()) {
      if (!List.of("sep", "end", "file", "flush").contains(key)) {
        throw Errors.type("'" + key + "' is an invalid keyword argument for print()");
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(Reprs.str(a.get(i)));
    }
    sb.append(end);
    Object file = k.getOrDefault("file", PyNone.NONE);
    if (file instanceof StdStream s) {
      s.write(in, sb.toString());
    } else if (file == PyNone.NONE) {
      in.host.print(sb.toString());
    } else {
      throw Errors.raise(
          ExcTypes.ATTRIBUTE_ERROR, "'" + Types.name(file) + "' object has no attribute 'write'");
    }
    return PyNone.NONE;
  }

  private static String stringOrNone(Object o, String what, String otherwise) {
    if (o == null || o == PyNone.NONE) {
      return otherwise;
    }
    if (o instanceof String s) {
      return s;
    }
    throw Errors.type(what + " must be None or a string, not " + Types.name(o));
  }

  private static Object input(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("input", k);
    if (a.size() > 1) {
      throw Errors.type("input expected at most 1 argument, got " + a.size());
    }
    String line = in.host.input(a.isEmpty() ? "" : Reprs.str(a.get(0)));
    if (line == null) {
      throw Errors.raise(ExcTypes.EOF_ERROR, "EOF when reading a line");
    }
    return line;
  }

  private static Object exit(Interpreter in, List<Object> a, Map<String, Object> k) {
    throw new PyRaise(PyExc.construct(ExcTypes.SYSTEM_EXIT, a, k));
  }

  private static Object abs(Object o) {
    if (o instanceof Double d) {
      return Math.abs(d);
    }
    if (Nums.isInt(o)) {
      return Nums.big(o).abs();
    }
    throw Errors.type("bad operand type for abs(): '" + Types.name(o) + "'");
  }

  private static Object ord(Object o) {
    if (o instanceof String s) {
      if (s.codePointCount(0, s.length()) != 1) {
        throw Errors.type(ORD_NOT_ONE_CHARACTER + s.codePointCount(0, s.length()) + " found");
      }
      return Nums.of(s.codePointAt(0));
    }
    if (Ops.isBytesLike(o)) {
      ByteString b = Ops.bytes(o);
      if (b.size() != 1) {
        throw Errors.type(ORD_NOT_ONE_CHARACTER + b.size() + " found");
      }
      return Nums.of(b.get(0));
    }
    throw Errors.type("ord() expected string of length 1, but " + Types.name(o) + " found");
  }

  private static Object radix(Object o, int radix, String prefix) {
    BigInteger v = Nums.big(o);
    return (v.signum() < 0 ? "-" : "") + prefix + v.abs().toString(radix);
  }

  private static Object round(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("round", a, k, 1, "number", "ndigits");
    Object x = v[0];
    if (v[1] == null || v[1] == PyNone.NONE) {
      if (Nums.isInt(x)) {
        return Nums.big(x);
      }
      double d = Nums.dbl(x);
      Constructors.checkIntegral(d);
      return new java.math.BigDecimal(d)
          .setScale(0, java.math.RoundingMode.HALF_EVEN)
          .toBigInteger();
    }
    int digits = (int) Nums.index(v[1]);
    if (Nums.isInt(x)) {
      if (digits >= 0) {
        return Nums.big(x);
      }
      return new java.math.BigDecimal(Nums.big(x))
          .setScale(digits, java.math.RoundingMode.HALF_EVEN)
          .toBigInteger();
    }
    double d = Nums.dbl(x);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    return new java.math.BigDecimal(d)
        .setScale(digits, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  private static Object sum(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("sum", a, k, 1, "iterable", "start");
    Object total = v[1] == null ? BigInteger.ZERO : v[1];
    if (total instanceof String) {
      throw Errors.type("sum() can't sum strings [use ''.join(seq) instead]");
    }
    for (var it = Seqs.iterate(v[0]); it.hasNext(); ) {
      total = Arith.binary("+", total, it.next());
    }
    return total;
  }

  private static Object extreme(
      Interpreter in, String name, List<Object> a, Map<String, Object> k, int sign) {
    Object key = k.getOrDefault("key", PyNone.NONE);
    Object fallback = k.get("default");
    List<Object> items = a.size() == 1 ? Seqs.toList(a.get(0)) : a;
    if (a.isEmpty()) {
      throw Errors.type(name + " expected at least 1 argument, got 0");
    }
    if (items.isEmpty()) {
      if (fallback != null) {
        return fallback;
      }
      throw Errors.value(name + "() arg is an empty sequence");
    }
    Object best = items.get(0);
    Object bestKey = key == PyNone.NONE ? best : in.call(key, List.of(best), new HashMap<>());
    for (Object item : items.subList(1, items.size())) {
      Object itemKey = key == PyNone.NONE ? item : in.call(key, List.of(item), new HashMap<>());
      if (Evaluator.compare(sign < 0 ? "<" : ">", itemKey, bestKey)) {
        best = item;
        bestKey = itemKey;
      }
    }
    return best;
  }

  private static Object enumerate(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("enumerate", a, k, 1, "iterable", "start");
    Iterator<Object> items = Seqs.iterate(v[0]);
    BigInteger[] n = {v[1] == null ? BigInteger.ZERO : Nums.big(v[1])};
    return new PyIterator(
        "enumerate",
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return items.hasNext();
          }

          @Override
          public Object next() {
            Object item = items.next();
            Object pair = PyTuple.of(n[0], item);
            n[0] = n[0].add(BigInteger.ONE);
            return pair;
          }
        });
  }

  private static Object zip(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("zip", k);
    List<Iterator<Object>> its = new ArrayList<>();
    for (Object o : a) {
      its.add(Seqs.iterate(o));
    }
    return new PyIterator(
        "zip",
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return !its.isEmpty() && its.stream().allMatch(Iterator::hasNext);
          }

          @Override
          public Object next() {
            List<Object> items = new ArrayList<>();
            its.forEach(it -> items.add(it.next()));
            return PyTuple.of(items);
          }
        });
  }

  private static Object map(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("map", k);
    if (a.size() < 2) {
      throw Errors.type("map() must have at least two arguments.");
    }
    Object function = a.get(0);
    List<Iterator<Object>> its = new ArrayList<>();
    for (Object o : a.subList(1, a.size())) {
      its.add(Seqs.iterate(o));
    }
    return new PyIterator(
        "map",
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return its.stream().allMatch(Iterator::hasNext);
          }

          @Override
          public Object next() {
            List<Object> items = new ArrayList<>();
            its.forEach(it -> items.add(it.next()));
            return in.call(function, items, new HashMap<>());
          }
        });
  }

  private static Object next(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("next", k);
    if (a.isEmpty() || a.size() > 2) {
      throw Errors.type("next expected at least 1 argument, got " + a.size());
    }
    if (!(a.get(0) instanceof PyIterator it)) {
      throw Errors.type("'" + Types.name(a.get(0)) + "' object is not an iterator");
    }
    try {
      if (!it.items().hasNext()) {
        throw new NoSuchElementException();
      }
      return it.items().next();
    } catch (NoSuchElementException e) {
      if (a.size() == 2) {
        return a.get(1);
      }
      throw new PyRaise(PyExc.of(ExcTypes.STOP_ITERATION));
    }
  }

  static boolean isInstance(Object o, Object types) {
    if (types instanceof PyTuple t) {
      for (Object type : t.items()) {
        if (isInstance(o, type)) {
          return true;
        }
      }
      return false;
    }
    if (!(types instanceof PyType t)) {
      throw Errors.type("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    return t.isInstance(o);
  }

  private static boolean isSubclass(PyType t, Object types) {
    if (types instanceof PyTuple tuple) {
      return tuple.items().stream().anyMatch(x -> isSubclass(t, x));
    }
    if (!(types instanceof PyType other)) {
      throw Errors.type("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    if (t.isException() && other.isException()) {
      return t.isSubclassOf(other);
    }
    return t == other || (other == Types.INT && t == Types.BOOL) || other == Types.OBJECT;
  }
}
