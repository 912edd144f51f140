package dev.sockshell.repl;

import dev.sockshell.i18n.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a script's bytes, each decoded as UTF-8 on its own and strictly. A Reader would
 * either put U+FFFD in place of a byte that is not UTF-8 (and {@code send} would put those bytes on
 * the wire) or fail a whole buffer ahead, before the good lines that come first had run, with no
 * line to point at. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as readLine's do.
 */
final class Utf8Lines {

  /** A line that is not UTF-8, e.g. a script saved as GBK: where, and which byte. */
  static final class NotUtf8 extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    NotUtf8(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The line's number, from 1. */
    int line() {
      return line;
    }
  }

  /** A file that cannot be a script: binary (it holds a NUL byte), or UTF-16 text. */
  static final class NotAScript extends IOException {
    private static final long serialVersionUID = 1L;

    NotAScript(String message) {
      super(message);
    }
  }

  /** How much of a file {@link #checkIsText} looks at, as git and grep do to tell binary files. */
  private static final int SNIFFED = 8192;

  private final InputStream in;

  /**
   * Bytes read ahead, {@code position} to {@code limit}: a script's lines are found in blocks, not
   * by a synchronized read() per byte.
   */
  private final byte[] buffer = new byte[SNIFFED];

  private int position;
  private int limit;

  /** The last line ended at a {@code \r}: a {@code \n} right after it belongs to that line end. */
  private boolean afterCarriageReturn;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** Line {@code number}, or null at the end of the input. */
  String next(int number) throws IOException {
    if (afterCarriageReturn) {
      afterCarriageReturn = false;
      if (fill() && buffer[position] == '\n') {
        position++;
      }
    }
    if (!fill()) {
      return null;
    }
    ByteArrayOutputStream longer = null; // a line that goes on past the bytes read so far
    while (true) {
      int start = position;
      boolean ascii = true;
      int i = start;
      while (i < limit && buffer[i] != '\n' && buffer[i] != '\r') {
        ascii &= buffer[i] >= 0;
        i++;
      }
      boolean ended = i < limit;
      position = ended ? i + 1 : i;
      afterCarriageReturn = ended && buffer[i] == '\r';
      if (longer == null && ended && ascii) {
        return new String(buffer, start, i - start, StandardCharsets.ISO_8859_1); // ASCII
      }
      if (longer == null) {
        longer = new ByteArrayOutputStream();
      }
      longer.write(buffer, start, i - start);
      if (ended || !fill()) {
        return decode(longer.toByteArray(), number);
      }
    }
  }

  /** True if bytes are waiting at {@code position}, reading more when none are; false at EOF. */
  private boolean fill() throws IOException {
    if (position < limit) {
      return true;
    }
    int n = in.read(buffer, 0, buffer.length);
    position = 0;
    limit = Math.max(n, 0);
    return n > 0;
  }

  void close() throws IOException {
    in.close();
  }

  /**
   * Fails if the start of {@code in} (what one read returns, so a pipe is not waited on) shows it
   * is no script: a NUL byte, which text never holds and binary files always do, or UTF-16's byte
   * order mark. Python refuses such a file too ("source code cannot contain null bytes"). Reads
   * nothing: {@code in} must support mark.
   */
  static void checkIsText(InputStream in) throws IOException {
    byte[] head = new byte[SNIFFED];
    in.mark(SNIFFED);
    int n = Math.max(0, in.read(head));
    in.reset();
    if (isUtf16ByteOrderMark(head)) {
      throw new NotAScript(Text.get("script.utf16"));
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new NotAScript(Text.get("script.binary"));
      }
    }
  }

  private static boolean isUtf16ByteOrderMark(byte[] bytes) {
    return bytes.length >= 2
        && ((bytes[0] == (byte) 0xff && bytes[1] == (byte) 0xfe)
            || (bytes[0] == (byte) 0xfe && bytes[1] == (byte) 0xff));
  }

  private static String decode(byte[] bytes, int number) throws NotUtf8 {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      return strict.decode(buffer).toString();
    } catch (CharacterCodingException e) {
      // The decoder stops at the first byte that does not fit; the column counts characters.
      if (number == 1 && isUtf16ByteOrderMark(bytes)) {
        // What Windows Notepad calls "Unicode".
        throw new NotUtf8(number, Text.get("script.utf16"));
      }
      int bad = buffer.position();
      int column = new String(bytes, 0, bad, StandardCharsets.UTF_8).length() + 1;
      throw new NotUtf8(
          number, Text.get("script.not.utf8", String.format("%02x", bytes[bad] & 0xff), column));
    }
  }
}
