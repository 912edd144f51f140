package dev.sockshell.codecs;

import java.util.Arrays;

/**
 * Python's utf-8-sig: UTF-8 after a byte order mark (EF BB BF), written always and skipped when
 * decoding if there. As in encodings/utf_8_sig.py, a decode error counts its position after the
 * mark and names 'utf-8'.
 */
final class Utf8Sig extends Utf8 {
  Utf8Sig() {
    super("utf-8-sig");
  }

  @Override
  void writeSignature(ByteSink out) {
    out.write(0xEF);
    out.write(0xBB);
    out.write(0xBF);
  }

  @Override
  String decode(byte[] in, ErrorHandler errors) throws CodecError {
    boolean signed =
        in.length >= 3
            && (in[0] & 0xFF) == 0xEF
            && (in[1] & 0xFF) == 0xBB
            && (in[2] & 0xFF) == 0xBF;
    return decodeFrom(signed ? Arrays.copyOfRange(in, 3, in.length) : in, 0, errors);
  }
}
