package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One codec's own work, character by character: which bytes a code point becomes and why one cannot
 * be encoded; how far bytes decode and why they stop. UTF-8, ASCII and Latin-1 follow Python's
 * rules exactly; the others go through Java's charsets until Python-exact codecs replace them
 * (Java's GBK, for one, writes {@code €} where Python's gbk refuses it).
 */
abstract class TextCodec {
  /** Text decoded up to {@code failedAt} (-1: all of it), and the {@code length} bytes there. */
  record Decoded(String text, int failedAt, int length, String reason) {}

  /** The bytes for {@code cp}, or null if this codec cannot write it. */
  abstract byte[] encode(int cp);

  /** Why {@code cp} cannot be encoded, in Python's words. */
  abstract String reason(int cp);

  /** Decodes {@code bytes} from {@code from} until the end or the first error. */
  abstract Decoded decode(ByteString bytes, int from);

  /** Bytes written before the text (utf-16's byte order mark). */
  byte[] prefix() {
    return new byte[0];
  }

  static TextCodec of(String name) {
    return switch (name) {
      case "utf-8" -> new Utf8();
      case "ascii" -> new Range(128);
      case "latin-1" -> new Range(256);
      case "utf-16" -> new Utf16(true);
      case "utf-16-le" -> new Utf16(false);
      case "utf-16-be" -> new JavaCharset(StandardCharsets.UTF_16BE);
      case "shift_jis" -> new JavaCharset(Charset.forName("Shift_JIS"));
      default -> new JavaCharset(Charset.forName(name));
    };
  }

  /** ASCII (128) and Latin-1 (256): one byte per code point below the limit. */
  private static final class Range extends TextCodec {
    private final int limit;

    Range(int limit) {
      this.limit = limit;
    }

    @Override
    byte[] encode(int cp) {
      return cp < limit ? new byte[] {(byte) cp} : null;
    }

    @Override
    String reason(int cp) {
      return "ordinal not in range(" + limit + ")";
    }

    @Override
    Decoded decode(ByteString bytes, int from) {
      StringBuilder sb = new StringBuilder(bytes.size() - from);
      for (int i = from; i < bytes.size(); i++) {
        int b = bytes.get(i);
        if (b >= limit) {
          return new Decoded(sb.toString(), i, 1, reason(b));
        }
        sb.append((char) b);
      }
      return new Decoded(sb.toString(), -1, 0, null);
    }
  }

  /** UTF-8 as CPython checks it: no surrogates, no overlong forms, Python's three reasons. */
  private static final class Utf8 extends TextCodec {
    @Override
    byte[] encode(int cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        return null;
      }
      return Character.toString(cp).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    String reason(int cp) {
      return "surrogates not allowed";
    }

    @Override
    Decoded decode(ByteString bytes, int from) {
      StringBuilder sb = new StringBuilder(bytes.size() - from);
      int i = from;
      while (i < bytes.size()) {
        int b = bytes.get(i);
        if (b < 0x80) {
          sb.append((char) b);
          i++;
          continue;
        }
        int need;
        int cp;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
          need = 1;
          cp = b & 0x1F;
          min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
          need = 2;
          cp = b & 0x0F;
          min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
          need = 3;
          cp = b & 0x07;
          min = 0x10000;
        } else {
          return new Decoded(sb.toString(), i, 1, "invalid start byte");
        }
        int j = 1;
        for (; j <= need; j++) {
          if (i + j >= bytes.size()) {
            return new Decoded(sb.toString(), i, j, "unexpected end of data");
          }
          int c = bytes.get(i + j);
          boolean ok = (c & 0xC0) == 0x80;
          if (j == 1) {
            // The second byte's range rules out overlong forms, surrogates and beyond U+10FFFF.
            ok &=
                !(b == 0xE0 && c < 0xA0)
                    && !(b == 0xED && c > 0x9F)
                    && !(b == 0xF0 && c < 0x90)
                    && !(b == 0xF4 && c > 0x8F);
          }
          if (!ok) {
            return new Decoded(sb.toString(), i, j, "invalid continuation byte");
          }
          cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min) {
          return new Decoded(sb.toString(), i, 1, "invalid start byte");
        }
        sb.appendCodePoint(cp);
        i += need + 1;
      }
      return new Decoded(sb.toString(), -1, 0, null);
    }
  }

  /** UTF-16 little-endian, with Python's BOM {@code ff fe} first for "utf-16". */
  private static final class Utf16 extends TextCodec {
    private final boolean bom;

    Utf16(boolean bom) {
      this.bom = bom;
    }

    @Override
    byte[] prefix() {
      return bom ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[0];
    }

    @Override
    byte[] encode(int cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        return null;
      }
      return Character.toString(cp).getBytes(StandardCharsets.UTF_16LE);
    }

    @Override
    String reason(int cp) {
      return "surrogates not allowed";
    }

    @Override
    Decoded decode(ByteString bytes, int from) {
      int i = from;
      boolean bigEndian = false;
      if (bom && from == 0 && bytes.size() >= 2) {
        if (bytes.get(0) == 0xFF && bytes.get(1) == 0xFE) {
          i = 2;
        } else if (bytes.get(0) == 0xFE && bytes.get(1) == 0xFF) {
          i = 2;
          bigEndian = true;
        }
      }
      StringBuilder sb = new StringBuilder();
      while (i + 1 < bytes.size()) {
        int unit =
            bigEndian ? bytes.get(i) << 8 | bytes.get(i + 1) : bytes.get(i + 1) << 8 | bytes.get(i);
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
          return new Decoded(sb.toString(), i, 2, "illegal encoding");
        }
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (i + 3 >= bytes.size()) {
            return new Decoded(sb.toString(), i, bytes.size() - i, "unexpected end of data");
          }
          int low =
              bigEndian
                  ? bytes.get(i + 2) << 8 | bytes.get(i + 3)
                  : bytes.get(i + 3) << 8 | bytes.get(i + 2);
          if (low < 0xDC00 || low > 0xDFFF) {
            return new Decoded(sb.toString(), i, 2, "illegal UTF-16 surrogate");
          }
          sb.append((char) unit).append((char) low);
          i += 4;
          continue;
        }
        sb.append((char) unit);
        i += 2;
      }
      if (i < bytes.size()) {
        return new Decoded(sb.toString(), i, 1, "truncated data");
      }
      return new Decoded(sb.toString(), -1, 0, null);
    }
  }

  /** A codec through Java's charset of that name. */
  private static final class JavaCharset extends TextCodec {
    private final Charset charset;

    JavaCharset(Charset charset) {
      this.charset = charset;
    }

    @Override
    byte[] encode(int cp) {
      CharsetEncoder encoder = charset.newEncoder();
      String s = Character.toString(cp);
      if (!encoder.canEncode(s)) {
        return null;
      }
      return s.getBytes(charset);
    }

    @Override
    String reason(int cp) {
      return "illegal multibyte sequence";
    }

    @Override
    Decoded decode(ByteString bytes, int from) {
      CharsetDecoder decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray(), from, bytes.size() - from);
      CharBuffer out = CharBuffer.allocate(2 * (bytes.size() - from) + 4);
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        String reason =
            in.position() + result.length() >= bytes.size()
                ? "incomplete multibyte sequence"
                : "illegal multibyte sequence";
        return new Decoded(out.flip().toString(), in.position(), result.length(), reason);
      }
      decoder.flush(out);
      return new Decoded(out.flip().toString(), -1, 0, null);
    }
  }
}
