package dev.sockshell.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The session as it looked: every line the transcript gets (prompts, results, events, errors,
 * hints), with its styles, and where each command's lines begin, so that a page can link a picture
 * of the session to the line that did it. Bounded: past {@link #LIMIT} lines the oldest are
 * forgotten (and counted). Thread-safe: the console records events from its own thread.
 */
public final class ScreenRecord implements Output {
  /** How many lines are kept. */
  public static final int LIMIT = 20_000;

  /**
   * A line as shown; {@code step}: the command (its line number in the run) whose lines begin here,
   * or 0.
   */
  public record Line(Styled text, int step) {}

  /** What a page is made from: the lines kept, and how many older ones were forgotten. */
  public record Snapshot(List<Line> lines, long forgotten) {
    public Snapshot {
      lines = List.copyOf(lines);
    }
  }

  private final int limit;

  /** A line as recorded: its step is set when its command begins, after the line is shown. */
  private static final class Entry {
    final Styled text;
    int step;

    Entry(Styled text, int step) {
      this.text = text;
      this.step = step;
    }
  }

  private final Deque<Entry> lines = new ArrayDeque<>();
  private long forgotten;

  /** The prompt line of the command about to run, not yet given its step (null: none). */
  private Entry prompt;

  private int pendingStep;

  public ScreenRecord() {
    this(LIMIT);
  }

  /** A record that keeps {@code limit} lines (tests use a small one). */
  public ScreenRecord(int limit) {
    this.limit = limit;
  }

  /**
   * The command of {@code step} starts: the prompt line recorded last (a script's echo, a line
   * typed at the console, a block's first line) is where its lines begin, or, for a command of a
   * loop's body, which echoes nothing, the next line recorded.
   */
  public synchronized void beginStep(int step) {
    if (prompt != null) {
      prompt.step = step;
      prompt = null;
    } else {
      pendingStep = step;
    }
  }

  @Override
  public synchronized void println(Styled line) {
    boolean isPrompt = startsCommand(line);
    Entry entry = new Entry(line, isPrompt ? 0 : pendingStep);
    lines.addLast(entry);
    if (isPrompt) {
      prompt = entry;
    } else {
      pendingStep = 0;
    }
    if (lines.size() > limit) {
      if (lines.removeFirst() == prompt) {
        prompt = null;
      }
      forgotten++;
    }
  }

  /** A line after the prompt; a block's further lines, after its indented prompt, do not count. */
  private static boolean startsCommand(Styled line) {
    return !line.spans().isEmpty()
        && line.spans().get(0).style() == Style.PROMPT
        && !line.spans().get(0).text().startsWith(" ");
  }

  @Override
  public void flush() {}

  public synchronized Snapshot snapshot() {
    List<Line> kept = new ArrayList<>(lines.size());
    for (Entry e : lines) {
      kept.add(new Line(e.text, e.step));
    }
    return new Snapshot(kept, forgotten);
  }
}
