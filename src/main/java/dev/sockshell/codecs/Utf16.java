package dev.sockshell.codecs;

/**
 * Python's utf-16-le and utf-16-be, and utf-16: that one writes a byte order mark and then the
 * machine's order, which on the machines Python runs on is little-endian ({@code b'\xff\xfe'};
 * Java's UTF-16 writes big-endian), and decodes after a mark in the order it says, else
 * little-endian; its decode errors name the order used ('utf-16-le'). Surrogates are not encoded,
 * one error each.
 */
final class Utf16 extends PyCodec {
  static final Utf16 LE = new Utf16("utf-16-le", false, false);
  static final Utf16 BE = new Utf16("utf-16-be", true, false);

  /** utf-16: a byte order mark, then little-endian. */
  static final Utf16 WITH_MARK = new Utf16("utf-16", false, true);

  private final boolean bigEndian;
  private final boolean byteOrderMark;

  private Utf16(String name, boolean bigEndian, boolean byteOrderMark) {
    super(name);
    this.bigEndian = bigEndian;
    this.byteOrderMark = byteOrderMark;
  }

  @Override
  void writeSignature(ByteSink out) {
    if (byteOrderMark) {
      out.write(0xFF);
      out.write(0xFE);
    }
  }

  @Override
  String decode(byte[] in, ErrorHandler errors) throws CodecError {
    if (!byteOrderMark) {
      return decodeFrom(in, 0, errors);
    }
    int mark = in.length >= 2 ? (in[0] & 0xFF) << 8 | in[1] & 0xFF : 0;
    return mark == 0xFEFF
        ? BE.decodeFrom(in, 2, errors)
        : LE.decodeFrom(in, mark == 0xFFFE ? 2 : 0, errors);
  }

  @Override
  boolean takesRawBytes() {
    return false;
  }

  @Override
  int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    for (int i = from; i < text.length; i++) {
      int cp = text[i];
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        return failure.at(i, i + 1, "surrogates not allowed");
      } else if (cp < 0x10000) {
        write(cp, out);
      } else {
        write(Character.highSurrogate(cp), out);
        write(Character.lowSurrogate(cp), out);
      }
    }
    return text.length;
  }

  private void write(int unit, ByteSink out) {
    if (bigEndian) {
      out.writeBigEndian(unit, 2);
    } else {
      out.writeLittleEndian(unit, 2);
    }
  }

  private int unit(byte[] in, int at) {
    int first = in[at] & 0xFF;
    int second = in[at + 1] & 0xFF;
    return bigEndian ? first << 8 | second : second << 8 | first;
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    int q = from;
    while (in.length - q >= 2) {
      int ch = unit(in, q);
      if (ch < 0xD800 || ch > 0xDFFF) {
        out.append((char) ch);
        q += 2;
      } else if (ch > 0xDBFF) {
        return failure.at(q, q + 2, "illegal encoding");
      } else if (in.length - q < 4) {
        return failure.at(q, in.length, "unexpected end of data");
      } else {
        int ch2 = unit(in, q + 2);
        if (ch2 < 0xDC00 || ch2 > 0xDFFF) {
          // Only the high surrogate is the error; the unit after it is decoded again.
          return failure.at(q, q + 2, "illegal UTF-16 surrogate");
        }
        out.append((char) ch).append((char) ch2);
        q += 4;
      }
    }
    return q == in.length ? q : failure.at(q, in.length, "truncated data");
  }
}
