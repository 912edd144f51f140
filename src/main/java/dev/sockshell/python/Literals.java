package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/** Python's string and bytes literals: their prefixes and escape sequences. */
final class Literals {

  private static final String UNICODE_ESCAPE_ERROR =
      "(unicode error) 'unicodeescape' codec can't decode bytes in position ";

  private Literals() {}

  /** A literal's prefix and body, decoded. */
  record Parts(boolean bytes, boolean raw, boolean format, String body) {}

  static boolean isPrefix(String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return switch (p) {
      case "", "r", "u", "f", "b", "fr", "rf", "br", "rb" -> true;
      default -> false;
    };
  }

  /** Splits a STRING token into its prefix flags and the text between the quotes. */
  static Parts parts(Token token) {
    String text = token.text();
    int q = 0;
    while (text.charAt(q) != '\'' && text.charAt(q) != '"') {
      q++;
    }
    String prefix = text.substring(0, q).toLowerCase(Locale.ROOT);
    char quote = text.charAt(q);
    int quotes =
        text.startsWith(String.valueOf(quote).repeat(3), q) && text.length() - q >= 6 ? 3 : 1;
    String body = text.substring(q + quotes, text.length() - quotes);
    return new Parts(prefix.contains("b"), prefix.contains("r"), prefix.contains("f"), body);
  }

  /** The str a (non-f) string literal's body stands for. */
  static String str(String body, boolean raw, Token at) {
    if (raw) {
      return body;
    }
    StringBuilder sb = new StringBuilder(body.length());
    unescape(body, false, at, sb::appendCodePoint);
    return sb.toString();
  }

  /** The bytes a bytes literal's body stands for. */
  static ByteString bytes(String body, boolean raw, Token at) {
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) >= 0x80) {
        throw PySyntaxError.syntax("bytes can only contain ASCII literal characters", at);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    if (raw) {
      for (int i = 0; i < body.length(); i++) {
        out.write(body.charAt(i));
      }
    } else {
      // An octal escape above \377 keeps its low 8 bits in bytes, as Python does.
      unescape(body, true, at, unit -> out.write(unit & 0xff));
    }
    return ByteString.wrap(out.toByteArray());
  }

  /**
   * Decodes {@code body}'s backslash escapes into {@code out}, one code point (or, for a bytes
   * literal, one byte value) at a time. Only str literals know {@code \\u}, {@code \\U} and {@code
   * \\N}; in bytes they are unknown escapes, which keep their backslash.
   */
  private static void unescape(String body, boolean bytes, Token at, IntConsumer out) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.accept(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case '\n' -> {}
        case '\r' -> {
          if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\\', '\'', '"' -> out.accept(e);
        case 'a' -> out.accept(7);
        case 'b' -> out.accept(8);
        case 'f' -> out.accept(12);
        case 'n' -> out.accept(10);
        case 'r' -> out.accept(13);
        case 't' -> out.accept(9);
        case 'v' -> out.accept(11);
        case 'x' -> {
          out.accept(hex(body, i + 1, 2, bytes, at));
          i += 2;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < body.length()
                && end < i + 3
                && body.charAt(end) >= '0'
                && body.charAt(end) <= '7') {
              end++;
            }
            out.accept(Integer.parseInt(body.substring(i, end), 8));
            i = end - 1;
          } else if (!bytes && (e == 'u' || e == 'U')) {
            int digits = e == 'u' ? 4 : 8;
            int cp = hex(body, i + 1, digits, false, at);
            if (cp > 0x10FFFF) {
              throw PySyntaxError.syntax(
                  UNICODE_ESCAPE_ERROR
                      + (i - 1)
                      + "-"
                      + (i + digits)
                      + ": illegal Unicode character",
                  at);
            }
            out.accept(cp);
            i += digits;
          } else if (!bytes && e == 'N') {
            throw PySyntaxError.unsupported(Text.get("python.unsupported.n.escapes"), at);
          } else {
            out.accept('\\'); // an unknown escape keeps its backslash
            out.accept(e);
          }
        }
      }
    }
  }

  /**
   * The value of the {@code count} hex digits at {@code from} (just after {@code \\x}, {@code \\u}
   * or {@code \\U}), or Python's error for a truncated escape.
   */
  private static int hex(String body, int from, int count, boolean bytes, Token at) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = i < body.length() ? Character.digit(body.charAt(i), 16) : -1;
      if (d < 0) {
        throw truncated(body.charAt(from - 1), from - 2, i - from, bytes, at);
      }
      value = value * 16 + d;
    }
    return value;
  }

  /**
   * Python's words for an escape cut short: a str literal's codec error spans the backslash to the
   * last hex digit there was; a bytes literal's only says where the escape starts.
   */
  private static PySyntaxError truncated(
      char letter, int position, int digits, boolean bytes, Token at) {
    if (bytes) {
      return PySyntaxError.syntax("(value error) invalid \\x escape at position " + position, at);
    }
    String form = "\\" + letter + "X".repeat(letter == 'x' ? 2 : letter == 'u' ? 4 : 8);
    return PySyntaxError.syntax(
        UNICODE_ESCAPE_ERROR
            + position
            + "-"
            + (position + 1 + digits)
            + ": truncated "
            + form
            + " escape",
        at);
  }
}
