package dev.sockshell.background;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one sink of background events: the loop's handlers put them in, and the thread that owns the
 * output takes them out ({@link #drain}) and prints them where they belong: above the prompt, or
 * between a script's lines. Bounded: a flood of events (a thousand clients, nobody printing) keeps
 * the first {@link #MAX_QUEUED}, and a traced relay faster than the screen (a relay moves a 1 MiB
 * chunk at a time, a terminal prints a few MB a second) the first {@link #MAX_QUEUED_BYTES} of its
 * chunks; the rest are counted. The relay itself moves every byte either way.
 */
public final class Events {
  /** How many bytes of an automatic reply an event keeps to show. */
  public static final int PREVIEW = 64;

  /** The most events waiting to be printed; past it they are only counted. */
  static final int MAX_QUEUED = 10_000;

  /**
   * The most bytes of relayed chunks waiting to be printed: a hex dump shows 16 bytes a line, so
   * this is already a quarter of a million lines; without it, 10,000 queued chunks of 1 MiB held 10
   * GB (20 MB relayed with --trace --hex peaked at 3 GB).
   */
  static final long MAX_QUEUED_BYTES = 4L << 20;

  /** What is drained: the events in order, and how many did not fit in the queue. */
  public record Batch(List<BackgroundEvent> events, long dropped) {
    public boolean isEmpty() {
      return events.isEmpty() && dropped == 0;
    }
  }

  private static final Batch NONE = new Batch(List.of(), 0);

  private final ArrayDeque<BackgroundEvent> queue = new ArrayDeque<>();
  private long dropped;
  private long queuedBytes;
  private volatile boolean recording = true;
  private volatile Runnable listener = () -> {};
  private volatile Consumer<BackgroundEvent> tap = e -> {};

  /**
   * Whether events are kept at all; with {@code /set events off} handlers make none, so a busy
   * server allocates nothing for them.
   */
  public void setRecording(boolean recording) {
    this.recording = recording;
  }

  public boolean recording() {
    return recording;
  }

  /**
   * Called (on the loop's thread) after each event and when a piece of work ends, to wake whoever
   * prints: it must not block.
   */
  public void setListener(Runnable listener) {
    this.listener = listener == null ? () -> {} : listener;
  }

  /**
   * Also hands every event, as it happens and whatever {@code /set events} says, to {@code tap} (on
   * the loop's thread; it must not block): the session's trace records the background's work there,
   * in order with the sends it makes (drained later, an accept would come after its replies).
   */
  public void setTap(Consumer<BackgroundEvent> tap) {
    this.tap = tap == null ? e -> {} : tap;
  }

  void emit(BackgroundEvent event) {
    tap.accept(event);
    if (!recording) {
      return;
    }
    long held = event instanceof BackgroundEvent.Relayed r ? r.data().size() : 0;
    synchronized (this) {
      if (queue.size() < MAX_QUEUED && (queuedBytes + held <= MAX_QUEUED_BYTES || held == 0)) {
        queue.add(event);
        queuedBytes += held;
      } else {
        dropped++;
      }
    }
    listener.run();
  }

  /** Wakes whoever prints without an event: a piece of work ended, {@code wait} may be over. */
  void nudge() {
    listener.run();
  }

  /** Takes every event waiting, oldest first. */
  public synchronized Batch drain() {
    if (queue.isEmpty() && dropped == 0) {
      return NONE; // asked between every two lines of a script
    }
    Batch batch = new Batch(new ArrayList<>(queue), dropped);
    queue.clear();
    dropped = 0;
    queuedBytes = 0;
    return batch;
  }
}
