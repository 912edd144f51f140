package dev.sockshell.python;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's numbers: int (with bool and the socket enums as ints) and float. */
final class Nums {
  private Nums() {}

  static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  static BigInteger of(long value) {
    return BigInteger.valueOf(value);
  }

  static boolean isInt(Object o) {
    return o instanceof BigInteger || o instanceof Boolean || o instanceof IntConst;
  }

  static boolean isNumber(Object o) {
    return isInt(o) || o instanceof Double;
  }

  /** The int value of an int, bool or enum member. */
  static BigInteger big(Object o) {
    if (o instanceof BigInteger b) {
      return b;
    } else if (o instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    } else if (o instanceof IntConst c) {
      return c.value();
    }
    throw Errors.notAnInteger(o);
  }

  /** A number as a float; an int too large is OverflowError, as in Python. */
  static double dbl(Object o) {
    if (o instanceof Double d) {
      return d;
    }
    return toDouble(big(o));
  }

  static double toDouble(BigInteger b) {
    double d = b.doubleValue();
    if (Double.isInfinite(d)) {
      throw Errors.overflow("int too large to convert to float");
    }
    return d;
  }

  /** An index or count that must fit a Java long: Python's {@code __index__} of a C size. */
  static long index(Object o) {
    if (!isInt(o)) {
      throw Errors.notAnInteger(o);
    }
    BigInteger b = big(o);
    if (b.bitLength() > 63) {
      throw Errors.raise(ExcTypes.INDEX_ERROR, "cannot fit 'int' into an index-sized integer");
    }
    return b.longValue();
  }

  /** An int argument that must fit a C int (a buffer size, a port). */
  static int cInt(Object o) {
    if (!isInt(o)) {
      if (o instanceof Double) {
        throw Errors.type("'float' object cannot be interpreted as an integer");
      }
      throw Errors.notAnInteger(o);
    }
    BigInteger b = big(o);
    if (b.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
      throw Errors.overflow("signed integer is greater than maximum");
    }
    if (b.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
      throw Errors.overflow("signed integer is less than minimum");
    }
    return b.intValue();
  }

  /** True division of two ints, correctly rounded as Python does it. */
  static double divide(BigInteger a, BigInteger b) {
    if (b.signum() == 0) {
      throw Errors.zeroDivision("division by zero");
    }
    if (a.bitLength() <= 53 && b.bitLength() <= 53) {
      return a.doubleValue() / b.doubleValue();
    }
    double d =
        new BigDecimal(a).divide(new BigDecimal(b), java.math.MathContext.DECIMAL128).doubleValue();
    if (Double.isInfinite(d)) {
      throw Errors.overflow("integer division result too large for a float");
    }
    return d;
  }
}
