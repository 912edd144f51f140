package dev.sockshell.console;

import dev.sockshell.repl.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Does on a second core, while the main thread opens the terminal, the start-up work the prompt
 * would otherwise wait for. Most of it is linking lambdas, which the JVM does once per call site:
 * JLine's line reader links about 150 (its widgets) when the first one is built, and the command
 * table about 100. A throwaway reader over a dumb terminal links JLine's; building the table links
 * ours. Measured: the prompt comes about a third sooner.
 */
final class WarmUp implements Runnable {
  private final Shell shell;

  private WarmUp(Shell shell) {
    this.shell = shell;
  }

  static void start(Shell shell) {
    Thread thread = new Thread(new WarmUp(shell), "sockshell-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    try (Terminal dumb =
        new DumbTerminal(
            "warm-up",
            Terminal.TYPE_DUMB,
            InputStream.nullInputStream(),
            OutputStream.nullOutputStream(),
            StandardCharsets.UTF_8)) {
      Console.reader(dumb, shell, true, null);
    } catch (IOException | RuntimeException e) {
      // Only a head start: whatever did not happen here happens when it is first needed.
    }
    shell.commands().warmUp();
    IdleMemory.giveBackWhenIdle();
  }
}
