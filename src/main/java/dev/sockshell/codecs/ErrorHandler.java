package dev.sockshell.codecs;

import java.util.Locale;

/**
 * Python's codec error handlers ({@code errors='replace'}...): what an encoder writes, or a decoder
 * returns, for the part it could not do, and where it goes on. Python looks a handler up only when
 * an error happens, so an unknown name fails then, not before.
 */
final class ErrorHandler {
  private enum Mode {
    STRICT,
    IGNORE,
    REPLACE,
    BACKSLASHREPLACE,
    XMLCHARREFREPLACE,
    SURROGATEESCAPE,
    /** Not Python's: every undecodable byte becomes U+DC00+byte, for {@code decodeEscaped}. */
    ESCAPE_ALL
  }

  /** The handlers this package has, as Python names them. */
  static final String SUPPORTED =
      "strict, ignore, replace, backslashreplace, xmlcharrefreplace and surrogateescape";

  static final ErrorHandler STRICT = new ErrorHandler("strict", Mode.STRICT);
  static final ErrorHandler ESCAPE_ALL = new ErrorHandler("", Mode.ESCAPE_ALL);

  private final String name;
  private final Mode mode;

  private ErrorHandler(String name, Mode mode) {
    this.name = name;
    this.mode = mode;
  }

  /** The handler called {@code name} (null is 'strict'), or one that fails when first needed. */
  static ErrorHandler named(String name) {
    if (name == null || name.equals("strict")) {
      return STRICT;
    }
    for (Mode mode : Mode.values()) {
      if (mode != Mode.ESCAPE_ALL && mode.name().toLowerCase(Locale.ROOT).equals(name)) {
        return new ErrorHandler(name, mode);
      }
    }
    return new ErrorHandler(name, null);
  }

  /**
   * Handles {@code text[start:failure.end]}, which {@code codec} cannot encode: writes what the
   * handler puts in its place and returns where encoding goes on, or raises.
   */
  int onEncodeError(PyCodec codec, int[] text, int start, PyCodec.Failure failure, ByteSink out)
      throws CodecError {
    int end = failure.end;
    String replacement;
    switch (mode()) {
      case IGNORE:
        return end;
      case REPLACE:
        replacement = "?".repeat(end - start);
        break;
      case BACKSLASHREPLACE:
      case ESCAPE_ALL:
        replacement = backslashed(text, start, end);
        break;
      case XMLCHARREFREPLACE:
        StringBuilder refs = new StringBuilder();
        for (int i = start; i < end; i++) {
          refs.append("&#").append(text[i]).append(';');
        }
        replacement = refs.toString();
        break;
      case SURROGATEESCAPE:
        return escapeSurrogates(codec, text, start, failure, out);
      default:
        throw CodecError.encode(codec.encodeErrorName(), text, start, end, failure.reason);
    }
    if (!codec.encodeReplacement(replacement, out)) {
      throw CodecError.encode(codec.encodeErrorName(), text, start, end, failure.reason);
    }
    return end;
  }

  /** {@code surrogateescape}: U+DC80..U+DCFF are the bytes 0x80..0xFF a decoder escaped. */
  private static int escapeSurrogates(
      PyCodec codec, int[] text, int start, PyCodec.Failure failure, ByteSink out)
      throws CodecError {
    int end = failure.end;
    int escapable = start;
    while (escapable < end && text[escapable] >= 0xDC80 && text[escapable] <= 0xDCFF) {
      escapable++;
    }
    if (codec.escapesRunPrefix()) {
      writeEscaped(text, start, escapable, out);
      if (escapable < end) {
        throw CodecError.encode(codec.encodeErrorName(), text, escapable, end, failure.reason);
      }
      return end;
    }
    if (escapable < end || !codec.takesRawBytes()) {
      throw CodecError.encode(codec.encodeErrorName(), text, start, end, failure.reason);
    }
    writeEscaped(text, start, end, out);
    return end;
  }

  private static void writeEscaped(int[] text, int from, int to, ByteSink out) {
    for (int i = from; i < to; i++) {
      out.write(text[i] - 0xDC00);
    }
  }

  /**
   * Handles {@code in[start:failure.end]}, which {@code codec} cannot decode: appends what the
   * handler puts in its place and returns where decoding goes on, or raises.
   */
  int onDecodeError(PyCodec codec, byte[] in, int start, PyCodec.Failure failure, StringBuilder out)
      throws CodecError {
    int end = failure.end;
    switch (mode()) {
      case IGNORE:
        return end;
      case REPLACE:
        out.append('\uFFFD');
        return end;
      case BACKSLASHREPLACE:
        for (int i = start; i < end; i++) {
          out.append(String.format(Locale.ROOT, "\\x%02x", in[i] & 0xff));
        }
        return end;
      case ESCAPE_ALL:
        for (int i = start; i < end; i++) {
          out.append((char) (0xDC00 | (in[i] & 0xff)));
        }
        return end;
      case XMLCHARREFREPLACE:
        throw CodecError.of(
            "TypeError", "don't know how to handle UnicodeDecodeError in error callback");
      case SURROGATEESCAPE:
        // Python's handler escapes at most 4 bytes, none below 0x80, and goes on after them.
        int escaped = start;
        while (escaped < end && escaped - start < 4 && (in[escaped] & 0xff) >= 0x80) {
          out.append((char) (0xDC00 | (in[escaped++] & 0xff)));
        }
        if (escaped > start) {
          return escaped;
        }
        throw CodecError.decode(codec.decodeErrorName(), in, start, end, failure.reason);
      default:
        throw CodecError.decode(codec.decodeErrorName(), in, start, end, failure.reason);
    }
  }

  /** The mode, or the LookupError Python raises for a handler it does not know. */
  private Mode mode() throws CodecError {
    if (mode != null) {
      return mode;
    }
    if (name.equals("namereplace") || name.equals("surrogatepass")) {
      throw CodecError.lookup(
          "sockshell has no '" + name + "' error handler yet; it has " + SUPPORTED);
    }
    throw CodecError.lookup("unknown error handler name '" + name + "'");
  }

  private static String backslashed(int[] text, int start, int end) {
    StringBuilder sb = new StringBuilder();
    for (int i = start; i < end; i++) {
      int cp = text[i];
      sb.append(
          cp <= 0xff
              ? String.format(Locale.ROOT, "\\x%02x", cp)
              : cp <= 0xffff
                  ? String.format(Locale.ROOT, "\\u%04x", cp)
                  : String.format(Locale.ROOT, "\\U%08x", cp));
    }
    return sb.toString();
  }
}
