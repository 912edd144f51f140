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

  public PlainOutput(Writer writer) {
    this.writer = writer instanceof PrintWriter pw ? pw : new PrintWriter(writer, false);
  }

  /** Writes UTF-8 to {@code stream}. */
  public PlainOutput(OutputStream stream) {
    this(new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false));
  }

  @Override
  public void println(Styled line) {
    // Span by span: a script prints a line per command, and joining them first doubled the copying.
    for (Styled.Span span : line.spans()) {
      writer.write(Printable.controlsEscaped(span.text()));
    }
    writer.write('\n');
  }

  @Override
  public void flush() {
    writer.flush();
  }
}
