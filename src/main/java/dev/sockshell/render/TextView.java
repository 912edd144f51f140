package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Received bytes as text, for {@code /set display text}: decoded with the session's encoding and
 * shown as Python shows {@code data.decode(encoding, 'backslashreplace')}: a quoted str with
 * control characters escaped, and every byte that does not decode as {@code \xNN}. Nothing from the
 * network reaches the terminal raw.
 */
public final class TextView {
  private TextView() {}

  public static String of(ByteString bytes, Charset charset) {
    return Repr.quoted(decode(bytes, charset), true);
  }

  /** Decodes, mapping each undecodable byte B to the lone surrogate U+DC00+B. */
  static String decode(ByteString bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = bytes.asByteBuffer();
    CharBuffer out = CharBuffer.allocate(Math.max(16, 2 * in.remaining()));
    StringBuilder text = new StringBuilder(in.remaining());
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      text.append(out.flip());
      out.clear();
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          text.append((char) (0xDC00 | (in.get() & 0xff)));
        }
      } else if (result.isUnderflow()) {
        decoder.flush(out);
        return text.append(out.flip()).toString();
      }
    }
  }
}
