package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.SockAddress;
import dev.sockshell.value.Value;
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
    return str(address.toString());
  }

  static String floatRepr(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return (long) d + ".0";
    }
    return Double.toString(d);
  }

  /** Python's str repr: printable text as is, everything else escaped. */
  public static String str(String text) {
    return quoted(text, false);
  }

  /**
   * Like {@link #str}; with {@code escapedBytes}, a lone surrogate U+DC00..U+DCFF stands for an
   * undecodable byte (Python's surrogateescape) and is shown as {@code \xNN}, as Python's
   * backslashreplace shows it.
   */
  static String quoted(String text, boolean escapedBytes) {
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
          } else if (cp < 0x100 || (escapedBytes && cp >= 0xDC00 && cp <= 0xDCFF)) {
            sb.append(String.format("\\x%02x", cp & 0xff));
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
    return sb.append(quote).toString();
  }
}
