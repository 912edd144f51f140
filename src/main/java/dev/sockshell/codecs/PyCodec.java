package dev.sockshell.codecs;

import dev.sockshell.bytes.ByteString;

/**
 * One of Python's text codecs, as {@code codecs.lookup(name)} finds it: {@link #encode} is {@code
 * str.encode(name, errors)}, {@link #decode} is {@code bytes.decode(name, errors)}, with Python's
 * bytes, text and exceptions. Immutable and safe to share between threads.
 *
 * <p>Text is a Java String read as code points: a lone surrogate is Python's lone surrogate ({@code
 * '\ud800'}), a valid surrogate pair is one code point (Python's {@code '\ud83d\ude00'}, two lone
 * surrogates, cannot be told from {@code '\U0001f600'} in a Java String).
 *
 * <p>A codec is a subclass that says how far it can go before an error ({@link #encodeRun}, {@link
 * #decodeRun}); the error handlers and the messages are the same for all, in {@link ErrorHandler}
 * and {@link CodecError}.
 */
public abstract class PyCodec {
  private final String name;

  PyCodec(String name) {
    this.name = name;
  }

  /** Python's canonical name, {@code codecs.lookup(...).name}: {@code utf-8}, {@code gbk}. */
  public final String name() {
    return name;
  }

  /**
   * {@code text.encode(name, errors)}: {@code errors} is a Python error handler name, null meaning
   * {@code 'strict'}; like Python, an unknown one is only an error when an error happens.
   */
  public ByteString encode(String text, String errors) throws CodecError {
    int[] codePoints = text.codePoints().toArray();
    ByteSink out = new ByteSink(codePoints.length + 8);
    writeSignature(out);
    encode(codePoints, ErrorHandler.named(errors), out);
    return out.toByteString();
  }

  /** {@code bytes.decode(name, errors)}, {@code errors} as for {@link #encode}. */
  public String decode(ByteString bytes, String errors) throws CodecError {
    return decode(bytes.toByteArray(), ErrorHandler.named(errors));
  }

  /**
   * The bytes decoded for showing: every byte that Python's strict decoding would reject becomes
   * the lone surrogate U+DC00+byte (Python's {@code surrogateescape}, here also for bytes below
   * 0x80), so a view can show it as {@code \xNN}. Never fails.
   */
  public String decodeEscaped(ByteString bytes) {
    try {
      return decode(bytes.toByteArray(), ErrorHandler.ESCAPE_ALL);
    } catch (CodecError e) {
      // Only the 'undefined' codec refuses everything: then no byte decodes.
      StringBuilder escaped = new StringBuilder(bytes.size());
      for (int i = 0; i < bytes.size(); i++) {
        escaped.append((char) (0xDC00 | bytes.get(i)));
      }
      return escaped.toString();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  // What a codec implements. Positions are indexes into the code points or bytes.

  /**
   * Encodes {@code text} from {@code from} until the end (returns {@code text.length}) or an error
   * (returns where it starts and tells {@code failure} where it ends and why).
   */
  abstract int encodeRun(int[] text, int from, ByteSink out, Failure failure);

  /** Decodes {@code in} from {@code from}, as {@link #encodeRun} encodes. */
  abstract int decodeRun(byte[] in, int from, StringBuilder out, Failure failure);

  /** The name encode errors give ({@code 'latin-1'}, {@code 'charmap'}): the canonical one. */
  String encodeErrorName() {
    return name;
  }

  /** The name decode errors give. */
  String decodeErrorName() {
    return name;
  }

  /** What every encoding starts with: a byte order mark for utf-16, utf-32 and utf-8-sig. */
  void writeSignature(ByteSink out) {}

  /**
   * Whether {@code surrogateescape} writes the escaped bytes of an error's run up to the first
   * character it cannot escape, and raises from there (CPython's ASCII, Latin-1 and UTF-8
   * encoders), rather than raising for the whole run (its generic handler).
   */
  boolean escapesRunPrefix() {
    return false;
  }

  /** Whether the codec takes the raw bytes {@code surrogateescape} makes (utf-16/32 do not). */
  boolean takesRawBytes() {
    return true;
  }

  /** Decodes all of {@code in}; a codec with a signature or byte order mark looks for it here. */
  String decode(byte[] in, ErrorHandler errors) throws CodecError {
    return decodeFrom(in, 0, errors);
  }

  final String decodeFrom(byte[] in, int from, ErrorHandler errors) throws CodecError {
    StringBuilder out = new StringBuilder(in.length);
    Failure failure = new Failure();
    int pos = from;
    while ((pos = decodeRun(in, pos, out, failure)) < in.length) {
      pos = errors.onDecodeError(this, in, pos, failure, out);
    }
    return out.toString();
  }

  final void encode(int[] text, ErrorHandler errors, ByteSink out) throws CodecError {
    Failure failure = new Failure();
    int pos = 0;
    while ((pos = encodeRun(text, pos, out, failure)) < text.length) {
      pos = errors.onEncodeError(this, text, pos, failure, out);
    }
  }

  /** Writes an error handler's replacement text; false if the codec cannot encode all of it. */
  final boolean encodeReplacement(String replacement, ByteSink out) {
    int[] text = replacement.codePoints().toArray();
    return encodeRun(text, 0, out, new Failure()) == text.length;
  }

  /** Where an error found by a run ends, and Python's reason for it. */
  static final class Failure {
    int end;
    String reason;

    /** Records an error from {@code start} to {@code end}; returns {@code start}. */
    int at(int start, int end, String reason) {
      this.end = end;
      this.reason = reason;
      return start;
    }
  }
}
