package dev.sockshell.console;

import dev.sockshell.bytes.Printable;
import dev.sockshell.render.Output;
import dev.sockshell.render.Styled;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;

/** Output to the terminal, coloured when the terminal can show colour. */
final class TerminalOutput implements Output {
  private final Terminal terminal;
  private final PrintWriter writer;
  private final boolean color;

  TerminalOutput(Terminal terminal, boolean color) {
    this.terminal = terminal;
    this.writer = terminal.writer();
    this.color = color;
  }

  /** The line as the terminal should get it: with ANSI colours, or plain. */
  String render(Styled line) {
    if (!color) {
      return Printable.controlsEscaped(line.text());
    }
    StringBuilder sb = new StringBuilder();
    for (Styled.Span span : line.spans()) {
      sb.append(Colors.paint(span.style(), Printable.controlsEscaped(span.text())));
    }
    return sb.toString();
  }

  @Override
  public void println(Styled line) {
    writer.println(render(line));
    writer.flush();
  }

  @Override
  public void flush() {
    writer.flush();
  }

  /** The window's width now (it may have been resized); 0 where the terminal cannot tell. */
  @Override
  public int width() {
    return Math.max(terminal.getWidth(), 0);
  }

  /** Box drawing needs a terminal that takes UTF-8 (a POSIX locale's does not). */
  @Override
  public boolean unicode() {
    String encoding = terminal.encoding() == null ? "" : terminal.encoding().name();
    return encoding.toUpperCase(java.util.Locale.ROOT).startsWith("UTF") && Output.super.unicode();
  }
}
