package dev.sockshell.console;

import dev.sockshell.Options;
import dev.sockshell.Version;
import dev.sockshell.net.Session;
import dev.sockshell.repl.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive console: a JLine line reader feeding the shell's loop. */
public final class Console {
  private Console() {}

  /** Runs the console on the system terminal until /exit or Ctrl-D; returns the exit status. */
  public static int run(Options options) {
    return run(options, null);
  }

  /**
   * Runs the console on {@code shell}, which may have run scripts already ({@code -i}): the same
   * sockets, values and settings; from now on it prints to the terminal. The caller closes it. With
   * a null shell, the console has a session of its own.
   */
  public static int run(Options options, Shell shell) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).dumb(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (terminal) {
      TerminalOutput out = new TerminalOutput(terminal, Colors.enabled(terminal, options));
      if (shell != null) {
        shell.setOutput(out);
        interact(terminal, out, shell);
      } else {
        try (Shell own = new Shell(new Session(), out, Path.of("").toAbsolutePath())) {
          interact(terminal, out, own);
        }
      }
    } catch (IOException e) {
      return 0; // closing the terminal failed: nothing left to do
    }
    return 0;
  }

  private static void interact(Terminal terminal, TerminalOutput out, Shell shell) {
    // While a command runs the terminal is in cooked mode, so Ctrl-C arrives as SIGINT:
    // cancel the running call only. At the prompt JLine reads it as a key instead.
    terminal.handle(Terminal.Signal.INT, signal -> shell.interrupt());
    LineReader reader = reader(terminal);
    out.println(
        "sockshell "
            + Version.text()
            + " | socket programming one call at a time | /help lists commands, Ctrl-D leaves");
    try (EventPrinter events = new EventPrinter(shell, reader, out)) {
      shell.run(new ConsoleSource(reader, out, events));
    }
  }

  static LineReader reader(Terminal terminal) {
    DefaultParser parser = new DefaultParser();
    // We tokenize lines ourselves; JLine must hand them over untouched ("\r\n" stays "\r\n").
    parser.setEscapeChars(new char[0]);
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("sockshell")
        .parser(parser)
        .variable(LineReader.HISTORY_FILE, History.file())
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }
}
