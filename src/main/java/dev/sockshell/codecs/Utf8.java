package dev.sockshell.codecs;

/**
 * Python's UTF-8: surrogates are not encoded (a run of them is one error), and the decoder rejects
 * overlong forms, surrogates and code points past U+10FFFF with CPython's reasons and error spans
 * (the "maximal subpart" of an ill-formed sequence is one error), as in its stringlib/codecs.h.
 */
class Utf8 extends PyCodec {
  private static final String INVALID_START = "invalid start byte";
  private static final String INVALID_CONTINUATION = "invalid continuation byte";
  private static final String UNEXPECTED_END = "unexpected end of data";

  Utf8(String name) {
    super(name);
  }

  @Override
  String encodeErrorName() {
    return "utf-8";
  }

  @Override
  String decodeErrorName() {
    return "utf-8";
  }

  @Override
  boolean escapesRunPrefix() {
    return true;
  }

  @Override
  int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    for (int i = from; i < text.length; i++) {
      int cp = text[i];
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xC0 | cp >> 6);
        out.write(0x80 | cp & 0x3F);
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        int end = i + 1;
        while (end < text.length && text[end] >= 0xD800 && text[end] <= 0xDFFF) {
          end++;
        }
        return failure.at(i, end, "surrogates not allowed");
      } else if (cp < 0x10000) {
        out.write(0xE0 | cp >> 12);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      } else {
        out.write(0xF0 | cp >> 18);
        out.write(0x80 | cp >> 12 & 0x3F);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      }
    }
    return text.length;
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    int end = in.length;
    int s = from;
    while (s < end) {
      int ch = in[s] & 0xFF;
      int left = end - s;
      if (ch < 0x80) {
        out.append((char) ch);
        s++;
      } else if (ch < 0xC2 || ch > 0xF4) {
        // 0x80..0xBF continue a sequence, 0xC0/0xC1 would be overlong, 0xF5.. past U+10FFFF.
        return failure.at(s, s + 1, INVALID_START);
      } else if (ch < 0xE0) {
        if (left < 2) {
          return failure.at(s, end, UNEXPECTED_END);
        }
        int ch2 = in[s + 1] & 0xFF;
        if (!continuation(ch2)) {
          return failure.at(s, s + 1, INVALID_CONTINUATION);
        }
        out.append((char) ((ch & 0x1F) << 6 | ch2 & 0x3F));
        s += 2;
      } else if (ch < 0xF0) {
        // E0 must be followed by A0..BF (else overlong), ED by 80..9F (else a surrogate).
        int min = ch == 0xE0 ? 0xA0 : 0x80;
        int max = ch == 0xED ? 0x9F : 0xBF;
        if (left < 2) {
          return failure.at(s, end, UNEXPECTED_END);
        } else if (!inRange(in[s + 1], min, max)) {
          return failure.at(s, s + 1, INVALID_CONTINUATION);
        } else if (left < 3) {
          return failure.at(s, end, UNEXPECTED_END);
        } else if (!continuation(in[s + 2] & 0xFF)) {
          return failure.at(s, s + 2, INVALID_CONTINUATION);
        }
        out.append((char) ((ch & 0x0F) << 12 | (in[s + 1] & 0x3F) << 6 | in[s + 2] & 0x3F));
        s += 3;
      } else {
        // F0 must be followed by 90..BF (else overlong), F4 by 80..8F (else past U+10FFFF).
        int min = ch == 0xF0 ? 0x90 : 0x80;
        int max = ch == 0xF4 ? 0x8F : 0xBF;
        if (left < 2) {
          return failure.at(s, end, UNEXPECTED_END);
        } else if (!inRange(in[s + 1], min, max)) {
          return failure.at(s, s + 1, INVALID_CONTINUATION);
        } else if (left < 3) {
          return failure.at(s, end, UNEXPECTED_END);
        } else if (!continuation(in[s + 2] & 0xFF)) {
          return failure.at(s, s + 2, INVALID_CONTINUATION);
        } else if (left < 4) {
          return failure.at(s, end, UNEXPECTED_END);
        } else if (!continuation(in[s + 3] & 0xFF)) {
          return failure.at(s, s + 3, INVALID_CONTINUATION);
        }
        out.appendCodePoint(
            (ch & 0x07) << 18
                | (in[s + 1] & 0x3F) << 12
                | (in[s + 2] & 0x3F) << 6
                | in[s + 3] & 0x3F);
        s += 4;
      }
    }
    return end;
  }

  private static boolean continuation(int b) {
    return (b & 0xC0) == 0x80;
  }

  private static boolean inRange(byte b, int min, int max) {
    int v = b & 0xFF;
    return v >= min && v <= max;
  }
}
