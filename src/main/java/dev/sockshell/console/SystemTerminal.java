package dev.sockshell.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * Opens the system terminal without the two processes JLine 3.30 would start on every launch
 * ({@code test -t 1} while probing providers, {@code infocmp -x $TERM} to read terminfo): each
 * costs 10–20 ms of a console that should be at its prompt in about a tenth of a second.
 */
final class SystemTerminal {
  private SystemTerminal() {}

  static Terminal open() {
    loadTerminfo(System.getenv("TERM"));
    try {
      // The JNI provider answers isatty/tcgetattr natively; probing the others forks.
      return builder().provider(TerminalBuilder.PROP_PROVIDER_JNI).build();
    } catch (IOException | RuntimeException jniUnavailable) {
      try {
        return builder().build(); // an unusual platform: let JLine pick
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static TerminalBuilder builder() {
    // dumb(true): without a usable terminal fall back to plain lines, quietly (no warning).
    return TerminalBuilder.builder().system(true).dumb(true);
  }

  /**
   * JLine ships the capabilities of the common terminals (xterm, xterm-256color, screen, …) but
   * asks {@code infocmp} first; for those, its own copy is as good and costs no process. For any
   * other, ask {@code infocmp} here: a terminal this machine has no terminfo for (TERM=xterm-kitty
   * over ssh) gets the plain ANSI capabilities JLine falls back to anyway, without the warning and
   * stack trace JLine would log on the way.
   */
  static void loadTerminfo(String term) {
    if (term == null) {
      return;
    }
    String bundled = InfoCmp.getDefaultInfoCmp(term);
    if (bundled != null) {
      InfoCmp.setLoadedInfoCmp(term, bundled);
      return;
    }
    try {
      InfoCmp.getInfoCmp(term); // keeps what it found for the terminal to use
    } catch (IOException e) {
      InfoCmp.setLoadedInfoCmp(term, InfoCmp.getDefaultInfoCmp("ansi"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InfoCmp.setLoadedInfoCmp(term, InfoCmp.getDefaultInfoCmp("ansi"));
    }
  }
}
