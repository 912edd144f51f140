package dev.sockshell.net;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

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

  public void setListener(Listener listener) {
    this.listener = listener == null ? SILENT : listener;
  }

  /** Forgets an earlier {@link #cancel}; called as each command starts. */
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
        if (cancelled) {
          throw SocketError.python(PyException.KeyboardInterrupt, what + " cancelled");
        }
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
    long start = System.nanoTime();
    // Beyond about 292 years the nanoseconds overflow: that is forever.
    long nanos = seconds < Long.MAX_VALUE / 1e9 ? (long) (seconds * 1e9) : Long.MAX_VALUE;
    Selector selector = selector();
    listener.waiting("sleep");
    try {
      while (true) {
        if (cancelled) {
          throw SocketError.python(PyException.KeyboardInterrupt, "sleep cancelled");
        }
        long left = nanos - (System.nanoTime() - start);
        if (left <= 0) {
          return;
        }
        // Round up: select(0) would mean "forever".
        selector.select(
            Math.max(
                1,
                TimeUnit.NANOSECONDS.toMillis(Math.min(left, Long.MAX_VALUE - 999_999) + 999_999)));
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } finally {
      listener.doneWaiting();
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
