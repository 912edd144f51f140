package dev.sockshell.render;

import java.math.BigDecimal;
import java.math.MathContext;

/** A span of time as a person reads it: three significant digits, in µs, ms or s. */
public final class Durations {
  private Durations() {}

  private static final MathContext THREE_DIGITS = new MathContext(3);

  /** {@code 41 µs}, {@code 1.25 ms}, {@code 2.5 s}. */
  public static String of(long nanos) {
    if (nanos < 1_000_000) {
      return digits(nanos / 1e3) + " µs";
    } else if (nanos < 1_000_000_000) {
      return digits(nanos / 1e6) + " ms";
    }
    return digits(nanos / 1e9) + " s";
  }

  private static String digits(double value) {
    return new BigDecimal(value).round(THREE_DIGITS).stripTrailingZeros().toPlainString();
  }

  /** Seconds with milliseconds, as a picture's time column shows them: {@code 1.042}. */
  public static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
