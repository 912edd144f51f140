package dev.sockshell.console;

import dev.sockshell.render.Styled;
import dev.sockshell.repl.Shell;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.reader.LineReader;

/**
 * What the background does, printed above the prompt while it waits for a line ({@link
 * LineReader#printAbove} keeps the half-typed line intact). The loop's thread only signals; one
 * printer thread of ours prints, so a slow terminal never holds up the background. While a command
 * runs the thread that runs it prints them instead (see {@code Shell.showEventsLive}): between
 * {@link #stop} and the next {@link #start}, this prints nothing.
 */
final class PromptEvents implements AutoCloseable {
  private final Shell shell;
  private final LineReader reader;
  private final TerminalOutput out;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // Guarded by lock.
  private boolean atPrompt;
  private boolean news;
  private boolean printing;
  private boolean closed;
  private Thread thread;

  PromptEvents(Shell shell, LineReader reader, TerminalOutput out) {
    this.shell = shell;
    this.reader = reader;
    this.out = out;
  }

  /** The prompt is about to wait: from now on the background's events print above it. */
  void start() {
    // The listener first: an event emitted after the news below is taken must signal the printer,
    // not the command's waiter (the printer may drain the queue before this line otherwise, and
    // the event would wait, unprinted, for the next one; the last event of a burst never came).
    shell.background().events().setListener(this::signal);
    lock.lock();
    try {
      atPrompt = true;
      news = true; // whatever came since the command's own lines
      if (thread == null) {
        thread = new Thread(this::run, "sockshell-prompt-events");
        thread.setDaemon(true);
        thread.start();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A line was typed: returns once nothing prints above the prompt any more. */
  void stop() {
    shell.background().events().setListener(shell.session().waiter()::wakeup);
    lock.lock();
    try {
      atPrompt = false;
      while (printing) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** From the loop's thread: there is news. Never blocks for long. */
  private void signal() {
    lock.lock();
    try {
      news = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (true) {
      lock.lock();
      try {
        while (!closed && !(atPrompt && news)) {
          changed.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        news = false;
        printing = true;
      } finally {
        lock.unlock();
      }
      try {
        List<Styled> lines = shell.takeEventLines();
        for (Styled line : lines) {
          reader.printAbove(out.render(line));
          shell.transcribe(line);
        }
      } finally {
        lock.lock();
        try {
          printing = false;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
