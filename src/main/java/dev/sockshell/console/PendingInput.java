package dev.sockshell.console;

import java.io.IOException;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.jline.nativ.CLibrary;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.PosixSysTerminal;

/**
 * How many typed bytes are waiting to be read: more than zero while a paste arrives. JLine reads
 * the terminal one byte at a time, so a paste waits in the tty's input queue, which {@code
 * ioctl(FIONREAD)} counts; a terminal JLine emulates (ssh, tests) buffers it in its own stream.
 */
final class PendingInput {
  /** FIONREAD, the ioctl that counts a tty's unread input: its number differs between systems. */
  private static final long FIONREAD = fionread(System.getProperty("os.name", ""));

  private PendingInput() {}

  /** Counts {@code terminal}'s unread bytes, or answers 0 where it cannot tell. */
  static IntSupplier of(Terminal terminal) {
    if (terminal instanceof PosixSysTerminal && FIONREAD != 0) {
      return PendingInput::stdin; // the system terminal reads stdin
    }
    return () -> {
      try {
        return terminal.input().available();
      } catch (IOException e) {
        return 0;
      }
    };
  }

  private static int stdin() {
    int[] count = new int[1];
    try {
      return CLibrary.ioctl(0, FIONREAD, count) == 0 ? count[0] : 0;
    } catch (RuntimeException | LinkageError e) {
      return 0; // no native library: every key is drawn, as JLine does
    }
  }

  static long fionread(String os) {
    String name = os.toLowerCase(Locale.ROOT);
    if (name.contains("linux")) {
      return 0x541B;
    } else if (name.contains("mac") || name.contains("bsd")) {
      return 0x4004667FL; // _IOR('f', 127, int)
    }
    return 0;
  }
}
