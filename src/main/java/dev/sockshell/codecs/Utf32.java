package dev.sockshell.codecs;

/**
 * Python's utf-32-le and utf-32-be, and utf-32, which like utf-16 writes a byte order mark and then
 * little-endian ({@code b'\xff\xfe\x00\x00'}), and decodes after a mark in its order, else
 * little-endian.
 */
final class Utf32 extends PyCodec {
  static final Utf32 LE = new Utf32("utf-32-le", false, false);
  static final Utf32 BE = new Utf32("utf-32-be", true, false);

  /** utf-32: a byte order mark, then little-endian. */
  static final Utf32 WITH_MARK = new Utf32("utf-32", false, true);

  private final boolean bigEndian;
  private final boolean byteOrderMark;

  private Utf32(String name, boolean bigEndian, boolean byteOrderMark) {
    super(name);
    this.bigEndian = bigEndian;
    this.byteOrderMark = byteOrderMark;
  }

  @Override
  void writeSignature(ByteSink out) {
    if (byteOrderMark) {
      out.writeLittleEndian(0xFEFF, 4);
    }
  }

  @Override
  String decode(byte[] in, ErrorHandler errors) throws CodecError {
    if (!byteOrderMark) {
      return decodeFrom(in, 0, errors);
    }
    long mark = in.length >= 4 ? LE.unit(in, 0) : 0;
    return mark == 0xFFFE0000L
        ? BE.decodeFrom(in, 4, errors)
        : LE.decodeFrom(in, mark == 0xFEFF ? 4 : 0, errors);
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
      } else if (bigEndian) {
        out.writeBigEndian(cp, 4);
      } else {
        out.writeLittleEndian(cp, 4);
      }
    }
    return text.length;
  }

  /** The unsigned 32-bit unit at {@code at}. */
  private long unit(byte[] in, int at) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = value << 8 | in[bigEndian ? at + i : at + 3 - i] & 0xFF;
    }
    return value;
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    int q = from;
    while (in.length - q >= 4) {
      long ch = unit(in, q);
      if (ch >= 0xD800 && ch <= 0xDFFF) {
        return failure.at(q, q + 4, "code point in surrogate code point range(0xd800, 0xe000)");
      } else if (ch >= 0x110000) {
        return failure.at(q, q + 4, "code point not in range(0x110000)");
      }
      out.appendCodePoint((int) ch);
      q += 4;
    }
    return q == in.length ? q : failure.at(q, in.length, "truncated data");
  }
}
