package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A terminal for tests: keys typed into it go through JLine's line discipline (so Ctrl-C raises
 * SIGINT as a tty would), and what it shows can be awaited, each wait bounded.
 */
final class TestTerminal implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  /** A key that makes the keyboard throw, as a closed tty does. */
  private static final int VANISHED = -2;

  final Terminal terminal;
  private final Keyboard keyboard = new Keyboard();
  private final Screen screen = new Screen();

  TestTerminal(String type) throws IOException {
    terminal = new ExternalTerminal("test", type, keyboard, screen, StandardCharsets.UTF_8);
  }

  /** The keyboard fails, as a terminal that went away does. */
  void vanish() {
    keyboard.keys.add(VANISHED);
  }

  void type(String keys) {
    for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
      keyboard.keys.add(b & 0xff);
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
    keyboard.keys.add(-1);
    terminal.close();
  }

  /** Bytes typed, handed to the terminal one at a time as it asks for them. */
  private static final class Keyboard extends InputStream {
    final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

    @Override
    public int read() throws IOException {
      try {
        int key = keys.take();
        if (key == VANISHED) {
          throw new IOException("Input/output error");
        }
        return key;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int c = read();
      if (c < 0) {
        return -1;
      }
      b[off] = (byte) c;
      return 1;
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
