package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.bytes.Printable;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * {@code str.encode} and {@code bytes.decode} with Python's codec names, error modes and
 * exceptions. The one place the interpreter turns text into bytes and back: {@link TextCodec} does
 * the codec's own work, so a Python-exact implementation replaces it without touching anything
 * else.
 */
final class Codecs {
  private Codecs() {}

  /** Python's names for the codecs, by every alias it accepts (normalised). */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("utf8", "utf-8"),
          Map.entry("u8", "utf-8"),
          Map.entry("utf", "utf-8"),
          Map.entry("ascii", "ascii"),
          Map.entry("usascii", "ascii"),
          Map.entry("latin1", "latin-1"),
          Map.entry("latin", "latin-1"),
          Map.entry("iso88591", "latin-1"),
          Map.entry("l1", "latin-1"),
          Map.entry("utf16", "utf-16"),
          Map.entry("utf16le", "utf-16-le"),
          Map.entry("utf16be", "utf-16-be"),
          Map.entry("gbk", "gbk"),
          Map.entry("cp936", "gbk"),
          Map.entry("936", "gbk"),
          Map.entry("gb2312", "gb2312"),
          Map.entry("gb18030", "gb18030"),
          Map.entry("big5", "big5"),
          Map.entry("shiftjis", "shift_jis"),
          Map.entry("sjis", "shift_jis"),
          Map.entry("cp1252", "cp1252"),
          Map.entry("windows1252", "cp1252"));

  /** The codec's name as Python's messages give it, or LookupError. */
  static String canonical(String encoding) {
    String key = encoding.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    String name = NAMES.get(key);
    if (name == null) {
      throw new PyRaise(PyExc.of(ExcTypes.LOOKUP_ERROR, "unknown encoding: " + encoding));
    }
    return name;
  }

  static ByteString encode(String text, String encoding, String errors) {
    String codec = canonical(encoding);
    TextCodec unit = TextCodec.of(codec);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    out.writeBytes(unit.prefix());
    int[] cps = text.codePoints().toArray();
    int i = 0;
    while (i < cps.length) {
      byte[] one = unit.encode(cps[i]);
      if (one != null) {
        out.writeBytes(one);
        i++;
        continue;
      }
      int end = i + 1;
      while (end < cps.length && unit.encode(cps[end]) == null) {
        end++;
      }
      switch (errors) {
        case "strict" -> throw encodeError(codec, text, i, end, unit.reason(cps[i]));
        case "ignore" -> {}
        case "replace" -> out.writeBytes(unit.encode('?'));
        case "backslashreplace" -> {
          StringBuilder sb = new StringBuilder();
          for (int k = i; k < end; k++) {
            Printable.appendEscape(sb, cps[k]);
          }
          sb.codePoints().forEach(c -> out.writeBytes(unit.encode(c)));
        }
        case "xmlcharrefreplace" -> {
          for (int k = i; k < end; k++) {
            ("&#" + cps[k] + ";").codePoints().forEach(c -> out.writeBytes(unit.encode(c)));
          }
        }
        case "surrogateescape" -> {
          for (int k = i; k < end; k++) {
            if (cps[k] < 0xDC80 || cps[k] > 0xDCFF) {
              throw encodeError(codec, text, k, k + 1, unit.reason(cps[k]));
            }
            out.write(cps[k] & 0xff);
          }
        }
        default -> throw lookup(errors);
      }
      i = end;
    }
    return ByteString.wrap(out.toByteArray());
  }

  static String decode(ByteString bytes, String encoding, String errors) {
    String codec = canonical(encoding);
    TextCodec unit = TextCodec.of(codec);
    StringBuilder text = new StringBuilder(bytes.size());
    int position = 0;
    while (true) {
      TextCodec.Decoded d = unit.decode(bytes, position);
      text.append(d.text());
      if (d.failedAt() < 0) {
        return text.toString();
      }
      int start = d.failedAt();
      int end = start + d.length();
      switch (errors) {
        case "strict" -> throw decodeError(codec, bytes, start, end, d.reason());
        case "ignore" -> {}
        case "replace" -> text.append('\uFFFD');
        case "backslashreplace" -> {
          for (int k = start; k < end; k++) {
            text.append(String.format("\\x%02x", bytes.get(k)));
          }
        }
        case "surrogateescape" -> {
          for (int k = start; k < end; k++) {
            text.append((char) (0xDC00 | bytes.get(k)));
          }
        }
        default -> throw lookup(errors);
      }
      position = end;
    }
  }

  private static PyRaise lookup(String errors) {
    return new PyRaise(
        PyExc.of(ExcTypes.LOOKUP_ERROR, "unknown error handler name '" + errors + "'"));
  }

  private static PyRaise encodeError(String codec, String text, int start, int end, String why) {
    PyExc e =
        PyExc.of(ExcTypes.UNICODE_ENCODE_ERROR, codec, text, Nums.of(start), Nums.of(end), why);
    e.attributes.put("encoding", codec);
    e.attributes.put("object", text);
    e.attributes.put("start", Nums.of(start));
    e.attributes.put("end", Nums.of(end));
    e.attributes.put("reason", why);
    return new PyRaise(e);
  }

  private static PyRaise decodeError(String codec, ByteString b, int start, int end, String why) {
    PyExc e = PyExc.of(ExcTypes.UNICODE_DECODE_ERROR, codec, b, Nums.of(start), Nums.of(end), why);
    e.attributes.put("encoding", codec);
    e.attributes.put("object", b);
    e.attributes.put("start", Nums.of(start));
    e.attributes.put("end", Nums.of(end));
    e.attributes.put("reason", why);
    return new PyRaise(e);
  }

  /** The message of a UnicodeEncodeError or UnicodeDecodeError, as Python words it. */
  static String describe(PyExc e) {
    String codec = Reprs.str(e.attributes.get("encoding"));
    int start = ((BigInteger) e.attributes.get("start")).intValue();
    int end = ((BigInteger) e.attributes.get("end")).intValue();
    String reason = Reprs.str(e.attributes.get("reason"));
    Object object = e.attributes.get("object");
    if (object instanceof String text) {
      if (end == start + 1) {
        StringBuilder c = new StringBuilder();
        Printable.appendEscape(c, text.codePoints().toArray()[start]);
        return String.format(
            "'%s' codec can't encode character '%s' in position %d: %s", codec, c, start, reason);
      }
      return String.format(
          "'%s' codec can't encode characters in position %d-%d: %s",
          codec, start, end - 1, reason);
    }
    ByteString b = (ByteString) object;
    if (end == start + 1) {
      return String.format(
          "'%s' codec can't decode byte 0x%02x in position %d: %s",
          codec, b.get(start), start, reason);
    }
    return String.format(
        "'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end - 1, reason);
  }
}
