package dev.sockshell.console;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * JLine's line reader, redrawing the line being edited correctly after a window resize on the
 * terminals that reflow wrapped lines (tmux, VTE, iTerm2, kitty, Windows Terminal…), and ending
 * that line cleanly when the JVM ends while it is edited; a bracketed paste goes in whole, one line
 * at a time.
 */
final class ReflowingLineReader extends LineReaderImpl {
  private final IntSupplier pendingInput;

  /** What a bracketed paste holds after the line it ended: lines still to type, or null. */
  private final AtomicReference<String> pastedAhead = new AtomicReference<>();

  /** The terminal is dumb ({@code TERM=dumb}): the line is drawn by {@link OneRowDisplay}. */
  private final boolean oneRow;

  /**
   * JLine's built-in widgets, made on first use. Set by {@link #builtinWidgets}, which JLine's
   * constructor calls before this class's fields are initialised: no initialiser may reset it.
   */
  private DeferredWidgets builtins;

  ReflowingLineReader(Terminal terminal, String appName, Map<String, Object> variables) {
    super(terminal, appName, variables);
    this.pendingInput = PendingInput.of(terminal);
    this.oneRow = SystemTerminal.DUMB_EDITED.equals(terminal.getType());
  }

  /** Stand-ins for JLine's built-in widgets, which it makes when one is first used. */
  @Override
  protected Map<String, Widget> builtinWidgets() {
    builtins = new DeferredWidgets(super::builtinWidgets);
    return builtins.standIns();
  }

  /** Makes JLine's built-in widgets now (off the thread that reads keys: {@link WarmUp}). */
  void makeWidgets() {
    builtins.made();
  }

  /** Whether the line is drawn on one row, without escape sequences (a dumb terminal). */
  boolean oneRow() {
    return oneRow;
  }

  /**
   * On a dumb terminal, JLine's display (made anew for each line) is swapped for one that draws
   * without escape sequences, before it draws anything.
   */
  @Override
  protected void redisplay(boolean flush) {
    if (oneRow) {
      lock.lock();
      try {
        if (!(display instanceof OneRowDisplay)) {
          display = new OneRowDisplay(terminal, () -> getSearchTerm() != null);
          display.resize(size.getRows(), size.getColumns());
        }
      } finally {
        lock.unlock();
      }
    }
    super.redisplay(flush);
  }

  /**
   * JLine turns bracketed paste on or off at every prompt, with an escape sequence, on any terminal
   * but its own dumb one: not on ours.
   */
  @Override
  public boolean isSet(Option option) {
    return !(oneRow && option == Option.BRACKETED_PASTE) && super.isSet(option);
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

  /**
   * A bracketed paste (the terminal marks it with ESC[200~ … ESC[201~) is read in blocks and goes
   * into the line at once, where keys came one read(2) and one redraw at a time (10,000 characters
   * pasted in tmux: 1.5 s under load, Python's REPL 0.6 s). JLine would insert all of it, line
   * breaks included, as one multi-line buffer; here each pasted line is entered as if typed and
   * Enter pressed, so commands pasted from the README or a script run one by one (a line that opens
   * a block goes on in the same buffer, as typed). The lines after the first wait in {@link
   * #pastedAhead} and are typed by the next key reads, once the line before has run.
   */
  @Override
  public boolean beginPaste() {
    String pasted = doReadStringUntil(BRACKETED_PASTE_END);
    return typePasted(pasted.replace("\r\n", "\n").replace('\r', '\n'));
  }

  private boolean typePasted(String text) {
    int end = text.indexOf('\n');
    if (end < 0) {
      buf.write(text);
      return true;
    }
    buf.write(text.substring(0, end));
    String rest = text.substring(end + 1);
    pastedAhead.set(rest.isEmpty() ? null : rest);
    return acceptLine();
  }

  /** The next pasted line, before any key, while a paste has lines left. */
  @Override
  public Binding readBinding(KeyMap<Binding> keys, KeyMap<Binding> local) {
    String rest = pastedAhead.getAndSet(null);
    if (rest != null) {
      return (Widget) () -> typePasted(rest);
    }
    return super.readBinding(keys, local);
  }

  /**
   * True while a bracketed paste has lines left to type: a Python block goes on past its blanks.
   */
  boolean pasteGoesOn() {
    return pastedAhead.get() != null;
  }

  /**
   * Ctrl-C while a pasted line runs drops the lines pasted after it, as the tty drops keys typed
   * ahead (it flushes its input on SIGINT).
   */
  void dropPastedLines() {
    pastedAhead.set(null);
  }

  @Override
  protected synchronized void handleSignal(Terminal.Signal signal) {
    if (signal == Terminal.Signal.WINCH && reading) {
      if (display instanceof OneRowDisplay row) {
        row.clearRow(terminal.getWidth()); // JLine forgets what is shown, and draws it again
      } else {
        backToPromptStart();
      }
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
   * on now and clear below, so JLine's redraw starts on a clean slate. (A line that, narrowed,
   * needs more rows than there are above the cursor has its first rows pushed into the scrollback,
   * where no cursor reaches: those stay there.)
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
    clearBelow();
    terminal.flush();
  }

  /**
   * Clears from the cursor's row down, row by row: tmux keeps what clr_eos erases from the top row
   * in its scrollback ("scroll-on-clear"), and widening the window later reflows that stale copy of
   * the line back into view. Without the capabilities for it, clr_eos.
   */
  private void clearBelow() {
    String down = terminal.getStringCapability(Capability.parm_down_cursor);
    if (down == null || !terminal.puts(Capability.save_cursor)) {
      terminal.puts(Capability.clr_eos);
      return;
    }
    for (int row = 0; row < terminal.getHeight(); row++) {
      terminal.puts(Capability.clr_eol);
      terminal.puts(Capability.parm_down_cursor, 1); // stops at the last row: never scrolls
    }
    terminal.puts(Capability.restore_cursor);
  }
}
