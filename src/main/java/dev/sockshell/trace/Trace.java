package dev.sockshell.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The events of a session in the order they happened, within a bound: past {@link #LIMIT} the
 * oldest are forgotten (and counted), except the events that open a socket, which the pictures need
 * to name a column, kept up to the same bound. So a loop of a million sends costs as much memory as
 * one of twenty thousand. Thread-safe: background work adds events from its own thread.
 */
public final class Trace {
  /** How many events are kept, and how many openings besides. */
  public static final int LIMIT = 20_000;

  /** What a picture is drawn from: the events kept, and how many older ones were forgotten. */
  public record Snapshot(List<TraceEvent> events, long forgotten) {
    public Snapshot {
      events = List.copyOf(events);
    }
  }

  private final int limit;
  private final Deque<TraceEvent> events = new ArrayDeque<>();
  private final Deque<TraceEvent> openingsForgotten = new ArrayDeque<>();
  private long forgotten;
  private long start = System.nanoTime();
  private int sockets;

  public Trace() {
    this(LIMIT);
  }

  /** A trace that keeps {@code limit} events (tests use a small one). */
  public Trace(int limit) {
    this.limit = limit;
  }

  /** Nanoseconds since the trace began: the time to give the next event. */
  public long now() {
    return System.nanoTime() - start;
  }

  /** A number for a socket that appears now, never given before in this trace. */
  public synchronized int newSocket() {
    return ++sockets;
  }

  public synchronized void add(TraceEvent event) {
    events.addLast(event);
    if (events.size() > limit) {
      TraceEvent oldest = events.removeFirst();
      if (oldest instanceof TraceEvent.Opened || oldest instanceof TraceEvent.Accepted) {
        openingsForgotten.addLast(oldest);
        if (openingsForgotten.size() > limit) {
          openingsForgotten.removeFirst();
        }
      }
      forgotten++;
    }
  }

  /**
   * The events kept, in the order they happened; openings whose time has passed come first of all.
   */
  public synchronized Snapshot snapshot() {
    List<TraceEvent> all = new ArrayList<>(openingsForgotten.size() + events.size());
    all.addAll(openingsForgotten);
    List<TraceEvent> kept = new ArrayList<>(events);
    // Background work adds its events as they happen, a command at its end: in time order.
    kept.sort(Comparator.comparingLong(TraceEvent::nanos));
    all.addAll(kept);
    return new Snapshot(all, forgotten);
  }

  /** Forgets everything: a fresh session, whose times start now. */
  public synchronized void clear() {
    events.clear();
    openingsForgotten.clear();
    forgotten = 0;
    sockets = 0;
    start = System.nanoTime();
  }
}
