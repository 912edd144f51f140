package dev.sockshell.net;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The named sockets of one console or script run, in creation order. Closed sockets keep their name
 * (so a later call on them gets EBADF) until {@link #reset} or until the name is reused.
 *
 * <p>The names are shared with the background loop, which adds the connections it accepts and
 * forgets those that closed; so every method here is synchronized, and {@link #sockets} is a copy.
 */
public final class Session implements Closeable {
  private final Map<String, NetSocket> sockets = new LinkedHashMap<>();
  private final Map<String, Integer> nextSuffix = new HashMap<>();

  /** Names a foreground accept holds while it waits or finishes: {@link #freshName} skips them. */
  private final Set<String> held = new HashSet<>();

  private final Waiter waiter = new Waiter();
  private final SocketContext context = new SocketContext(waiter);
  private final EventLoop background = new EventLoop(waiter);

  public Waiter waiter() {
    return waiter;
  }

  /** The background loop that owns the sockets handed to it (served, relayed, with rules). */
  public EventLoop background() {
    return background;
  }

  /**
   * Creates a real OS socket called {@code name}, replacing a closed socket of that name.
   *
   * @throws IllegalStateException if an open socket has that name (the caller checks first)
   */
  public synchronized NetSocket open(String name, Family family, SockType type) throws SocketError {
    checkNameFree(name);
    NetSocket socket =
        type == SockType.SOCK_STREAM
            ? new StreamSocket(name, family, context)
            : new DatagramSocket(name, family, context);
    put(socket);
    return socket;
  }

  /**
   * Accepts a connection on {@code listener} as a new socket called {@code newName}. The wait is
   * not under the session's lock: the background adds the connections it serves meanwhile (issue
   * 11: a served socket keeps serving while a command blocks on another). {@code newName} is held
   * back from {@link #freshName} while the call waits, so no served connection takes it.
   */
  public StreamSocket accept(NetSocket listener, String newName) throws SocketError {
    synchronized (this) {
      checkNameFree(newName);
      held.add(newName);
    }
    try {
      StreamSocket accepted = listener.accept(() -> newName);
      settle(accepted);
      return accepted;
    } finally {
      synchronized (this) {
        held.remove(newName);
      }
    }
  }

  /**
   * Accepts a connection as a new socket with a {@link #freshName}: the name is chosen once a
   * connection is accepted, so an accept that times out or is cancelled uses up none. Like {@link
   * #accept}, it waits without the session's lock.
   */
  public StreamSocket acceptFresh(NetSocket listener, String prefix) throws SocketError {
    FreshName name = new FreshName(prefix);
    try {
      StreamSocket accepted = listener.accept(name);
      settle(accepted);
      return accepted;
    } catch (SocketError | RuntimeException e) {
      name.giveBack();
      throw e;
    }
  }

  /** The accepted connection takes the name held for it while it was accepted. */
  private synchronized void settle(StreamSocket accepted) {
    held.remove(accepted.name());
    put(accepted);
  }

  /** The fresh name of one foreground accept, taken only when a connection is accepted. */
  private final class FreshName implements Supplier<String> {
    private final String prefix;
    private String taken;
    private int before;
    private int after;

    FreshName(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String get() {
      synchronized (Session.this) {
        before = nextSuffix.getOrDefault(prefix, 1);
        taken = freshName(prefix);
        after = nextSuffix.get(prefix);
        held.add(taken);
        return taken;
      }
    }

    /**
     * The connection failed before it became a socket of the session (its TLS handshake): its name
     * is handed out again, unless the background took a later one meanwhile (a served connection's
     * name, forgotten when it closes, must never come back).
     */
    void giveBack() {
      synchronized (Session.this) {
        if (taken != null) {
          held.remove(taken);
          nextSuffix.replace(prefix, after, before);
        }
      }
    }
  }

  /**
   * Python's {@code select.select(read, write, [], timeout)}: which of these sockets are ready,
   * waiting up to {@code timeout} for one (cancellable like any wait). Nothing is read.
   */
  public Readiness.Ready select(List<NetSocket> read, List<NetSocket> write, Timeout timeout)
      throws SocketError {
    return Readiness.select(waiter, read, write, timeout);
  }

  private void checkNameFree(String name) {
    NetSocket existing = sockets.get(name);
    if (existing != null && existing.state() != SocketState.CLOSED) {
      throw new IllegalStateException(name + " is an open socket");
    }
  }

  private void put(NetSocket socket) {
    sockets.remove(socket.name()); // a reused name moves to the end, as a new socket
    sockets.put(socket.name(), socket);
  }

  public synchronized Optional<NetSocket> find(String name) {
    return Optional.ofNullable(sockets.get(name));
  }

  /** The socket called {@code name}, or null: {@link #find} for the per-command path. */
  public synchronized NetSocket get(String name) {
    return sockets.get(name);
  }

  public synchronized boolean isOpenName(String name) {
    NetSocket s = sockets.get(name);
    return s != null && s.state() != SocketState.CLOSED;
  }

  /** The sockets now, in creation order: a copy, which the background may change under. */
  public synchronized Collection<NetSocket> sockets() {
    return List.copyOf(sockets.values());
  }

  /**
   * Adds a connection the background accepted, named with {@link #freshName}. Called on the loop's
   * thread.
   */
  public synchronized void add(StreamSocket accepted) {
    put(accepted);
  }

  /**
   * Forgets {@code socket}, a served connection that closed (only if its name still means it):
   * 100,000 served clients do not leave 100,000 names behind. Its name is not handed out again.
   */
  public synchronized void forget(NetSocket socket) {
    sockets.remove(socket.name(), socket);
  }

  public synchronized List<String> names() {
    return new ArrayList<>(sockets.keySet());
  }

  /** A name not yet used in the session: {@code prefix1}, {@code prefix2}, … */
  public synchronized String freshName(String prefix) {
    // Names are never freed before reset, so the search resumes after the last name handed out
    // instead of probing prefix1, prefix2, … again: 5,000 accepts stay linear.
    for (int i = nextSuffix.getOrDefault(prefix, 1); ; i++) {
      String candidate = prefix + i;
      if (!sockets.containsKey(candidate) && !held.contains(candidate)) {
        nextSuffix.put(prefix, i + 1);
        return candidate;
      }
    }
  }

  /** Tells {@code listener} of every send the session's sockets make (null: nobody). */
  public void setSendListener(SendListener listener) {
    context.sendListener = listener;
  }

  /** The timeout new sockets start with (Python's {@code socket.setdefaulttimeout}). */
  public void setDefaultTimeout(Timeout timeout) {
    context.setDefaultTimeout(timeout);
  }

  public Timeout defaultTimeout() {
    return context.defaultTimeout();
  }

  /** Ends the background's work, closes every socket and forgets every name. */
  public void reset() {
    background.close(); // every socket is the foreground's again, to close here
    synchronized (this) {
      for (NetSocket s : sockets.values()) {
        s.close();
      }
      sockets.clear();
      nextSuffix.clear();
    }
  }

  @Override
  public void close() {
    reset();
    waiter.close();
  }
}
