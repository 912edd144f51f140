package dev.sockshell.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float repr: the fewest significant digits that read back as the same double (JDK 17's
 * {@code Double.toString} sometimes gives more), positional from 1e-4 up to 1e16 and scientific
 * outside ({@code 1e-05}, {@code 1e+16}).
 */
final class Floats {
  private Floats() {}

  static String repr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    } else if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(Math.abs(d));
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (exponent < -4 || exponent >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      return sb.append(String.format("e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent)))
          .toString();
    }
    if (exponent < 0) {
      return sb.append("0.").append("0".repeat(-exponent - 1)).append(digits).toString();
    }
    if (digits.length() <= exponent + 1) {
      return sb.append(digits)
          .append("0".repeat(exponent + 1 - digits.length()))
          .append(".0")
          .toString();
    }
    return sb.append(digits, 0, exponent + 1)
        .append('.')
        .append(digits, exponent + 1, digits.length())
        .toString();
  }

  /** The shortest decimal that rounds to {@code d}, trailing zeros stripped. */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17)).stripTrailingZeros();
  }
}
