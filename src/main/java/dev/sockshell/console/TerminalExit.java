package dev.sockshell.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.utils.Signals;

/**
 * Leaves the terminal as it was found, on every way out. When the console ends (Ctrl-D, /exit, an
 * exception), closing this puts the saved {@link TtySettings} back once JLine has closed the
 * terminal.
 *
 * <p>SIGTERM and SIGHUP end the console here instead of in the JVM's shutdown, where JLine's own
 * shutdown task closes the terminal: the thread reading keys then wakes up and changes the
 * terminal's settings again, whatever was restored before. So the line being edited is ended as
 * Enter would end it (its faint hint erased, keypad and cursor keys back in normal mode), the
 * settings are put back, and the JVM halts with the status a shell gives that signal (143, 129).
 * The OS closes the sockets, as at any exit.
 */
final class TerminalExit implements AutoCloseable {
  /** The signals that end the console, with their numbers (the same on every POSIX system). */
  private static final Map<String, Integer> ENDING = Map.of("TERM", 15, "HUP", 1);

  private final TtySettings tty = TtySettings.save();
  private final List<Runnable> unregister = new ArrayList<>();

  private TerminalExit() {}

  /** Call before the terminal opens, while its settings are still the user's own. */
  static TerminalExit beforeTerminalOpens() {
    return new TerminalExit();
  }

  /** From now on SIGTERM and SIGHUP end {@code reader}'s line and leave the terminal as found. */
  void watch(ReflowingLineReader reader) {
    ENDING.forEach(
        (name, number) -> {
          Object previous =
              Signals.register(
                  name,
                  () -> {
                    reader.endLineOnTheWayOut();
                    tty.restore();
                    Runtime.getRuntime().halt(128 + number);
                  });
          unregister.add(() -> Signals.unregister(name, previous));
        });
  }

  @Override
  public void close() {
    unregister.forEach(Runnable::run);
    tty.restore();
  }
}
