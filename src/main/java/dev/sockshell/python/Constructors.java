package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** What calling a built-in type does: {@code int('42')}, {@code bytes(3)}, {@code list(r)}. */
final class Constructors {

  static final String BYTE_RANGE = "byte must be in range(0, 256)";

  private Constructors() {}

  static Object toInt(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("int", a, k, 0, "x", "base");
    if (v[0] == null) {
      return BigInteger.ZERO;
    }
    Object x = v[0];
    if (v[1] != null) {
      if (!(x instanceof String) && !Ops.isBytesLike(x)) {
        throw Errors.type("int() can't convert non-string with explicit base");
      }
      return parseInt(x, (int) Nums.index(v[1]));
    }
    if (Nums.isInt(x)) {
      return Nums.big(x);
    }
    if (x instanceof Double d) {
      checkIntegral(d);
      return new BigDecimal(d).toBigInteger();
    }
    if (x instanceof String || Ops.isBytesLike(x)) {
      return parseInt(x, 10);
    }
    throw Errors.type(
        "int() argument must be a string, a bytes-like object or a real number,"
            + " not '"
            + Types.name(x)
            + "'");
  }

  private static BigInteger parseInt(Object x, int base) {
    if (base != 0 && (base < 2 || base > 36)) {
      throw Errors.value("int() base must be >= 2 and <= 36, or 0");
    }
    String text =
        x instanceof String s
            ? s
            : new String(Ops.bytes(x).toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    String s = text.strip();
    String digits = s;
    boolean negative = false;
    if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
      negative = digits.charAt(0) == '-';
      digits = digits.substring(1);
    }
    String lower = digits.toLowerCase();
    int b = base;
    if ((b == 16 || b == 0) && lower.startsWith("0x")) {
      b = 16;
      digits = digits.substring(2);
    } else if ((b == 8 || b == 0) && lower.startsWith("0o")) {
      b = 8;
      digits = digits.substring(2);
    } else if ((b == 2 || b == 0) && lower.startsWith("0b")) {
      b = 2;
      digits = digits.substring(2);
    } else if (b == 0) {
      b = 10;
      if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0[0_]*")) {
        throw invalid(x, base);
      }
    }
    if (digits.startsWith("_")) {
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || digits.endsWith("_") || digits.contains("__")) {
      throw invalid(x, base);
    }
    try {
      BigInteger value = new BigInteger(digits.replace("_", ""), b);
      return negative ? value.negate() : value;
    } catch (NumberFormatException e) {
      throw invalid(x, base);
    }
  }

  private static PyRaise invalid(Object x, int base) {
    return Errors.value("invalid literal for int() with base " + base + ": " + Reprs.repr(x));
  }

  static Object toBool(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("bool", k);
    if (a.size() > 1) {
      throw Errors.type("bool expected at most 1 argument, got " + a.size());
    }
    return !a.isEmpty() && Ops.truthy(a.get(0));
  }

  static Object toFloat(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("float", k);
    if (a.isEmpty()) {
      return 0.0;
    }
    Object x = a.get(0);
    if (Nums.isNumber(x)) {
      return Nums.dbl(x);
    }
    if (x instanceof String || Ops.isBytesLike(x)) {
      String s =
          (x instanceof String t
                  ? t
                  : new String(
                      Ops.bytes(x).toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1))
              .strip()
              .toLowerCase();
      switch (s.replaceFirst("^[+-]", "")) {
        case "inf", "infinity" -> {
          return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        case "nan" -> {
          return Double.NaN;
        }
        default -> {}
      }
      if (s.matches("[+-]?(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[+-]?\\d(_?\\d)*)?")
          && s.matches(".*\\d.*")) {
        return Double.parseDouble(s.replace("_", ""));
      }
      throw Errors.value("could not convert string to float: " + Reprs.repr(x));
    }
    throw Errors.type(
        "float() argument must be a string or a real number, not '" + Types.name(x) + "'");
  }

  static Object toStr(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("str", a, k, 0, "object", "encoding", "errors");
    if (v[0] == null) {
      return "";
    }
    if (v[1] == null && v[2] == null) {
      return Reprs.str(v[0]);
    }
    if (!Ops.isBytesLike(v[0])) {
      throw Errors.type(
          "decoding to str: need a bytes-like object, " + Types.name(v[0]) + " found");
    }
    return Codecs.decode(
        Ops.bytes(v[0]),
        v[1] == null ? "utf-8" : Args.str(v[1], "str() argument 'encoding'"),
        v[2] == null ? "strict" : Args.str(v[2], "str() argument 'errors'"));
  }

  static Object toBytes(Interpreter in, List<Object> a, Map<String, Object> k) {
    return make("bytes", a, k);
  }

  static Object toByteArray(Interpreter in, List<Object> a, Map<String, Object> k) {
    return new PyByteArray(make("bytearray", a, k));
  }

  private static ByteString make(String type, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse(type, a, k, 0, "source", "encoding", "errors");
    Object source = v[0];
    if (source == null) {
      return ByteString.EMPTY;
    }
    if (source instanceof String s) {
      if (v[1] == null) {
        throw Errors.type("string argument without an encoding");
      }
      return Codecs.encode(
          s,
          Args.str(v[1], type + "() argument 'encoding'"),
          v[2] == null ? "strict" : Args.str(v[2], type + "() argument 'errors'"));
    }
    if (v[1] != null) {
      throw Errors.type("encoding without a string argument");
    }
    if (Nums.isInt(source)) {
      long n = Nums.index(source);
      if (n < 0) {
        throw Errors.value("negative count");
      }
      return ByteString.wrap(new byte[(int) n]);
    }
    if (source instanceof Double) {
      throw Errors.type("cannot convert 'float' object to " + type);
    }
    return bytesOf(source);
  }

  /** A bytes-like object, or an iterable of ints 0..255, as bytes. */
  static ByteString bytesOf(Object source) {
    if (Ops.isBytesLike(source)) {
      return Ops.bytes(source);
    }
    if (source instanceof String) {
      throw Errors.type("cannot convert 'str' object to bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (var it = Seqs.iterate(source); it.hasNext(); ) {
        out.write(byteValue(it.next()));
      }
    } catch (PyRaise e) {
      if (e.exception.type == ExcTypes.TYPE_ERROR
          && e.exception.str().endsWith("object is not iterable")) {
        throw Errors.type("cannot convert '" + Types.name(source) + "' object to bytes");
      }
      throw e;
    }
    return ByteString.wrap(out.toByteArray());
  }

  /** An int 0..255, for one byte. */
  static int byteValue(Object o) {
    if (!Nums.isInt(o)) {
      throw Errors.notAnInteger(o);
    }
    BigInteger b = Nums.big(o);
    if (b.signum() < 0 || b.bitLength() > 8) {
      throw Errors.value(BYTE_RANGE);
    }
    return b.intValue();
  }

  static Object toList(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("list", k);
    if (a.size() > 1) {
      throw Errors.type("list expected at most 1 argument, got " + a.size());
    }
    return a.isEmpty() ? new PyList() : new PyList(Seqs.toList(a.get(0)));
  }

  static Object toTuple(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("tuple", k);
    if (a.size() > 1) {
      throw Errors.type("tuple expected at most 1 argument, got " + a.size());
    }
    return a.isEmpty()
        ? PyTuple.EMPTY
        : a.get(0) instanceof PyTuple t ? t : PyTuple.of(Seqs.toList(a.get(0)));
  }

  static Object toDict(Interpreter in, List<Object> a, Map<String, Object> k) {
    if (a.size() > 1) {
      throw Errors.type("dict expected at most 1 argument, got " + a.size());
    }
    PyDict d = new PyDict();
    if (!a.isEmpty()) {
      fill(d, a.get(0));
    }
    k.forEach(d::put);
    return d;
  }

  /** Adds a mapping's items, or an iterable of pairs, to {@code d}. */
  static void fill(PyDict d, Object source) {
    if (source instanceof PyDict other) {
      other.items().forEach(i -> d.put(i.get(0), i.get(1)));
      return;
    }
    int n = 0;
    for (var it = Seqs.iterate(source); it.hasNext(); n++) {
      Object item = it.next();
      List<Object> pair;
      try {
        pair = Seqs.toList(item);
      } catch (PyRaise e) {
        throw Errors.type(
            "cannot convert dictionary update sequence element #" + n + " to a sequence");
      }
      if (pair.size() != 2) {
        throw Errors.value(
            "dictionary update sequence element #"
                + n
                + " has length "
                + pair.size()
                + "; 2 is required");
      }
      d.put(pair.get(0), pair.get(1));
    }
  }

  static Object range(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("range", k);
    if (a.isEmpty() || a.size() > 3) {
      throw Errors.type(
          a.isEmpty()
              ? "range expected at least 1 argument, got 0"
              : "range expected at most 3 arguments, got " + a.size());
    }
    long[] v = new long[a.size()];
    for (int i = 0; i < a.size(); i++) {
      if (!Nums.isInt(a.get(i))) {
        throw Errors.notAnInteger(a.get(i));
      }
      v[i] = Nums.index(a.get(i));
    }
    if (v.length == 1) {
      return new PyRange(0, v[0], 1);
    }
    long step = v.length == 3 ? v[2] : 1;
    if (step == 0) {
      throw Errors.value("range() arg 3 must not be zero");
    }
    return new PyRange(v[0], v[1], step);
  }

  static Object type(Interpreter in, List<Object> a, Map<String, Object> k) {
    if (a.size() != 1) {
      throw PyClassesUnsupported.INSTANCE.error();
    }
    return Types.of(a.get(0));
  }

  /** type(name, bases, dict) makes a class, which the subset does not have. */
  private enum PyClassesUnsupported {
    INSTANCE;

    RuntimeException error() {
      return Errors.type("type() takes 1 argument here: classes are not supported");
    }
  }

  /** int(x) and round(x) of a NaN or an infinity: Python's ValueError and OverflowError. */
  static void checkIntegral(double d) {
    if (Double.isNaN(d)) {
      throw Errors.value("cannot convert float NaN to integer");
    }
    if (Double.isInfinite(d)) {
      throw Errors.overflow("cannot convert float infinity to integer");
    }
  }
}
