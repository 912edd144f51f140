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
    useBundledTerminfo(System.getenv("TERM"));
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
   * asks {@code infocmp} first; for those, its own copy is as good and costs no process.
   */
  private static void useBundledTerminfo(String term) {
    String bundled = term == null ? null : InfoCmp.getDefaultInfoCmp(term);
    if (bundled != null) {
      InfoCmp.setLoadedInfoCmp(term, bundled);
    }
  }
}
