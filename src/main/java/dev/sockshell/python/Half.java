package dev.sockshell.python;

/** IEEE 754 half precision, for struct's {@code e} format (Java 17 has no float16 conversion). */
final class Half {
  private Half() {}

  /** The nearest half-precision value's bits (ties to even), or OverflowError as Python raises. */
  static short bits(double d) {
    if (Double.isNaN(d)) {
      return (short) 0x7e00;
    }
    int sign = (d < 0 || (d == 0 && 1 / d < 0)) ? 0x8000 : 0;
    double a = Math.abs(d);
    if (Double.isInfinite(a)) {
      return (short) (sign | 0x7c00);
    }
    if (a >= 65520.0) {
      throw Errors.overflow("float too large to pack with e format");
    }
    if (a < 6.103515625e-05) { // subnormal: units of 2^-24
      long units = Math.round(a / 5.960464477539063e-08);
      double exact = a / 5.960464477539063e-08;
      if (Math.abs(exact - Math.floor(exact) - 0.5) < 1e-12 && (long) Math.floor(exact) % 2 == 0) {
        units = (long) Math.floor(exact);
      }
      return (short) (sign | units);
    }
    int exponent = Math.getExponent(a);
    double mantissa = a / Math.scalb(1.0, exponent) - 1.0; // in [0, 1)
    double scaled = mantissa * 1024;
    long m = (long) Math.rint(scaled);
    if (m == 1024) {
      m = 0;
      exponent++;
    }
    return (short) (sign | ((exponent + 15) << 10) | m);
  }

  static double value(short bits) {
    int b = bits & 0xffff;
    int sign = (b & 0x8000) != 0 ? -1 : 1;
    int exponent = (b >> 10) & 0x1f;
    int mantissa = b & 0x3ff;
    if (exponent == 0) {
      return sign * mantissa * Math.scalb(1.0, -24);
    }
    if (exponent == 31) {
      return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    return sign * (1 + mantissa / 1024.0) * Math.scalb(1.0, exponent - 15);
  }
}
