package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Python's string and bytes literals: their prefixes and escape sequences. */
final class Literals {
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
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
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
        case '\\', '\'', '"' -> sb.append(e);
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case 'x' -> {
          sb.appendCodePoint(hex(body, i + 1, 2, "\\xXX", at));
          i += 2;
        }
        case 'u' -> {
          sb.appendCodePoint(hex(body, i + 1, 4, "\\uXXXX", at));
          i += 4;
        }
        case 'U' -> {
          int cp = hex(body, i + 1, 8, "\\UXXXXXXXX", at);
          if (cp > 0x10FFFF) {
            throw PySyntaxError.syntax(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    + (i - 1)
                    + "-"
                    + (i + 8)
                    + ": illegal Unicode character",
                at);
          }
          sb.appendCodePoint(cp);
          i += 8;
        }
        case 'N' -> throw PySyntaxError.unsupported("\\N{...} escapes are not supported", at);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < body.length()
                && end < i + 3
                && body.charAt(end) >= '0'
                && body.charAt(end) <= '7') {
              end++;
            }
            sb.appendCodePoint(Integer.parseInt(body.substring(i, end), 8));
            i = end - 1;
          } else {
            sb.append('\\').append(e); // an unknown escape keeps its backslash
          }
        }
      }
    }
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
      return ByteString.wrap(out.toByteArray());
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.write(c);
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
        case '\\', '\'', '"' -> out.write(e);
        case 'a' -> out.write(7);
        case 'b' -> out.write(8);
        case 'f' -> out.write(12);
        case 'n' -> out.write(10);
        case 'r' -> out.write(13);
        case 't' -> out.write(9);
        case 'v' -> out.write(11);
        case 'x' -> {
          out.write(hex(body, i + 1, 2, "\\xXX", at));
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
            out.write(Integer.parseInt(body.substring(i, end), 8) & 0xff);
            i = end - 1;
          } else {
            out.write('\\');
            out.write(e);
          }
        }
      }
    }
    return ByteString.wrap(out.toByteArray());
  }

  private static int hex(String body, int from, int count, String form, Token at) {
    if (from + count > body.length()) {
      throw truncated(form, from - 2, at);
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = Character.digit(body.charAt(i), 16);
      if (d < 0) {
        throw truncated(form, from - 2, at);
      }
      value = value * 16 + d;
    }
    return value;
  }

  private static PySyntaxError truncated(String form, int position, Token at) {
    String codec = form.startsWith("\\x") ? "unicodeescape" : "unicodeescape";
    return PySyntaxError.syntax(
        "(unicode error) '"
            + codec
            + "' codec can't decode bytes in position "
            + position
            + "-"
            + (position + 1)
            + ": truncated "
            + form
            + " escape",
        at);
  }
}
