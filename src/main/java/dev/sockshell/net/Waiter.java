package dev.sockshell.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Makes a non-blocking channel look blocking: waits on one {@link Selector} until the channel is
 * ready, its deadline passes, or {@link #cancel} is called (Ctrl-C). Every channel in a session
 * stays non-blocking and no thread is spent per socket. Cancelling never interrupts a thread,
 * because interrupting a thread in a channel operation closes the channel.
 */
public final class Waiter implements Closeable {
  /** Told when a call starts and stops waiting, e.g. to show that the console is blocked. */
  public interface Listener {
    void waiting(String what);

    void doneWaiting();
  }

  private static final Listener SILENT =
      new Listener() {
        @Override
        public void waiting(String what) {}

        @Override
        public void doneWaiting() {}
      };

  /**
   * Opened by the first call that has to wait: a script whose calls never block (and every
   * session's start-up) does without the selector machinery.
   */
  private volatile Selector selector;

  private volatile boolean cancelled;
  private volatile Listener listener = SILENT;

  /** Set by {@link #wakeup}: the background has news, which {@link #onWake} prints. */
  private volatile boolean woken;

  private volatile Runnable onWake = () -> {};
  private volatile boolean wakeDuringEveryWait;

  public void setListener(Listener listener) {
    this.listener = listener == null ? SILENT : listener;
  }

  /**
   * Tells the listener that something starts which may run long without waiting (a loop of calls
   * that never block), as a wait would: whatever makes Ctrl-C cancel a wait must be ready now.
   */
  public void longRunStarts(String what) {
    listener.waiting(what);
    listener.doneWaiting();
  }

  /**
   * What to run on this thread when {@link #wakeup} interrupts a wait: print the background's
   * events. It runs during {@link #sleep} and {@link #pause} (a script hands its time to the
   * background there), and with {@code duringEveryWait} during every wait (the console shows them
   * live; a script shows them between its lines, so its output does not depend on timing).
   */
  public void setOnWake(Runnable onWake, boolean duringEveryWait) {
    this.onWake = onWake == null ? () -> {} : onWake;
    this.wakeDuringEveryWait = duringEveryWait;
  }

  /** Wakes the current wait to run {@link #setOnWake}'s task; from any thread, never blocks. */
  public void wakeup() {
    woken = true;
    Selector current = selector;
    if (current != null) {
      current.wakeup();
    }
  }

  /** Runs the wake-up task if the background woke this wait. */
  private void takeWakeup(boolean live) {
    if (woken && (live || wakeDuringEveryWait)) {
      woken = false;
      onWake.run();
    }
  }

  /**
   * Waits until {@code done} holds, {@code seconds} pass, or Ctrl-C (KeyboardInterrupt), running
   * the wake-up task whenever the background wakes it: {@code wait}.
   *
   * @param seconds how long at most; infinite for no limit
   * @return true if {@code done} held, false when the time was up
   */
  public boolean pause(double seconds, BooleanSupplier done, String what) throws SocketError {
    long start = System.nanoTime();
    long nanos = seconds < Long.MAX_VALUE / 1e9 ? (long) (seconds * 1e9) : Long.MAX_VALUE;
    long deadline = nanos < Long.MAX_VALUE - start ? start + nanos : Long.MAX_VALUE;
    Selector selector = selector();
    listener.waiting(what);
    try {
      while (true) {
        // Done is read before the news is taken: the background's last events (a relay's end, the
        // replies before it) came before its work ended, so they print before wait's answer.
        boolean finished = done.getAsBoolean();
        takeWakeup(true);
        if (finished) {
          return true;
        }
        checkCancelled(what);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        if (woken) {
          continue;
        }
        if (deadline == Long.MAX_VALUE) {
          selector.select();
        } else {
          selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } finally {
      listener.doneWaiting();
    }
  }

  /** Forgets an earlier {@link #cancel}: a new line is about to be read (or was just typed). */
  public void reset() {
    cancelled = false;
  }

  /** Makes the current (or next) wait of the running command fail with KeyboardInterrupt. */
  public void cancel() {
    cancelled = true;
    Selector current = selector;
    if (current != null) {
      current.wakeup();
    }
  }

  /**
   * Waits until {@code channel} is ready for {@code ops}.
   *
   * @param what what the call is waiting for, for the listener ("accept on srv")
   * @param deadline a {@link System#nanoTime} value, or {@code Long.MAX_VALUE} to wait forever
   * @throws SocketError TimeoutError at the deadline, KeyboardInterrupt on {@link #cancel}
   */
  void await(SelectableChannel channel, int ops, long deadline, String what) throws SocketError {
    Selector selector = selector();
    SelectionKey key = register(selector, channel, ops);
    listener.waiting(what);
    try {
      while (true) {
        checkCancelled(what);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw SocketError.timedOut();
        }
        if (deadline == Long.MAX_VALUE) {
          selector.select();
        } else {
          // Round up: select(0) would mean "forever".
          selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
        }
        boolean ready = selector.selectedKeys().remove(key) && (key.readyOps() & ops) != 0;
        selector.selectedKeys().clear();
        if (ready) {
          return;
        }
        takeWakeup(false);
      }
    } catch (CancelledKeyException e) {
      throw SocketError.of(Errno.EBADF);
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } finally {
      if (key.isValid()) {
        key.interestOps(0);
      }
      listener.doneWaiting();
    }
  }

  /**
   * Waits {@code seconds} on the selector, so that {@link #cancel} (Ctrl-C) ends it early with
   * KeyboardInterrupt; a script's {@code sleep}. No channel is watched.
   */
  public void sleep(double seconds) throws SocketError {
    if (!(seconds > 0)) {
      return;
    }
    // Beyond about 292 years the nanoseconds overflow: that is forever.
    long nanos = seconds < Long.MAX_VALUE / 1e9 ? (long) (seconds * 1e9) : Long.MAX_VALUE;
    long start = System.nanoTime();
    long deadline = nanos < Long.MAX_VALUE - start ? start + nanos : Long.MAX_VALUE;
    select(Map.of(), deadline, "sleep", true);
  }

  /**
   * Python's {@code select}: waits until one of the channels is ready for one of its ops, the
   * deadline passes, or {@link #cancel} is called, and returns the ready ops of each ready channel
   * (empty at the deadline). A deadline already passed just looks. With no channels it only waits,
   * still cancellable.
   *
   * @param deadline a {@link System#nanoTime} value, or {@code Long.MAX_VALUE} to wait forever
   * @throws SocketError KeyboardInterrupt on {@link #cancel}, EBADF for a closed channel
   */
  Map<SelectableChannel, Integer> select(
      Map<SelectableChannel, Integer> interest, long deadline, String what) throws SocketError {
    return select(interest, deadline, what, false);
  }

  private Map<SelectableChannel, Integer> select(
      Map<SelectableChannel, Integer> interest, long deadline, String what, boolean live)
      throws SocketError {
    Selector selector = selector();
    Map<SelectionKey, SelectableChannel> keys = new HashMap<>();
    boolean waits = deadline - System.nanoTime() > 0;
    if (waits) {
      listener.waiting(what);
    }
    try {
      for (Map.Entry<SelectableChannel, Integer> e : interest.entrySet()) {
        keys.put(register(selector, e.getKey(), e.getValue()), e.getKey());
      }
      while (true) {
        checkCancelled(what);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          selector.selectNow();
        } else if (deadline == Long.MAX_VALUE) {
          selector.select();
        } else {
          // Round up: select(0) would mean "forever".
          selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999)));
        }
        Map<SelectableChannel, Integer> ready = new HashMap<>();
        for (SelectionKey key : selector.selectedKeys()) {
          SelectableChannel channel = keys.get(key);
          int ops = key.isValid() ? key.readyOps() & key.interestOps() : 0;
          if (channel != null && ops != 0) {
            ready.put(channel, ops);
          }
        }
        selector.selectedKeys().clear();
        if (!ready.isEmpty() || deadline - System.nanoTime() <= 0) {
          return ready;
        }
        takeWakeup(live);
      }
    } catch (CancelledKeyException e) {
      throw SocketError.of(Errno.EBADF);
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } finally {
      for (SelectionKey key : keys.keySet()) {
        if (key.isValid()) {
          key.interestOps(0);
        }
      }
      if (waits) {
        listener.doneWaiting();
      }
    }
  }

  /** True once {@link #cancel} was called, until {@link #reset}. */
  boolean isCancelled() {
    return cancelled;
  }

  /**
   * Fails with KeyboardInterrupt if {@link #cancel} was called: for long calls that only wait now
   * and then (a file transfer), so Ctrl-C stops them between chunks too.
   */
  void checkCancelled(String what) throws SocketError {
    if (cancelled) {
      throw SocketError.python(PyException.KeyboardInterrupt, what + " cancelled");
    }
  }

  private Selector selector() throws SocketError {
    if (selector == null) {
      try {
        selector = Selector.open();
      } catch (IOException e) {
        throw JdkErrors.map(e);
      }
    }
    return selector;
  }

  private static SelectionKey register(Selector selector, SelectableChannel channel, int ops)
      throws SocketError {
    SelectionKey key = channel.keyFor(selector);
    try {
      return key == null ? channel.register(selector, ops) : key.interestOps(ops);
    } catch (ClosedChannelException | CancelledKeyException e) {
      throw SocketError.of(Errno.EBADF);
    }
  }

  /**
   * Drops this selector's key for {@code channel}, which the background loop takes over: the
   * foreground's selector holds no key of a socket it does not own.
   */
  void forget(SelectableChannel channel) {
    Selector current = selector;
    SelectionKey key = current == null ? null : channel.keyFor(current);
    if (key != null) {
      key.cancel();
      try {
        current.selectNow();
        current.selectedKeys().clear();
      } catch (IOException e) {
        // The key is cancelled; the selector drops it on its next use.
      }
    }
  }

  /**
   * Closes {@code channel} now. A channel registered with a selector keeps its file descriptor
   * until the selector drops the key, so the key is flushed here and the port is free at once.
   */
  void release(SelectableChannel channel) {
    try {
      Selector current = selector;
      SelectionKey key = current == null ? null : channel.keyFor(current);
      channel.close();
      if (key != null && current.isOpen()) {
        current.selectNow();
        current.selectedKeys().clear();
      }
    } catch (IOException e) {
      // close(2) errors leave nothing the user can act on; the socket is gone either way.
    }
  }

  @Override
  public void close() {
    try {
      if (selector != null) {
        selector.close();
      }
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
