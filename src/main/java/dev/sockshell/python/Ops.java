package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.PyMessages;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Truth, equality, ordering, hashing and membership, with Python's rules and messages. */
final class Ops {
  private Ops() {}

  static boolean truthy(Object o) {
    if (o instanceof Boolean b) {
      return b;
    } else if (o == PyNone.NONE) {
      return false;
    } else if (Nums.isInt(o)) {
      return Nums.big(o).signum() != 0;
    } else if (o instanceof Double d) {
      return d != 0.0;
    } else if (o instanceof String s) {
      return !s.isEmpty();
    } else if (o instanceof ByteString b) {
      return !b.isEmpty();
    } else if (o instanceof PyByteArray b) {
      return b.size() > 0;
    } else if (o instanceof PyList l) {
      return !l.items.isEmpty();
    } else if (o instanceof PyTuple t) {
      return t.size() > 0;
    } else if (o instanceof PyDict d) {
      return d.size() > 0;
    } else if (o instanceof PyRange r) {
      return r.length() > 0;
    }
    return true;
  }

  static boolean equal(Object a, Object b) {
    if (a == b) {
      return !(a instanceof Double d && d.isNaN());
    }
    if (Nums.isNumber(a) && Nums.isNumber(b)) {
      if (a instanceof Double || b instanceof Double) {
        if (a instanceof Double x && b instanceof Double y) {
          return x.doubleValue() == y.doubleValue();
        }
        double d = a instanceof Double x ? x : (Double) b;
        BigInteger i = Nums.big(a instanceof Double ? b : a);
        return !Double.isNaN(d)
            && !Double.isInfinite(d)
            && d == Math.rint(d)
            && new java.math.BigDecimal(d).toBigInteger().equals(i);
      }
      return Nums.big(a).equals(Nums.big(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (isBytesLike(a) && isBytesLike(b)) {
      return bytes(a).equals(bytes(b));
    }
    if (a instanceof PyTuple x && b instanceof PyTuple y) {
      return sameItems(x.items(), y.items());
    }
    if (a instanceof PyList x && b instanceof PyList y) {
      return sameItems(x.items, y.items);
    }
    if (a instanceof PyDict x && b instanceof PyDict y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (PyTuple item : x.items()) {
        Object other = y.get(item.get(0));
        if (other == null || !equal(item.get(1), other)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof PyRange x && b instanceof PyRange y) {
      return x.equals(y);
    }
    return a.equals(b) && !(a instanceof PyExc);
  }

  private static boolean sameItems(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isBytesLike(Object o) {
    return o instanceof ByteString || o instanceof PyByteArray;
  }

  static ByteString bytes(Object o) {
    return o instanceof PyByteArray b ? b.snapshot() : (ByteString) o;
  }

  /** {@code a is b}: identity, with CPython's shared small ints and interned strings. */
  static boolean identical(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return a.equals(b);
    }
    if (a instanceof BigInteger x && b instanceof BigInteger y) {
      return x.equals(y) && x.bitLength() < 9 && x.compareTo(BigInteger.valueOf(-5)) >= 0;
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (a instanceof IntConst x && b instanceof IntConst y) {
      return x.equals(y);
    }
    return a instanceof PyTuple x && b instanceof PyTuple y && x.size() == 0 && y.size() == 0;
  }

  /** {@code a < b} etc.: -1, 0 or 1, or TypeError for types Python does not order. */
  static int compare(String op, Object a, Object b) {
    if (Nums.isNumber(a) && Nums.isNumber(b)) {
      if (a instanceof Double || b instanceof Double) {
        double x = Nums.isInt(a) ? compareDouble(a) : (Double) a;
        double y = Nums.isInt(b) ? compareDouble(b) : (Double) b;
        return Double.compare(x, y) == 0 || x == y ? 0 : x < y ? -1 : 1;
      }
      return Nums.big(a).compareTo(Nums.big(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(compareCodePoints(x, y));
    }
    if (isBytesLike(a) && isBytesLike(b)) {
      return Integer.signum(bytes(a).compareTo(bytes(b)));
    }
    if (a instanceof PyTuple x && b instanceof PyTuple y) {
      return compareItems(op, x.items(), y.items());
    }
    if (a instanceof PyList x && b instanceof PyList y) {
      return compareItems(op, x.items, y.items);
    }
    throw Errors.type(
        "'"
            + op
            + "' not supported between instances of '"
            + Types.name(a)
            + "' and '"
            + Types.name(b)
            + "'");
  }

  private static double compareDouble(Object i) {
    double d = Nums.big(i).doubleValue();
    return d;
  }

  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return a - b;
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return (x.length() - i) - (y.length() - j);
  }

  private static int compareItems(String op, List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return compare(op, a.get(i), b.get(i));
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** {@code needle in haystack}. */
  static boolean contains(Object haystack, Object needle) {
    if (haystack instanceof String s) {
      if (!(needle instanceof String n)) {
        throw Errors.type(
            "'in <string>' requires string as left operand, not " + Types.name(needle));
      }
      return s.contains(n);
    }
    if (isBytesLike(haystack)) {
      ByteString b = bytes(haystack);
      if (Nums.isInt(needle)) {
        BigInteger v = Nums.big(needle);
        if (v.signum() < 0 || v.bitLength() > 8) {
          throw Errors.value(Constructors.BYTE_RANGE);
        }
        return b.indexOf(ByteString.of((byte) v.intValue()), 0) >= 0;
      }
      if (!isBytesLike(needle)) {
        throw Errors.type(PyMessages.bytesLikeRequired(Types.name(needle)));
      }
      return b.indexOf(bytes(needle), 0) >= 0;
    }
    if (haystack instanceof PyDict d) {
      return d.containsKey(needle);
    }
    if (haystack instanceof PyRange r && Nums.isInt(needle)) {
      long v = Nums.big(needle).longValue();
      long i = r.step() > 0 ? v - r.start() : r.start() - v;
      long step = Math.abs(r.step());
      return i >= 0 && i % step == 0 && i / step < r.length();
    }
    if (haystack instanceof DictMethods.View v && v.kind().equals("keys")) {
      return v.dict().containsKey(needle);
    }
    if (haystack instanceof PyList
        || haystack instanceof PyTuple
        || haystack instanceof PyRange
        || haystack instanceof DictMethods.View
        || haystack instanceof PyIterator) {
      for (java.util.Iterator<Object> it = Seqs.iterate(haystack); it.hasNext(); ) {
        Object item = it.next();
        if (identical(item, needle) || equal(item, needle)) {
          return true;
        }
      }
      return false;
    }
    throw Errors.type("argument of type '" + Types.name(haystack) + "' is not iterable");
  }

  /**
   * The key a dict stores {@code o} under: equal Python values get equal keys ({@code 1}, {@code
   * 1.0}, {@code True}); unhashable values raise TypeError.
   */
  static Object hashKey(Object o) {
    if (Nums.isInt(o)) {
      return Nums.big(o);
    } else if (o instanceof Double d) {
      if (!d.isNaN() && !d.isInfinite() && d == Math.rint(d)) {
        return new java.math.BigDecimal(d).toBigInteger();
      }
      return d;
    } else if (o instanceof PyTuple t) {
      List<Object> keys = new ArrayList<>();
      for (Object item : t.items()) {
        keys.add(hashKey(item));
      }
      return keys;
    } else if (o instanceof PyList || o instanceof PyDict || o instanceof PyByteArray) {
      throw Errors.type("unhashable type: '" + Types.name(o) + "'");
    } else if (o instanceof String
        || o instanceof ByteString
        || o instanceof PyNone
        || o instanceof PyRange) {
      return o;
    }
    return new Identity(o);
  }

  /** A key by identity, for objects Python hashes by id (sockets, functions). */
  private record Identity(Object o) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.o == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(o);
    }
  }
}
