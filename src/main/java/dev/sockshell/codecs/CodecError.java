package dev.sockshell.codecs;

import dev.sockshell.bytes.ByteString;
import java.util.Locale;

/**
 * What Python raises when a codec fails: the class name ({@code UnicodeEncodeError}, {@code
 * UnicodeDecodeError}, {@code LookupError}, {@code ValueError}, {@code TypeError}) and {@code
 * str(e)}, word for word. A Unicode error also carries the attributes Python gives it: {@code
 * encoding}, {@code object}, {@code start}, {@code end} (code points of the text, or bytes) and
 * {@code reason}.
 */
public final class CodecError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String pythonClass;
  private final String encoding;
  private final transient Object object;
  private final int start;
  private final int end;
  private final String reason;

  private CodecError(
      String pythonClass,
      String message,
      String encoding,
      Object object,
      int start,
      int end,
      String reason) {
    super(message, null, false, false);
    this.pythonClass = pythonClass;
    this.encoding = encoding;
    this.object = object;
    this.start = start;
    this.end = end;
    this.reason = reason;
  }

  static CodecError lookup(String message) {
    return new CodecError("LookupError", message, null, null, -1, -1, null);
  }

  static CodecError of(String pythonClass, String message) {
    return new CodecError(pythonClass, message, null, null, -1, -1, null);
  }

  /** {@code text[start:end]} cannot be encoded by {@code encoding}; positions are code points. */
  static CodecError encode(String encoding, int[] text, int start, int end, String reason) {
    String message;
    if (end == start + 1) {
      int cp = text[start];
      String escape =
          cp <= 0xff
              ? String.format(Locale.ROOT, "\\x%02x", cp)
              : cp <= 0xffff
                  ? String.format(Locale.ROOT, "\\u%04x", cp)
                  : String.format(Locale.ROOT, "\\U%08x", cp);
      message =
          "'" + encoding + "' codec can't encode character '" + escape + "' in position " + start;
    } else {
      message =
          "'" + encoding + "' codec can't encode characters in position " + start + "-" + (end - 1);
    }
    return new CodecError(
        "UnicodeEncodeError",
        message + ": " + reason,
        encoding,
        new String(text, 0, text.length),
        start,
        end,
        reason);
  }

  /** {@code bytes[start:end]} cannot be decoded by {@code encoding}. */
  static CodecError decode(String encoding, byte[] bytes, int start, int end, String reason) {
    String message =
        end == start + 1
            ? String.format(
                Locale.ROOT,
                "'%s' codec can't decode byte 0x%02x in position %d",
                encoding,
                bytes[start] & 0xff,
                start)
            : "'" + encoding + "' codec can't decode bytes in position " + start + "-" + (end - 1);
    return new CodecError(
        "UnicodeDecodeError",
        message + ": " + reason,
        encoding,
        ByteString.of(bytes),
        start,
        end,
        reason);
  }

  /** Python's exception class, e.g. {@code UnicodeEncodeError}. */
  public String pythonClass() {
    return pythonClass;
  }

  /** {@code e.encoding}: the codec's name as its messages give it, or null for other errors. */
  public String encoding() {
    return encoding;
  }

  /** {@code e.object} of a UnicodeEncodeError: the text being encoded; else null. */
  public String text() {
    return object instanceof String s ? s : null;
  }

  /** {@code e.object} of a UnicodeDecodeError: the bytes being decoded; else null. */
  public ByteString bytes() {
    return object instanceof ByteString b ? b : null;
  }

  /** {@code e.start}, or -1 for errors other than Unicode errors. */
  public int start() {
    return start;
  }

  /** {@code e.end}, or -1 for errors other than Unicode errors. */
  public int end() {
    return end;
  }

  /** {@code e.reason}, e.g. {@code illegal multibyte sequence}; null for other errors. */
  public String reason() {
    return reason;
  }

  /** As Python prints it: {@code UnicodeEncodeError: 'ascii' codec can't encode ...}. */
  @Override
  public String toString() {
    return pythonClass + ": " + getMessage();
  }
}
