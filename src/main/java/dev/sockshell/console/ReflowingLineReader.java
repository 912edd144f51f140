package dev.sockshell.console;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * JLine's line reader, redrawing the line being edited correctly after a window resize on the
 * terminals that reflow wrapped lines (tmux, VTE, iTerm2, kitty, Windows Terminal…), and ending
 * that line cleanly when the JVM ends while it is edited.
 */
final class ReflowingLineReader extends LineReaderImpl {
  private final IntSupplier pendingInput;

  ReflowingLineReader(Terminal terminal, String appName, Map<String, Object> variables) {
    super(terminal, appName, variables);
    this.pendingInput = PendingInput.of(terminal);
  }

  /**
   * Draws the line after a key only when no more keys are waiting: JLine redraws (and colours) the
   * whole line after every key, so a pasted line of n characters cost n redraws of up to n
   * characters (10,000 characters pasted in tmux: 8.9 s). Now a paste is drawn once per chunk the
   * tty hands over. The line's last state is always drawn: after the last key nothing waits, and
   * the redraw that ends a line (JLine's cleanup) does not come through here.
   */
  @Override
  public boolean redisplay() {
    if (reading && pendingInput.getAsInt() > 0) {
      return true;
    }
    return super.redisplay();
  }

  @Override
  protected synchronized void handleSignal(Terminal.Signal signal) {
    if (signal == Terminal.Signal.WINCH && reading) {
      backToPromptStart();
    }
    super.handleSignal(signal);
  }

  /** How long the way out waits for another thread drawing on the line (an event) to finish. */
  private static final long DRAWING_MILLIS = 500;

  /**
   * The console is ending under the line (SIGTERM, SIGHUP): end it as Enter would, without the
   * faint hint after the cursor, and put the keypad and cursor keys back in normal mode, which
   * JLine otherwise does only when readLine returns. The reader stays locked, so nothing draws on
   * the terminal any more: the JVM halts next. A thread drawing on the line (an event) holds the
   * lock briefly; one stuck (a terminal that stopped reading) is not waited for.
   */
  void endLineOnTheWayOut() {
    try {
      if (!lock.tryLock(DRAWING_MILLIS, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (reading) {
      doCleanup(true);
    }
  }

  /**
   * JLine redraws a resized line from the start of the cursor's row, so when the terminal has
   * rewrapped the line at the new width (its cursor staying on the same character) the rows above
   * keep a stale copy, or the redraw climbs into earlier output. Go up to the row the prompt starts
   * on now and clear below, so JLine's redraw starts on a clean slate.
   */
  private void backToPromptStart() {
    int width = terminal.getWidth();
    if (width <= 0) {
      return;
    }
    String beforeCursor = buf.substring(0, buf.cursor());
    int columns = prompt.columnLength() + new AttributedString(beforeCursor).columnLength();
    int rowsUp = columns / width;
    terminal.puts(Capability.carriage_return);
    if (rowsUp > 0 && !terminal.puts(Capability.parm_up_cursor, rowsUp)) {
      for (int i = 0; i < rowsUp; i++) {
        terminal.puts(Capability.cursor_up);
      }
    }
    terminal.puts(Capability.clr_eos);
    terminal.flush();
  }
}
