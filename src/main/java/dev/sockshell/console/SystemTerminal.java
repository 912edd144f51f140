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

  /**
   * The type the console gives a terminal that says it is dumb ({@code TERM=dumb}): JLine's own
   * dumb terminal leaves the tty cooked, so Tab and the arrow keys reach the line as characters
   * ({@code ^[[A}). Under this type the tty is raw as on any terminal and JLine edits the line,
   * drawn by {@link OneRowDisplay} without a single escape sequence, as GNU readline does there.
   * Colour stays off: the name starts with "dumb".
   */
  static final String DUMB_EDITED = "dumb-edited";

  /**
   * What a dumb terminal can do (JLine's {@code dumb.caps}, from terminfo), and the keys a terminal
   * sends for the arrows, Home, End and Delete when no one asked for its keypad mode. (Key
   * capabilities describe input: nothing of them is ever written to the terminal.)
   */
  private static final String DUMB_EDITED_CAPS =
      String.join(
          "\n",
          DUMB_EDITED + "|dumb tty whose line sockshell edits,",
          "\tam,",
          "\tcols#80,",
          "\tbel=^G, cr=^M, cud1=^J, ind=^J,",
          "\tkcub1=\\E[D, kcud1=\\E[B, kcuf1=\\E[C, kcuu1=\\E[A,",
          "\tkdch1=\\E[3~, kend=\\E[4~, khome=\\E[1~,",
          "");

  static Terminal open() {
    String term = System.getenv("TERM");
    boolean edited = editsDumbLines(term, System.getenv("INSIDE_EMACS"));
    loadTerminfo(edited ? DUMB_EDITED : term);
    try {
      // The JNI provider answers isatty/tcgetattr natively; probing the others forks.
      return builder(edited).provider(TerminalBuilder.PROP_PROVIDER_JNI).build();
    } catch (IOException | RuntimeException jniUnavailable) {
      try {
        return builder(edited).build(); // an unusual platform: let JLine pick
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Whether the console edits the line itself on this terminal: on any but a dumb one, and on a
   * dumb one too, except inside Emacs's shell (comint), which edits the line itself and sends it
   * whole, as bash and readline leave it to.
   */
  static boolean editsDumbLines(String term, String insideEmacs) {
    return Terminal.TYPE_DUMB.equals(term) && insideEmacs == null;
  }

  private static TerminalBuilder builder(boolean dumbEdited) {
    // dumb(true): without a usable terminal fall back to plain lines, quietly (no warning). Stdin
    // not a tty under TERM=dumb falls back to JLine's dumb terminal too, whatever type is asked.
    TerminalBuilder builder = TerminalBuilder.builder().system(true).dumb(true);
    return dumbEdited ? builder.type(DUMB_EDITED) : builder;
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
    if (term.equals(DUMB_EDITED)) {
      InfoCmp.setLoadedInfoCmp(term, DUMB_EDITED_CAPS);
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
