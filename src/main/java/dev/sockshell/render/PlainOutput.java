package dev.sockshell.render;

import dev.sockshell.bytes.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Output without colour, to a stream or file, buffered until {@link #flush}. */
public final class PlainOutput implements Output {
  /** Where text goes: a writer, or (null) UTF-8 bytes gathered in {@link #bytes} for a stream. */
  private final PrintWriter writer;

  private final OutputStream stream;
  private final byte[] bytes;
  private int length;

  /** Bytes gathered before they go to the stream: a script prints a line per command. */
  private static final int BUFFER = 1 << 16;

  private static final byte[] NEWLINE = {'\n'};

  /** False only for a Python program's output to a pipe or file, which Python writes as is. */
  private final boolean escaped;

  public PlainOutput(Writer writer) {
    this(writer, true);
  }

  private PlainOutput(Writer writer, boolean escaped) {
    this.writer = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer, false);
    this.stream = null;
    this.bytes = null;
    this.escaped = escaped;
  }

  /**
   * Lines written as they are, control characters included: for a Python program whose output is
   * not a terminal (a pipe, a file), where python3 writes them as they are too.
   */
  public static PlainOutput unescaped(OutputStream stream) {
    return new PlainOutput(
        new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false), false);
  }

  /** Like {@link #unescaped(OutputStream)}. */
  public static PlainOutput unescaped(Writer writer) {
    return new PlainOutput(writer, false);
  }

  /**
   * Writes UTF-8 to {@code stream}. Encoded here, a span at a time ({@link String#getBytes} copies
   * an ASCII string's bytes as they are), rather than through a PrintWriter's lock and an
   * OutputStreamWriter's encoder: a script prints a line per command (an unpaired surrogate becomes
   * '?' either way).
   */
  public PlainOutput(OutputStream stream) {
    this.writer = null;
    this.stream = stream;
    this.bytes = new byte[BUFFER];
    this.escaped = true;
  }

  @Override
  public void println(Styled line) {
    // Span by span: a script prints a line per command, and joining them first doubled the copying.
    // By index: no iterator per line.
    List<Styled.Span> spans = line.spans();
    for (int i = 0; i < spans.size(); i++) {
      String text = spans.get(i).text();
      write(escaped ? Printable.controlsEscaped(text) : text);
    }
    if (writer != null) {
      writer.write('\n');
    } else {
      put(NEWLINE, 1);
    }
  }

  private void write(String text) {
    if (writer != null) {
      writer.write(text);
    } else if (!putAscii(text)) {
      byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
      put(encoded, encoded.length);
    }
  }

  /**
   * Copies ASCII text, which is its own UTF-8, straight into the buffer: no byte array per span (a
   * script's lines are ASCII but for what it sends and receives). False, having written nothing,
   * when the text has another character or does not fit.
   */
  private boolean putAscii(String text) {
    int n = text.length();
    if (n > bytes.length - length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      bytes[length + i] = (byte) c;
    }
    length += n;
    return true;
  }

  private void put(byte[] b, int n) {
    if (n > bytes.length - length) {
      drain();
      if (n > bytes.length) {
        send(b, n);
        return;
      }
    }
    System.arraycopy(b, 0, bytes, length, n);
    length += n;
  }

  private void drain() {
    send(bytes, length);
    length = 0;
  }

  private void send(byte[] b, int n) {
    try {
      stream.write(b, 0, n);
    } catch (IOException e) {
      // As PrintWriter does: output that cannot be written (a closed pipe) stops no script.
    }
  }

  @Override
  public void flush() {
    if (writer != null) {
      writer.flush();
      return;
    }
    drain();
    try {
      stream.flush();
    } catch (IOException e) {
      // As in send.
    }
  }
}
