package dev.sockshell.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;

/**
 * JLine's built-in widgets (the editing actions keys are bound to), linked when first used instead
 * of when the line reader is made. {@code LineReaderImpl}'s constructor links a method reference
 * for each of its 145 widgets, about a tenth of the instructions the console runs before its first
 * prompt (PERFORMANCE.md). Here each name gets a stand-in, and the first call of any of them has
 * JLine make its own widgets; the warm-up does that while the first prompt waits for a key, so a
 * key finds them made.
 */
final class DeferredWidgets {
  /**
   * The names JLine 3.30's {@code LineReaderImpl.builtinWidgets()} gives widgets, in its order
   * (which a {@code HashMap}'s iteration follows where names collide). {@code DeferredWidgetsTest}
   * checks them against JLine's.
   */
  static final List<String> NAMES =
      List.of(
          LineReader.ACCEPT_AND_INFER_NEXT_HISTORY,
          LineReader.ACCEPT_AND_HOLD,
          LineReader.ACCEPT_LINE,
          LineReader.ACCEPT_LINE_AND_DOWN_HISTORY,
          LineReader.ARGUMENT_BASE,
          LineReader.BACKWARD_CHAR,
          LineReader.BACKWARD_DELETE_CHAR,
          LineReader.BACKWARD_DELETE_WORD,
          LineReader.BACKWARD_KILL_LINE,
          LineReader.BACKWARD_KILL_WORD,
          LineReader.BACKWARD_WORD,
          LineReader.BEEP,
          LineReader.BEGINNING_OF_BUFFER_OR_HISTORY,
          LineReader.BEGINNING_OF_HISTORY,
          LineReader.BEGINNING_OF_LINE,
          LineReader.BEGINNING_OF_LINE_HIST,
          LineReader.CAPITALIZE_WORD,
          LineReader.CLEAR,
          LineReader.CLEAR_SCREEN,
          LineReader.COMPLETE_PREFIX,
          LineReader.COMPLETE_WORD,
          LineReader.COPY_PREV_WORD,
          LineReader.COPY_REGION_AS_KILL,
          LineReader.DELETE_CHAR,
          LineReader.DELETE_CHAR_OR_LIST,
          LineReader.DELETE_WORD,
          LineReader.DIGIT_ARGUMENT,
          LineReader.DO_LOWERCASE_VERSION,
          LineReader.DOWN_CASE_WORD,
          LineReader.DOWN_LINE,
          LineReader.DOWN_LINE_OR_HISTORY,
          LineReader.DOWN_LINE_OR_SEARCH,
          LineReader.DOWN_HISTORY,
          LineReader.EDIT_AND_EXECUTE_COMMAND,
          LineReader.EMACS_EDITING_MODE,
          LineReader.EMACS_BACKWARD_WORD,
          LineReader.EMACS_FORWARD_WORD,
          LineReader.END_OF_BUFFER_OR_HISTORY,
          LineReader.END_OF_HISTORY,
          LineReader.END_OF_LINE,
          LineReader.END_OF_LINE_HIST,
          LineReader.EXCHANGE_POINT_AND_MARK,
          LineReader.EXPAND_HISTORY,
          LineReader.EXPAND_OR_COMPLETE,
          LineReader.EXPAND_OR_COMPLETE_PREFIX,
          LineReader.EXPAND_WORD,
          LineReader.FRESH_LINE,
          LineReader.FORWARD_CHAR,
          LineReader.FORWARD_WORD,
          LineReader.HISTORY_INCREMENTAL_SEARCH_BACKWARD,
          LineReader.HISTORY_INCREMENTAL_SEARCH_FORWARD,
          LineReader.HISTORY_SEARCH_BACKWARD,
          LineReader.HISTORY_SEARCH_FORWARD,
          LineReader.INSERT_CLOSE_CURLY,
          LineReader.INSERT_CLOSE_PAREN,
          LineReader.INSERT_CLOSE_SQUARE,
          LineReader.INSERT_COMMENT,
          LineReader.KILL_BUFFER,
          LineReader.KILL_LINE,
          LineReader.KILL_REGION,
          LineReader.KILL_WHOLE_LINE,
          LineReader.KILL_WORD,
          LineReader.LIST_CHOICES,
          LineReader.MENU_COMPLETE,
          LineReader.MENU_EXPAND_OR_COMPLETE,
          LineReader.NEG_ARGUMENT,
          LineReader.OVERWRITE_MODE,
          LineReader.QUOTED_INSERT,
          LineReader.REDISPLAY,
          LineReader.REDRAW_LINE,
          LineReader.REDO,
          LineReader.SELF_INSERT,
          LineReader.SELF_INSERT_UNMETA,
          LineReader.SEND_BREAK,
          LineReader.SET_MARK_COMMAND,
          LineReader.TRANSPOSE_CHARS,
          LineReader.TRANSPOSE_WORDS,
          LineReader.UNDEFINED_KEY,
          LineReader.UNIVERSAL_ARGUMENT,
          LineReader.UNDO,
          LineReader.UP_CASE_WORD,
          LineReader.UP_HISTORY,
          LineReader.UP_LINE,
          LineReader.UP_LINE_OR_HISTORY,
          LineReader.UP_LINE_OR_SEARCH,
          LineReader.VI_ADD_EOL,
          LineReader.VI_ADD_NEXT,
          LineReader.VI_BACKWARD_CHAR,
          LineReader.VI_BACKWARD_DELETE_CHAR,
          LineReader.VI_BACKWARD_BLANK_WORD,
          LineReader.VI_BACKWARD_BLANK_WORD_END,
          LineReader.VI_BACKWARD_KILL_WORD,
          LineReader.VI_BACKWARD_WORD,
          LineReader.VI_BACKWARD_WORD_END,
          LineReader.VI_BEGINNING_OF_LINE,
          LineReader.VI_CMD_MODE,
          LineReader.VI_DIGIT_OR_BEGINNING_OF_LINE,
          LineReader.VI_DOWN_LINE_OR_HISTORY,
          LineReader.VI_CHANGE,
          LineReader.VI_CHANGE_EOL,
          LineReader.VI_CHANGE_WHOLE_LINE,
          LineReader.VI_DELETE_CHAR,
          LineReader.VI_DELETE,
          LineReader.VI_END_OF_LINE,
          LineReader.VI_KILL_EOL,
          LineReader.VI_FIRST_NON_BLANK,
          LineReader.VI_FIND_NEXT_CHAR,
          LineReader.VI_FIND_NEXT_CHAR_SKIP,
          LineReader.VI_FIND_PREV_CHAR,
          LineReader.VI_FIND_PREV_CHAR_SKIP,
          LineReader.VI_FORWARD_BLANK_WORD,
          LineReader.VI_FORWARD_BLANK_WORD_END,
          LineReader.VI_FORWARD_CHAR,
          LineReader.VI_FORWARD_WORD,
          LineReader.VI_FORWARD_WORD_END,
          LineReader.VI_HISTORY_SEARCH_BACKWARD,
          LineReader.VI_HISTORY_SEARCH_FORWARD,
          LineReader.VI_INSERT,
          LineReader.VI_INSERT_BOL,
          LineReader.VI_INSERT_COMMENT,
          LineReader.VI_JOIN,
          LineReader.VI_KILL_LINE,
          LineReader.VI_MATCH_BRACKET,
          LineReader.VI_OPEN_LINE_ABOVE,
          LineReader.VI_OPEN_LINE_BELOW,
          LineReader.VI_PUT_AFTER,
          LineReader.VI_PUT_BEFORE,
          LineReader.VI_REPEAT_FIND,
          LineReader.VI_REPEAT_SEARCH,
          LineReader.VI_REPLACE_CHARS,
          LineReader.VI_REV_REPEAT_FIND,
          LineReader.VI_REV_REPEAT_SEARCH,
          LineReader.VI_SWAP_CASE,
          LineReader.VI_UP_LINE_OR_HISTORY,
          LineReader.VI_YANK,
          LineReader.VI_YANK_WHOLE_LINE,
          LineReader.VISUAL_LINE_MODE,
          LineReader.VISUAL_MODE,
          LineReader.WHAT_CURSOR_POSITION,
          LineReader.YANK,
          LineReader.YANK_POP,
          LineReader.MOUSE,
          LineReader.BEGIN_PASTE,
          LineReader.FOCUS_IN,
          LineReader.FOCUS_OUT);

  private final Supplier<Map<String, Widget>> jline;

  /** JLine's widgets by name, once made. */
  private Map<String, Widget> made;

  /**
   * @param jline makes JLine's own widgets ({@code LineReaderImpl.builtinWidgets()})
   */
  DeferredWidgets(Supplier<Map<String, Widget>> jline) {
    this.jline = jline;
  }

  /** A stand-in for each of JLine's widgets, by name, for the reader's table of widgets. */
  Map<String, Widget> standIns() {
    Map<String, Widget> widgets = new HashMap<>();
    for (String name : NAMES) {
      widgets.put(name, new StandIn(name));
    }
    return widgets;
  }

  /** JLine's own widgets, made on the first call (by whichever thread comes first). */
  synchronized Map<String, Widget> made() {
    if (made == null) {
      made = jline.get();
    }
    return made;
  }

  /** Runs JLine's widget of the same name, made on the first call. */
  private final class StandIn implements Widget {
    private final String name;

    /** JLine's widget, once asked for (only ever on the thread that reads keys). */
    private Widget widget;

    StandIn(String name) {
      this.name = name;
    }

    @Override
    public boolean apply() {
      if (widget == null) {
        widget = made().get(name);
      }
      return widget.apply();
    }

    /** As JLine names its built-in widgets. */
    @Override
    public String toString() {
      return "." + name;
    }
  }
}
