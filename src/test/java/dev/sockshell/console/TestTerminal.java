package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.LineDisciplineTerminal;

/**
 * A terminal for tests: keys typed into it go through JLine's line discipline (so Ctrl-C raises
 * SIGINT as a tty would), and what it shows can be awaited, each wait bounded.
 */
final class TestTerminal implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  final Terminal terminal;
  private final Tty tty;
  private final Screen screen = new Screen();

  TestTerminal(String type) throws IOException {
    tty = new Tty(type, screen);
    terminal = tty;
  }

  /**
   * The keyboard fails, as a terminal that went away does: the next read of the line reader throws,
   * as a read of a closed tty does (and nothing is closed under the reader, so JLine has nothing to
   * warn about).
   */
  void vanish() {
    tty.fail(new IOException("Input/output error"));
  }

  void type(String keys) {
    try {
      tty.processInputBytes(keys.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything shown so far, escape sequences and all. */
  String shown() {
    return screen.text();
  }

  /** Waits until {@code text} has been shown, at most a few seconds. */
  void await(String text) {
    await(text, 0);
  }

  /** Waits until {@code text} has been shown after the first {@code from} characters. */
  void await(String text, int from) {
    if (!screen.await(text, from)) {
      fail("never shown: " + text + "\n--- shown:\n" + shown());
    }
  }

  @Override
  public void close() throws IOException {
    terminal.close();
  }

  /**
   * JLine's line discipline with the keyboard's side in the test's hands: bytes typed, or a
   * failure.
   */
  private static final class Tty extends LineDisciplineTerminal {
    Tty(String type, OutputStream screen) throws IOException {
      super("test", type, screen, StandardCharsets.UTF_8);
    }

    void fail(IOException e) {
      processIOException(e);
    }
  }

  /** What the terminal wrote, with a condition to wait on. */
  private static final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
      notifyAll();
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean await(String wanted, int from) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (text().indexOf(wanted, from) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }
}
