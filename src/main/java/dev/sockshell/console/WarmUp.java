package dev.sockshell.console;

import dev.sockshell.repl.Shell;
import org.jline.reader.LineReader;

/**
 * Makes JLine's built-in widgets ({@link DeferredWidgets}) and builds the command table while the
 * first prompt waits for a key: the prompt does not need them, the first key typed does (editing,
 * highlighting, completion). Started only once the line reader exists, because a second thread
 * loading classes from the jar while the terminal and the reader are built delays the prompt
 * instead (measured: 235 ms against 205 ms to the prompt). Then it sets up {@link IdleMemory},
 * whose management classes the prompt need not wait for either.
 */
final class WarmUp implements Runnable {
  private final ReflowingLineReader reader;
  private final Shell shell;

  private WarmUp(ReflowingLineReader reader, Shell shell) {
    this.reader = reader;
    this.shell = shell;
  }

  /** Starts the warm-up when {@code reader} first starts reading a line (then waits for keys). */
  static void whenFirstPrompting(ReflowingLineReader reader, Shell shell) {
    reader
        .getWidgets()
        .put(
            LineReader.CALLBACK_INIT,
            () -> {
              reader.getWidgets().remove(LineReader.CALLBACK_INIT);
              Thread thread = new Thread(new WarmUp(reader, shell), "sockshell-warm-up");
              thread.setDaemon(true);
              thread.start();
              return true;
            });
  }

  @Override
  public void run() {
    reader.makeWidgets();
    shell.commands().warmUp();
    IdleMemory.giveBackWhenIdle();
  }
}
