package dev.sockshell.console;

import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.Signals;

/**
 * Ctrl-C while a command runs: cancels only that call, and keeps the screen tidy. (At the prompt
 * JLine reads Ctrl-C as a key; {@link ConsoleSource} answers it.)
 */
final class CtrlC {
  private final Object nativeHandler;
  private final Runnable cancel;

  private CtrlC(Object nativeHandler, Runnable cancel) {
    this.nativeHandler = nativeHandler;
    this.cancel = cancel;
  }

  /**
   * While a command runs the terminal is in cooked mode, so Ctrl-C arrives as SIGINT: {@code
   * cancel} runs, and the KeyboardInterrupt line that follows starts on a clean line.
   */
  static CtrlC install(Terminal terminal, Runnable cancel) {
    whileCommandsRun(terminal);
    // JLine's emulated terminals (ssh, tests) echo "^C" whatever ECHOCTL says: end that line.
    boolean echoes = terminal instanceof LineDisciplineTerminal;
    terminal.handle(
        Terminal.Signal.INT,
        signal -> {
          if (echoes) {
            endLine(terminal);
          } else {
            eraseTypeahead(terminal);
          }
          cancel.run();
        });
    // JLine's dumb terminal (TERM=dumb) hooks no signals and the tty stays cooked with its own
    // echo, so Ctrl-C would kill the JVM: forward SIGINT to the terminal, after ending the line
    // the tty's "^C" is on. This also reaches JLine's own handler at the prompt.
    Object nativeHandler =
        terminal instanceof DumbTerminal
            ? Signals.register(
                "INT",
                () -> {
                  endLine(terminal);
                  terminal.raise(Terminal.Signal.INT);
                })
            : null;
    return new CtrlC(nativeHandler, cancel);
  }

  /**
   * Once Enter accepts a line, Ctrl-C is for its command, however soon it comes: {@code forget}
   * (which drops a Ctrl-C not acted on) runs at accept-line, while JLine still reads Ctrl-C as a
   * key. Any SIGINT before it was pressed before the line was typed (the prompt was about to show);
   * any after it reaches {@code cancel}, or {@link #takeFromLineReader}. Forgetting it when the
   * command starts instead lost a Ctrl-C pressed right after Enter: the command then waited for
   * ever.
   */
  void forgetAtAcceptLine(LineReader reader, Runnable forget) {
    reader
        .getWidgets()
        .put(
            LineReader.CALLBACK_FINISH,
            () -> {
              forget.run();
              return true;
            });
  }

  /**
   * Called once the line reader has returned. A SIGINT while JLine puts the terminal back after
   * accept-line reaches JLine's stand-in handler, which leaves the reading thread interrupted; on
   * that thread every selector wait would return at once (a busy loop) and the next file channel
   * used would be closed. It is a Ctrl-C for the command just typed: cancel that instead.
   */
  void takeFromLineReader() {
    if (Thread.interrupted()) {
      cancel.run();
    }
  }

  /**
   * The terminal's settings while a command runs (cooked mode: JLine keeps these attributes between
   * lines, and restores the user's own when the terminal closes). Without ECHOCTL a tty does not
   * echo "^C" when Ctrl-C cancels a running call, so the KeyboardInterrupt line starts clean
   * instead of after "^C". Without ECHO the keys typed ahead while a call waits stay off the screen
   * instead of running into its output ({@code send cli abcTimeoutError: timed out}): the kernel
   * keeps them, and the next prompt shows them as typed.
   */
  private static void whileCommandsRun(Terminal terminal) {
    Attributes attributes = terminal.getAttributes();
    attributes.setLocalFlag(Attributes.LocalFlag.ECHOCTL, false);
    attributes.setLocalFlag(Attributes.LocalFlag.ECHO, false);
    // Ctrl-\ (SIGQUIT) would make the JVM print every thread's stack over the console; no key
    // raises it (0 is _POSIX_VDISABLE). jstack still gets the same dump on purpose.
    attributes.setControlChar(Attributes.ControlChar.VQUIT, 0);
    terminal.setAttributes(attributes);
  }

  /**
   * Ctrl-C has just discarded the keys typed while the call ran (the tty flushes its input on
   * SIGINT). Where the tty still echoed them (a dumb terminal, whose tty JLine leaves as it is),
   * clear what they left on the line, so the KeyboardInterrupt line starts at the left margin.
   */
  private static void eraseTypeahead(Terminal terminal) {
    terminal.puts(Capability.carriage_return);
    terminal.puts(Capability.clr_eol);
    terminal.flush();
  }

  private static void endLine(Terminal terminal) {
    terminal.writer().println();
    terminal.writer().flush();
  }

  /** Restores the JVM's own SIGINT handler, if the dumb terminal needed ours. */
  void uninstall() {
    if (nativeHandler != null) {
      Signals.unregister("INT", nativeHandler);
    }
  }
}
