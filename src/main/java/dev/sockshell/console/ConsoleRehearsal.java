package dev.sockshell.console;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;

/**
 * A console session typed by the program itself on a terminal in memory, for the training run of
 * the class-data archive ({@code dev.sockshell.TrainingRun}): the archive then holds the classes a
 * person's console loads before the first prompt and for the first commands.
 */
public final class ConsoleRehearsal {
  private static final long LIMIT_SECONDS = 60;
  private static final String TYPE = "xterm-256color";
  private static final String CTRL_D = "\u0004";

  private ConsoleRehearsal() {}

  /**
   * Types each of {@code lines} (with Enter) into a console on a new pseudo-terminal, read through
   * the same JNI terminal class a person's console gets, each once the console reads a line; then
   * Ctrl-D, and waits until the console leaves. What it shows is read and dropped.
   *
   * @return false if the console did not take every line and leave within a minute
   */
  public static boolean run(List<String> lines) throws IOException, InterruptedException {
    SystemTerminal.loadTerminfo(TYPE);
    Pty pty = new JniTerminalProvider().open(null, new Size(120, 40));
    Terminal terminal =
        new PosixSysTerminal(
            "rehearsal", TYPE, pty, StandardCharsets.UTF_8, true, Terminal.SignalHandler.SIG_DFL);
    Screen screen = new Screen(pty.getMasterInput());
    screen.start();
    Shell shell =
        new Shell(
            new Session(), new PlainOutput(Writer.nullWriter()), Path.of("").toAbsolutePath());
    TerminalOutput out = new TerminalOutput(terminal, true);
    shell.setOutput(out);
    Thread console =
        new Thread(() -> Console.run(terminal, shell, out, true, null), "sockshell-rehearsal");
    console.setDaemon(true);
    console.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
    OutputStream keyboard = pty.getMasterOutput();
    List<String> keys = new ArrayList<>();
    lines.forEach(line -> keys.add(line + "\r"));
    keys.add(CTRL_D);
    boolean typed = true;
    for (int i = 0; i < keys.size() && typed; i++) {
      // Keys typed before JLine puts the tty in raw mode would be cooked (Ctrl-C flushes them).
      typed = screen.awaitReading(i + 1, deadline);
      keyboard.write(keys.get(i).getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
    }
    console.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    boolean left = typed && !console.isAlive();
    if (left) {
      terminal.close();
      pty.close();
    }
    return left;
  }

  /**
   * Reads what the console shows, so that it never waits for a full pty buffer, and counts the
   * times JLine started reading a line: it turns bracketed paste on each time.
   */
  private static final class Screen extends Thread {
    private static final byte[] READING = "\u001b[?2004h".getBytes(StandardCharsets.US_ASCII);
    private final InputStream in;
    private int reading;

    Screen(InputStream in) {
      super("sockshell-rehearsal-screen");
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      int matched = 0;
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          for (int i = 0; i < n; i++) {
            matched = buffer[i] == READING[matched] ? matched + 1 : buffer[i] == READING[0] ? 1 : 0;
            if (matched == READING.length) {
              matched = 0;
              counted();
            }
          }
        }
      } catch (IOException e) {
        // the pty closed: the rehearsal is over
      }
    }

    private synchronized void counted() {
      reading++;
      notifyAll();
    }

    synchronized boolean awaitReading(int times, long deadline) throws InterruptedException {
      while (reading < times) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }
}
