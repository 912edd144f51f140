package dev.sockshell.console;

import dev.sockshell.lang.Param;
import dev.sockshell.lang.Prompt;
import java.util.List;
import org.jline.reader.LineReader;

/**
 * The faint hint after the cursor: the arguments still to come ({@code bind srv } → {@code ADDR}),
 * the choices when there are only a few ({@code SHUT_RD|SHUT_WR|SHUT_RDWR}), and, before the first
 * argument, what the command does.
 */
final class ArgumentHint {
  private ArgumentHint() {}

  /** Choices spelled out in the hint when a required constant has at most this many. */
  private static final int FEW = 4;

  /** The narrowest hint worth showing; below that the line is nearly full anyway. */
  private static final int NARROWEST = 8;

  /**
   * What should show after {@code buffer} (cursor at its end), or "" for nothing. Mid-word it
   * starts with a space, since the word being typed takes its parameter.
   */
  static String text(String buffer, TypedLine typed) {
    if (typed.spec() == null || typed.scanError() != null || typed.commentAt() >= 0) {
      return "";
    }
    List<Param> rest = typed.remaining();
    StringBuilder hint = new StringBuilder();
    for (Param p : rest) {
      hint.append(hint.length() == 0 ? spelledOut(p) : " " + p);
    }
    if (typed.args().isEmpty()) {
      hint.append(hint.length() == 0 ? "" : "  ")
          .append("— ")
          .append(typed.spec().localizedSummary());
    }
    if (hint.length() == 0) {
      return "";
    }
    return midWord(buffer) ? " " + hint : hint.toString();
  }

  private static String spelledOut(Param p) {
    boolean few = p.kind() == Param.Kind.CONSTANT && !p.optional() && p.choices().size() <= FEW;
    return few ? String.join("|", p.choices()) : p.toString();
  }

  /**
   * Sets JLine's tail tip to the hint for {@code line}, the last line of {@code buffer}. Called
   * from the highlighter: JLine asks for the highlighted line and then reads the tail tip on every
   * redisplay, so the hint follows every edit (typing, deleting, history, completion) without
   * wrapping each editing widget as jline-console's TailTipWidgets does.
   *
   * @param unchanged the buffer is what it was at the previous redisplay
   */
  static void show(
      LineReader reader, String buffer, String line, TypedLine typed, boolean unchanged) {
    // A Tab that left the line as it was listed the choices for a new word, and JLine's tail-tip
    // mode would wipe that list at once: show the list rather than the hint until the next key.
    // Likewise Ctrl-R's "bck-i-search: …" line, which JLine shows in the same place.
    boolean listed = unchanged && "\t".equals(reader.getLastBinding()) && !midWord(buffer);
    boolean searching = reader.getSearchTerm() != null;
    reader.setAutosuggestion(
        listed || searching ? LineReader.SuggestionType.NONE : LineReader.SuggestionType.TAIL_TIP);
    reader.setTailTip(
        searching
            ? ""
            : tailTip(buffer, line, typed, room(reader, line, buffer.length() > line.length())));
  }

  /** Columns left on the screen line after the prompt and the buffer's last line. */
  private static int room(LineReader reader, String line, boolean continued) {
    int width = reader.getTerminal().getWidth();
    if (width <= 0) {
      return Integer.MAX_VALUE;
    }
    int prompt = continued ? Prompt.MORE.length() : Prompt.FIRST.length();
    return width - (prompt + line.length()) % width - 1;
  }

  /**
   * The hint as JLine's tail tip must be set so that it shows as {@link #text}, cut to {@code room}
   * columns. Mid-word, JLine 3.30 puts a space of its own before the tip when the buffer (all its
   * lines) has a '-' after its last ' ' (LineReaderImpl.getDisplayedBufferWithPrompts); ours
   * already has one.
   */
  static String tailTip(String buffer, String line, TypedLine typed, int room) {
    String shown = fit(text(line, typed), room);
    int lastSpace = buffer.lastIndexOf(' ');
    boolean jlineAddsASpace =
        midWord(buffer) && lastSpace >= 0 && lastSpace < buffer.lastIndexOf('-');
    return jlineAddsASpace && !shown.isEmpty() ? shown.substring(1) : shown;
  }

  private static boolean midWord(String buffer) {
    return !buffer.isEmpty() && buffer.charAt(buffer.length() - 1) != ' ';
  }

  private static String fit(String hint, int room) {
    if (hint.length() <= room) {
      return hint;
    }
    return room < NARROWEST ? "" : hint.substring(0, room - 1) + "…";
  }
}
