package dev.sockshell.lang;

import dev.sockshell.i18n.Text;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Python's backslash escapes: {@code \n \r \t \\ \' \" \a \b \f \v \0 \ooo \xHH}, and in text also
 * {@code \\uXXXX \\UXXXXXXXX}. An unknown escape is kept as typed, as Python does.
 */
final class Escapes {
  private Escapes() {}

  /** Decodes a str literal's body; {@code offset} is the body's column, for errors. */
  static String text(String body, int offset) throws UsageError {
    StringBuilder sb = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case 'u' -> {
          char unit = (char) hex(body, i + 1, 4, offset);
          if (Character.isSurrogate(unit)) {
            throw surrogate(body, i, unit, offset);
          }
          sb.append(unit);
          i += 4;
        }
        case 'U' -> {
          int cp = hex(body, i + 1, 8, offset);
          if (!Character.isValidCodePoint(cp)) {
            throw new UsageError(Text.get("usage.escape.range"), offset + i - 1);
          }
          sb.appendCodePoint(cp);
          i += 8;
        }
        case 'x' -> {
          sb.append((char) hex(body, i + 1, 2, offset));
          i += 2;
        }
        default -> {
          int[] consumed = new int[1];
          int simple = simple(body, i, consumed);
          if (simple >= 0) {
            // In a str, \777 is chr(511); only a bytes literal keeps the low 8 bits.
            sb.append((char) simple);
            i += consumed[0] - 1;
          } else {
            sb.append('\\').append(e);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Decodes a bytes literal's body, which may only hold ASCII characters. */
  static byte[] bytes(String body, int offset) throws UsageError {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c > 0x7f) {
        throw new UsageError(Text.get("usage.escape.ascii", c), offset + i);
      }
      if (c != '\\' || i + 1 >= body.length()) {
        out.write(c);
        continue;
      }
      char e = body.charAt(++i);
      if (e == 'x') {
        out.write(hex(body, i + 1, 2, offset));
        i += 2;
        continue;
      }
      int[] consumed = new int[1];
      int simple = simple(body, i, consumed);
      if (simple >= 0) {
        out.write(simple & 0xff);
        i += consumed[0] - 1;
      } else {
        out.write('\\');
        out.write(e);
      }
    }
    return out.toByteArray();
  }

  /** The escapes shared by text and bytes; -1 when {@code body[i]} starts none of them. */
  private static int simple(String body, int i, int[] consumed) {
    consumed[0] = 1;
    char e = body.charAt(i);
    switch (e) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '\\':
        return '\\';
      case '\'':
        return '\'';
      case '"':
        return '"';
      case 'a':
        return 7;
      case 'b':
        return 8;
      case 'f':
        return 12;
      case 'v':
        return 11;
      default:
        break;
    }
    if (e >= '0' && e <= '7') {
      int value = 0;
      int n = 0;
      while (n < 3
          && i + n < body.length()
          && body.charAt(i + n) >= '0'
          && body.charAt(i + n) <= '7') {
        value = value * 8 + body.charAt(i + n) - '0';
        n++;
      }
      consumed[0] = n;
      return value;
    }
    return -1;
  }

  /**
   * Python accepts {@code "\\ud83d"} in a str but no codec encodes it (UnicodeEncodeError:
   * surrogates not allowed), and Java would send it as {@code ?}: refused here, pointing at the
   * escape, with the {@code \\U} form of the character a surrogate pair stands for.
   */
  private static UsageError surrogate(String body, int u, char unit, int offset) {
    String fix = Text.get("usage.escape.fix.any");
    // A high surrogate escape followed by a low one: the pair stands for one character.
    if (Character.isHighSurrogate(unit)
        && body.startsWith("\\u", u + 5)
        && u + 11 <= body.length()
        && body.substring(u + 7, u + 11).chars().allMatch(HexFormat::isHexDigit)) {
      char low = (char) HexFormat.fromHexDigits(body, u + 7, u + 11);
      if (Character.isLowSurrogate(low)) {
        fix =
            Text.get(
                "usage.escape.fix.pair", String.format("%08X", Character.toCodePoint(unit, low)));
      }
    }
    return new UsageError(
        Text.get("usage.escape.surrogate", String.format("%04x", (int) unit), fix), offset + u - 1);
  }

  private static int hex(String body, int from, int digits, int offset) throws UsageError {
    if (from + digits > body.length()) {
      throw new UsageError(
          Text.get("usage.escape.truncated", body.charAt(from - 1), digits), offset + from - 2);
    }
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      int d = Character.digit(body.charAt(i), 16);
      if (d < 0) {
        throw new UsageError(
            Text.get("usage.escape.digit", body.charAt(from - 1), body.charAt(i)), offset + i);
      }
      value = value * 16 + d;
    }
    return value;
  }
}
