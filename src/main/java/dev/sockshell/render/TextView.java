package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.PyCodec;

/**
 * Received bytes as text, for {@code /set display text}: decoded with the session's encoding
 * (Python's codec) and shown as Python shows {@code data.decode(encoding, 'backslashreplace')}: a
 * quoted str with control characters escaped, and every byte that does not decode as {@code \xNN}.
 * Nothing from the network reaches the terminal raw.
 */
public final class TextView {
  private TextView() {}

  public static String of(ByteString bytes, PyCodec encoding) {
    // Each byte that does not decode comes back as the lone surrogate U+DC00+byte: \xNN in repr.
    return Repr.quoted(encoding.decodeEscaped(bytes), true);
  }
}
