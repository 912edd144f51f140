package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;

/**
 * Text through the session's encoding, Python's codec, and its errors as the Python exceptions they
 * are. Apart from Eval so that a script that sends no text loads no codec class.
 */
final class SessionText {
  private SessionText() {}

  /**
   * {@code text.encode(encoding)}: a character the codec cannot write is Python's
   * UnicodeEncodeError, where Java would silently send {@code ?} in its place.
   */
  static ByteString encode(String text, PyCodec encoding) throws SocketError {
    try {
      return encoding.encode(text, "strict");
    } catch (CodecError e) {
      throw error(e).withHint(Text.get("encoding.hint.encode", encoding.name()));
    }
  }

  /** A codec's error as the Python exception it is. */
  static SocketError error(CodecError e) {
    return SocketError.python(
        PyException.byName(e.pythonClass()).orElse(PyException.UnicodeError), e.getMessage());
  }
}
