package dev.sockshell.render;

import dev.sockshell.bytes.Printable;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Output without colour, to a stream or file, buffered until {@link #flush}. */
public final class PlainOutput implements Output {
  private final PrintWriter writer;

  /** False only for a Python program's output to a pipe or file, which Python writes as is. */
  private final boolean escaped;

  public PlainOutput(Writer writer) {
    this(writer, true);
  }

  private PlainOutput(Writer writer, boolean escaped) {
    this.writer = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer, false);
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

  /** Writes UTF-8 to {@code stream}. */
  public PlainOutput(OutputStream stream) {
    this(new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false));
  }

  @Override
  public void println(Styled line) {
    // Span by span: a script prints a line per command, and joining them first doubled the copying.
    for (Styled.Span span : line.spans()) {
      writer.write(escaped ? Printable.controlsEscaped(span.text()) : span.text());
    }
    writer.write('\n');
  }

  @Override
  public void flush() {
    writer.flush();
  }
}
