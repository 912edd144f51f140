package dev.sockshell.codecs;

/**
 * Python's ascii and latin-1: one byte a character, below 128 or 256. As in CPython's
 * unicode_encode_ucs1, a run of characters out of range is one error.
 */
final class Ucs1 extends PyCodec {
  static final Ucs1 ASCII = new Ucs1("ascii", "ascii", 0x80);
  static final Ucs1 LATIN_1 = new Ucs1("iso8859-1", "latin-1", 0x100);

  private final String errorName;
  private final int limit;
  private final String reason;

  private Ucs1(String name, String errorName, int limit) {
    super(name);
    this.errorName = errorName;
    this.limit = limit;
    this.reason = "ordinal not in range(" + limit + ")";
  }

  @Override
  String encodeErrorName() {
    return errorName;
  }

  @Override
  String decodeErrorName() {
    return errorName;
  }

  @Override
  boolean escapesRunPrefix() {
    return true;
  }

  @Override
  int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    for (int i = from; i < text.length; i++) {
      if (text[i] >= limit) {
        int end = i + 1;
        while (end < text.length && text[end] >= limit) {
          end++;
        }
        return failure.at(i, end, reason);
      }
      out.write(text[i]);
    }
    return text.length;
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    for (int i = from; i < in.length; i++) {
      int b = in[i] & 0xFF;
      if (b >= limit) {
        return failure.at(i, i + 1, reason);
      }
      out.append((char) b);
    }
    return in.length;
  }
}
