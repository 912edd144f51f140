package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sockshell.net.Session;
import dev.sockshell.repl.Shell;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The console running in a thread of its own on a test terminal, as Main runs it on the tty's. */
final class ConsoleRun {
  final Shell shell;
  private final Thread thread;
  private final AtomicInteger status = new AtomicInteger(-1);

  private ConsoleRun(TestTerminal t, Shell shell, Path history) {
    this.shell = shell;
    TerminalOutput out = new TerminalOutput(t.terminal, false);
    shell.setOutput(out);
    thread =
        new Thread(
            () -> status.set(Console.run(t.terminal, shell, out, false, history)), "console");
    thread.start();
  }

  /** A fresh session in {@code dir}, keeping history in {@code history} (null: in memory only). */
  static ConsoleRun start(TestTerminal t, Path dir, Path history) {
    return start(t, new Shell(new Session(), new TerminalOutput(t.terminal, false), dir), history);
  }

  static ConsoleRun start(TestTerminal t, Shell shell, Path history) {
    return new ConsoleRun(t, shell, history);
  }

  /** Waits for the console to end (Ctrl-D, /exit), at most a few seconds; returns its status. */
  int awaitEnd() throws InterruptedException {
    thread.join(TimeUnit.SECONDS.toMillis(10));
    assertFalse(thread.isAlive(), "the console did not end");
    return status.get();
  }
}
