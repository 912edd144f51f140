package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic and sequence operators: {@code + - * / // % ** << >> & | ^ ~}. */
final class Arith {

  private static final String INTEGER_DIVISION_OR_MODULO_BY_ZERO =
      "integer division or modulo by zero";
  private static final String ZERO_TO_NEGATIVE_POWER = "0.0 cannot be raised to a negative power";

  private Arith() {}

  static Object binary(String op, Object a, Object b) {
    if (Nums.isNumber(a) && Nums.isNumber(b)) {
      return numbers(op, a, b);
    }
    return switch (op) {
      case "+" -> add(a, b);
      case "*" -> multiply(a, b);
      case "%" -> {
        if (a instanceof String s) {
          yield Formatting.percent(s, b);
        }
        if (Ops.isBytesLike(a)) {
          ByteString result = Formatting.percentBytes(Ops.bytes(a), b);
          yield a instanceof PyByteArray ? new PyByteArray(result) : result;
        }
        throw Errors.operands("%", a, b);
      }
      case "|" -> {
        if (a instanceof PyDict x && b instanceof PyDict y) {
          PyDict merged = new PyDict();
          x.items().forEach(i -> merged.put(i.get(0), i.get(1)));
          y.items().forEach(i -> merged.put(i.get(0), i.get(1)));
          yield merged;
        }
        throw Errors.operands("|", a, b);
      }
      default -> throw Errors.operands(op, a, b);
    };
  }

  private static Object add(Object a, Object b) {
    if (a instanceof String x) {
      if (b instanceof String y) {
        return x + y;
      }
      throw Errors.type("can only concatenate str (not \"" + Types.name(b) + "\") to str");
    }
    if (Ops.isBytesLike(a)) {
      if (!Ops.isBytesLike(b)) {
        throw Errors.type("can't concat " + Types.name(b) + " to " + Types.name(a));
      }
      ByteString joined = Ops.bytes(a).concat(Ops.bytes(b));
      return a instanceof PyByteArray ? new PyByteArray(joined) : joined;
    }
    if (a instanceof PyList x) {
      if (b instanceof PyList y) {
        List<Object> items = new ArrayList<>(x.items);
        items.addAll(y.items);
        return new PyList(items);
      }
      throw Errors.type("can only concatenate list (not \"" + Types.name(b) + "\") to list");
    }
    if (a instanceof PyTuple x) {
      if (b instanceof PyTuple y) {
        List<Object> items = new ArrayList<>(x.items());
        items.addAll(y.items());
        return PyTuple.of(items);
      }
      throw Errors.type("can only concatenate tuple (not \"" + Types.name(b) + "\") to tuple");
    }
    throw Errors.operands("+", a, b);
  }

  private static Object multiply(Object a, Object b) {
    if (Nums.isInt(a) && !Nums.isNumber(b)) {
      return multiply(b, a);
    }
    boolean sequence =
        a instanceof String || Ops.isBytesLike(a) || a instanceof PyList || a instanceof PyTuple;
    if (!sequence) {
      throw Errors.operands("*", a, b);
    }
    if (!Nums.isInt(b)) {
      throw Errors.type("can't multiply sequence by non-int of type '" + Types.name(b) + "'");
    }
    BigInteger n = Nums.big(b);
    int times = n.signum() <= 0 ? 0 : n.bitLength() > 31 ? Integer.MAX_VALUE : n.intValue();
    long size = Seqs.len(a);
    if (size * times > Integer.MAX_VALUE - 8 && size > 0) {
      throw Errors.raise(ExcTypes.MEMORY_ERROR, "");
    }
    if (a instanceof String s) {
      return s.repeat(times);
    }
    if (Ops.isBytesLike(a)) {
      ByteString unit = Ops.bytes(a);
      byte[] out = new byte[unit.size() * times];
      byte[] one = unit.toByteArray();
      for (int i = 0; i < times; i++) {
        System.arraycopy(one, 0, out, i * one.length, one.length);
      }
      return a instanceof PyByteArray
          ? new PyByteArray(ByteString.wrap(out))
          : ByteString.wrap(out);
    }
    List<Object> items = a instanceof PyList l ? l.items : ((PyTuple) a).items();
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(items);
    }
    return a instanceof PyList ? new PyList(out) : PyTuple.of(out);
  }

  private static Object numbers(String op, Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      if (op.equals("<<")
          || op.equals(">>")
          || op.equals("&")
          || op.equals("|")
          || op.equals("^")
          || op.equals("@")) {
        throw Errors.operands(op, a, b);
      }
      return floats(op, Nums.dbl(a), Nums.dbl(b));
    }
    BigInteger x = Nums.big(a);
    BigInteger y = Nums.big(b);
    switch (op) {
      case "+":
        return x.add(y);
      case "-":
        return x.subtract(y);
      case "*":
        return x.multiply(y);
      case "/":
        return Nums.divide(x, y);
      case "//":
        if (y.signum() == 0) {
          throw Errors.zeroDivision(INTEGER_DIVISION_OR_MODULO_BY_ZERO);
        }
        return floorDiv(x, y);
      case "%":
        if (y.signum() == 0) {
          throw Errors.zeroDivision(INTEGER_DIVISION_OR_MODULO_BY_ZERO);
        }
        return x.subtract(floorDiv(x, y).multiply(y));
      case "**":
        if (y.signum() < 0) {
          if (x.signum() == 0) {
            throw Errors.zeroDivision(ZERO_TO_NEGATIVE_POWER);
          }
          return Math.pow(Nums.toDouble(x), y.doubleValue());
        }
        if (y.bitLength() > 31) {
          throw Errors.raise(ExcTypes.MEMORY_ERROR, "");
        }
        return x.pow(y.intValue());
      case "<<":
      case ">>":
        if (y.signum() < 0) {
          throw Errors.value("negative shift count");
        }
        int n = y.bitLength() > 31 ? Integer.MAX_VALUE : y.intValue();
        return op.equals("<<") ? x.shiftLeft(n) : x.shiftRight(n);
      case "&":
        return bits(a, b, x.and(y));
      case "|":
        return bits(a, b, x.or(y));
      case "^":
        return bits(a, b, x.xor(y));
      default:
        throw Errors.operands(op, a, b);
    }
  }

  /** {@code True & False} is a bool; with any int it is an int. */
  private static Object bits(Object a, Object b, BigInteger result) {
    if (a instanceof Boolean && b instanceof Boolean) {
      return result.signum() != 0;
    }
    return result;
  }

  private static BigInteger floorDiv(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() != 0 && (qr[1].signum() != y.signum())) {
      return qr[0].subtract(BigInteger.ONE);
    }
    return qr[0];
  }

  private static Object floats(String op, double x, double y) {
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        if (y == 0) {
          throw Errors.zeroDivision("float division by zero");
        }
        return x / y;
      case "//":
        if (y == 0) {
          throw Errors.zeroDivision("float floor division by zero");
        }
        return Math.floor(x / y);
      case "%":
        if (y == 0) {
          throw Errors.zeroDivision("float modulo");
        }
        double m = x % y;
        if (m != 0 && (m < 0) != (y < 0)) {
          m += y;
        }
        return m;
      case "**":
        if (x == 0 && y < 0) {
          throw Errors.zeroDivision(ZERO_TO_NEGATIVE_POWER);
        }
        double p = Math.pow(x, y);
        if (Double.isInfinite(p) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
          throw Errors.raise(ExcTypes.OVERFLOW_ERROR, "(34, 'Numerical result out of range')");
        }
        return p;
      default:
        throw Errors.operands(op, x, y);
    }
  }

  static Object unary(String op, Object v) {
    switch (op) {
      case "not":
        return !Ops.truthy(v);
      case "-":
        if (v instanceof Double d) {
          return -d;
        }
        if (Nums.isInt(v)) {
          return Nums.big(v).negate();
        }
        throw Errors.type("bad operand type for unary -: '" + Types.name(v) + "'");
      case "+":
        if (v instanceof Double) {
          return v;
        }
        if (Nums.isInt(v)) {
          return Nums.big(v);
        }
        throw Errors.type("bad operand type for unary +: '" + Types.name(v) + "'");
      case "~":
        if (Nums.isInt(v)) {
          return Nums.big(v).not();
        }
        throw Errors.type("bad operand type for unary ~: '" + Types.name(v) + "'");
      default:
        throw new IllegalArgumentException(op);
    }
  }
}
