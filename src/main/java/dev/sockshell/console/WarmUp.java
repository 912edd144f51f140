package dev.sockshell.console;

import dev.sockshell.repl.Shell;
import org.jline.reader.LineReader;

/**
 * Builds the command table while the first prompt waits for a key: the prompt does not need it, the
 * first key typed does (highlighting, completion). Started only once the line reader exists,
 * because a second thread loading classes from the jar while the terminal and the reader are built
 * delays the prompt instead (measured: 235 ms against 205 ms to the prompt). Then it sets up {@link
 * IdleMemory}, whose management classes the prompt need not wait for either.
 */
final class WarmUp implements Runnable {
  private final Shell shell;

  private WarmUp(Shell shell) {
    this.shell = shell;
  }

  /** Starts the warm-up when {@code reader} first starts reading a line (then waits for keys). */
  static void whenFirstPrompting(LineReader reader, Shell shell) {
    reader
        .getWidgets()
        .put(
            LineReader.CALLBACK_INIT,
            () -> {
              reader.getWidgets().remove(LineReader.CALLBACK_INIT);
              Thread thread = new Thread(new WarmUp(shell), "sockshell-warm-up");
              thread.setDaemon(true);
              thread.start();
              return true;
            });
  }

  @Override
  public void run() {
    shell.commands().warmUp();
    IdleMemory.giveBackWhenIdle();
  }
}
