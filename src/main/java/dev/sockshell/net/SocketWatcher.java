package dev.sockshell.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reports what happens on a session's sockets while nobody calls them (the console's prompt is
 * waiting): one thread and one {@link Selector} for the whole session, which only check readiness
 * and never read, so the next recv still returns every byte.
 *
 * <p>It watches only between {@link #resume} and {@link #pause}, and while paused holds no
 * selection key: a command that closes a socket then frees its port at once (a channel keeps its
 * file descriptor until every selector it is registered with drops its key, see {@link
 * Waiter#release}), and no socket is touched by two threads. Readiness is level-triggered, so a
 * socket is disarmed once its condition is reported, and looked at again after the next command, or
 * once a second (not in a spin) while its condition can still change without one. A condition is
 * reported once: an event equal to the last one told for that socket is not news.
 */
public final class SocketWatcher implements Closeable {
  /** Told about each event, on the watcher's thread. */
  public interface Listener {
    void event(SocketEvent event);
  }

  private static final long RECHECK_MILLIS = 1000;

  private final Listener listener;
  private final Selector selector;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // Guarded by lock: what the command thread asks, and whether the watcher holds any key.
  private List<Probe.Watch> toWatch;
  private boolean watching;
  private boolean closed;
  private Thread thread;

  /** The last event reported per socket (null: nothing to tell); only the watcher thread. */
  private Map<NetSocket, SocketEvent> known = new HashMap<>();

  private volatile boolean active;
  private long evaluations;

  public SocketWatcher(Listener listener) {
    this.listener = listener;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts watching {@code sockets} (the prompt is about to wait). Called on the thread that runs
   * commands, which must not touch the sockets again before {@link #pause}.
   *
   * @param used names of sockets a command ran on since the last pause: an earlier event on them
   *     that could not count (a datagram) is forgotten, as one just like it may be a new one
   */
  public void resume(Collection<NetSocket> sockets, Set<String> used) {
    List<Probe.Watch> watches = Probe.watches(sockets, used);
    lock.lock();
    try {
      if (closed) {
        return;
      }
      toWatch = watches;
      active = true;
      if (thread == null) {
        thread = new Thread(this::run, "sockshell-events");
        thread.setDaemon(true);
        thread.start();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops watching and returns once the watcher holds no selection key and reports nothing more, so
   * a command may run.
   */
  public void pause() {
    lock.lock();
    try {
      active = false;
      toWatch = null;
      selector.wakeup();
      while (watching) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many times a socket's condition was checked, so a test can tell it never spins. */
  long evaluations() {
    lock.lock();
    try {
      return evaluations;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    Thread t;
    lock.lock();
    try {
      closed = true;
      t = thread;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    pause();
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }

  private void run() {
    while (true) {
      List<Probe.Watch> watches;
      lock.lock();
      try {
        while (!closed && toWatch == null) {
          changed.awaitUninterruptibly();
        }
        if (closed) {
          return;
        }
        watches = toWatch;
        toWatch = null;
        watching = true;
      } finally {
        lock.unlock();
      }
      try {
        watch(watches);
      } catch (IOException | RuntimeException e) {
        // A socket closed under the watcher or the selector failed: stop telling until the next
        // prompt rather than guess. Commands report the sockets' real state.
      } finally {
        release();
      }
    }
  }

  private void watch(List<Probe.Watch> watches) throws IOException {
    Map<NetSocket, SocketEvent> remembered = new HashMap<>();
    for (Probe.Watch w : watches) {
      SocketEvent last = known.get(w.socket());
      if (w.used() && last != null && last.count() < 0) {
        // After a command on the socket, an event that could not count (a datagram, a client
        // without the kernel's tables) may be a new one just like it: forget it so it is told.
        last = null;
      }
      // A recv that returned b'' told the user the EOF, whatever was reported before it.
      boolean eofTold = w.eofSeen() && (last == null || w.used());
      remembered.put(w.socket(), eofTold ? Probe.seenEof(w) : last);
      try {
        w.channel().register(selector, w.ops(), w);
      } catch (ClosedChannelException e) {
        // Closed since the snapshot: nothing to watch.
      }
    }
    known = remembered;
    selector.selectNow();
    for (Probe.Watch w : watches) {
      // A socket not ready now has nothing waiting: whatever was reported is over.
      SelectionKey key = w.channel().keyFor(selector);
      if (key == null || !selector.selectedKeys().contains(key)) {
        known.put(w.socket(), null);
      }
    }
    boolean recheckPlanned = false;
    long recheckAt = 0;
    while (active) {
      evaluate(selector.selectedKeys());
      selector.selectedKeys().clear();
      if (!anyMayChange()) {
        recheckPlanned = false;
        selector.select();
        continue;
      }
      long now = System.nanoTime();
      if (!recheckPlanned) {
        recheckPlanned = true;
        recheckAt = now + TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS);
      }
      if (recheckAt - now > 0) {
        // Rounded up: select(0) would wait forever, and a shorter wait would spin.
        selector.select(TimeUnit.NANOSECONDS.toMillis(recheckAt - now + 999_999));
      }
      if (active && System.nanoTime() - recheckAt >= 0) {
        recheckPlanned = false;
        recheck();
      }
    }
  }

  private boolean anyMayChange() {
    for (SelectionKey key : selector.keys()) {
      if (mayChange(key)) {
        return true;
      }
    }
    return false;
  }

  /** Looks again at disarmed sockets: has what they have waiting changed? */
  private void recheck() {
    Set<SelectionKey> disarmed = new HashSet<>();
    for (SelectionKey key : selector.keys()) {
      if (mayChange(key)) {
        disarmed.add(key);
      }
    }
    evaluate(disarmed);
  }

  /**
   * True for a disarmed socket whose condition can still change while nobody calls it: more bytes
   * or the peer's close behind unread data, more clients in a counted backlog. After the peer's
   * close, a datagram or a finished connect, only a command changes anything.
   */
  private boolean mayChange(SelectionKey key) {
    if (!key.isValid() || key.interestOps() != 0) {
      return false;
    }
    SocketEvent last = known.get(((Probe.Watch) key.attachment()).socket());
    return last == null
        || last.kind() == SocketEvent.Kind.DATA && last.peer() == SocketEvent.Peer.OPEN
        || last.kind() == SocketEvent.Kind.CONNECTIONS && last.count() >= 0;
  }

  private void evaluate(Set<SelectionKey> ready) {
    Probe probe = new Probe();
    for (SelectionKey key : ready) {
      if (!active) {
        return;
      }
      Probe.Watch w = (Probe.Watch) key.attachment();
      try {
        key.interestOps(0); // level-triggered: until looked at again, it would fire non-stop
      } catch (CancelledKeyException e) {
        continue;
      }
      SocketEvent last = known.get(w.socket());
      SocketEvent event = afterFin(probe.evaluate(w), last);
      count();
      if (event != null && !event.equals(last)) {
        listener.event(event);
      }
      known.put(w.socket(), event);
    }
  }

  /**
   * A reset that follows the peer's FIN (its socket closed, then our send hit it) is no error to
   * recv: Linux's recv returns b'' once a FIN came, so what was told as EOF stays EOF. The kernel's
   * table cannot tell this reset from one without a FIN (both remove the row); what was told can.
   */
  private static SocketEvent afterFin(SocketEvent event, SocketEvent told) {
    boolean finTold = told != null && told.peer() == SocketEvent.Peer.EOF;
    return event != null && finTold && event.peer() == SocketEvent.Peer.RESET
        ? new SocketEvent(event.socket(), event.kind(), event.count(), SocketEvent.Peer.EOF)
        : event;
  }

  private void count() {
    lock.lock();
    try {
      evaluations++;
    } finally {
      lock.unlock();
    }
  }

  /** Drops every key now, so closing a socket frees its descriptor at once. */
  private void release() {
    for (SelectionKey key : selector.keys()) {
      key.cancel();
    }
    try {
      selector.selectNow();
    } catch (IOException e) {
      // The keys are cancelled; the selector drops them on its next use or close.
    }
    lock.lock();
    try {
      watching = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
