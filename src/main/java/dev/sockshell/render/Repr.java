package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.bytes.Printable;
import dev.sockshell.net.SockAddress;
import dev.sockshell.value.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/** Python's {@code repr} of values: what the REPL would print for the same call. */
public final class Repr {
  private Repr() {}

  public static String of(Value value) {
    return of(value, ByteString::toString);
  }

  /** Like {@link #of(Value)}, with every bytes value inside shown by {@code bytes}. */
  public static String of(Value value, Function<ByteString, String> bytes) {
    if (value instanceof Value.Bytes b) {
      return bytes.apply(b.bytes());
    } else if (value instanceof Value.Int i) {
      return Long.toString(i.value());
    } else if (value instanceof Value.Float f) {
      return floatRepr(f.value());
    } else if (value instanceof Value.Bool b) {
      return b.value() ? "True" : "False";
    } else if (value instanceof Value.Str s) {
      return str(s.text());
    } else if (value instanceof Value.None) {
      return "None";
    } else if (value instanceof Value.Address a) {
      return address(a.address());
    } else if (value instanceof Value.SocketRef s) {
      return s.name();
    } else if (value instanceof Value.PyList l) {
      return joined(l.items(), bytes, '[', ']');
    } else if (value instanceof Value.PyDict d) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < d.entries().size(); i++) {
        Value.PyDict.Entry e = d.entries().get(i);
        sb.append(i == 0 ? "" : ", ").append(of(e.key(), bytes)).append(": ");
        sb.append(of(e.value(), bytes));
      }
      return sb.append('}').toString();
    }
    Value.Tuple t = (Value.Tuple) value;
    if (t.items().size() == 1) {
      return "(" + of(t.items().get(0), bytes) + ",)";
    }
    return joined(t.items(), bytes, '(', ')');
  }

  private static String joined(
      List<Value> items, Function<ByteString, String> bytes, char open, char close) {
    StringBuilder sb = new StringBuilder().append(open);
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(of(items.get(i), bytes));
    }
    return sb.append(close).toString();
  }

  /** {@code ('127.0.0.1', 9999)}, {@code ('::1', 8888, 0, 0)} or a Unix path as a str. */
  public static String address(SockAddress address) {
    if (address instanceof SockAddress.Inet inet) {
      String host = str(inet.host());
      return switch (inet.family()) {
        case AF_INET6 -> "(" + host + ", " + inet.port() + ", 0, " + inet.scopeId() + ")";
        default -> "(" + host + ", " + inet.port() + ")";
      };
    }
    return str(((SockAddress.Unix) address).path().toString());
  }

  /**
   * Python's float repr: the fewest significant digits that read back as the same double (JDK 17's
   * {@code Double.toString} sometimes gives more), positional from 1e-4 up to 1e16 ({@code 0.0001},
   * {@code 2.5}, {@code 1000000000.0}) and scientific outside ({@code 1e-05}, {@code 1.5e+16}).
   */
  public static String floatRepr(double d) {
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

  /** Python's str repr: printable text as is, everything else escaped. */
  public static String str(String text) {
    return quoted(text, false);
  }

  /** Printable ASCII with neither a single quote nor a backslash: quoted as it is. */
  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == '\'' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /**
   * Like {@link #str}; with {@code escapedBytes}, a lone surrogate U+DC00..U+DCFF stands for an
   * undecodable byte (Python's surrogateescape) and is shown as {@code \xNN}, as Python's
   * backslashreplace shows it.
   */
  static String quoted(String text, boolean escapedBytes) {
    if (isPlainAscii(text)) {
      return "'" + text + "'"; // an address's host, most often: nothing to escape or choose
    }
    boolean hasSingle = text.indexOf('\'') >= 0;
    boolean hasDouble = text.indexOf('"') >= 0;
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder sb = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (cp == quote) {
            sb.append('\\').appendCodePoint(cp);
          } else if (Printable.isPrintable(cp)) {
            sb.appendCodePoint(cp);
          } else if (escapedBytes && cp >= 0xDC00 && cp <= 0xDCFF) {
            Printable.appendEscape(sb, cp & 0xff);
          } else {
            Printable.appendEscape(sb, cp);
          }
        }
      }
    }
    return sb.append(quote).toString();
  }
}
