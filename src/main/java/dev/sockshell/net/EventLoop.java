package dev.sockshell.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The session's background: one thread and one {@link Selector} that own the sockets handed to them
 * (a served listener and its connections, relayed pairs, sockets with rules), so they keep working
 * while the prompt waits, while a command blocks on another socket, and while a script runs. The
 * thread starts with the first socket handed over and ends when none is left.
 *
 * <p>Ownership is explicit and checked: a socket is either the foreground's (the thread that runs
 * commands) or the loop's, from {@link #attach} until {@link #detach}, and {@link
 * NetSocket#checkCaller} fails on any call from the other side. Every hand-over is synchronous: the
 * caller waits until the loop has taken the socket, or let it go. Handlers run on the loop's thread
 * only and never block; Ctrl-C, which cancels the foreground's waits, never reaches them.
 */
public final class EventLoop implements Closeable {
  /** What the loop calls for a socket it owns, always on its own thread. Must not block. */
  public interface Handler {
    /** The socket is ready for what {@link Registration#interest} asked (or holds bytes). */
    void ready(Registration registration);

    /**
     * The socket goes back to the foreground ({@code stop}, or a command that needs it): put back
     * what was read and not yet handled, with {@link StreamSocket#unread}, so nothing is lost.
     */
    void detaching(Registration registration);

    /** A handler failed (a sockshell bug): by default the socket is closed and forgotten. */
    default void failed(Registration registration, RuntimeException e) {
      registration.close(false);
    }
  }

  /** How many rounds of ready sockets {@link #settle} runs at most. */
  private static final int SETTLE_ROUNDS = 16;

  private final Waiter waiter;

  // Guarded by this: the tasks for the loop, and its thread (null while it has nothing to own).
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private LoopThread thread;
  private Selector selector;

  /** Sockets the loop owns now; only its thread touches it. */
  private int owned;

  /**
   * Sockets to handle again without waiting for the selector: they hold bytes a read returns (TLS
   * plaintext decrypted beyond what the handler took). Only the loop's thread touches it.
   */
  private final Set<Registration> again = new LinkedHashSet<>();

  /**
   * The keys the last select found ready, in the order the kernel gave them. Collected with {@link
   * Selector#select(Consumer)} rather than taken from the selected-key set, whose HashSet add and
   * remove a busy server paid on every round trip (perf, PERFORMANCE.md); handled after the select
   * returns, as the JDK forbids a select (attach makes one) inside another's action. Only the
   * loop's thread touches it.
   */
  private final List<SelectionKey> ready = new ArrayList<>();

  private final Consumer<SelectionKey> collect = ready::add;

  EventLoop(Waiter waiter) {
    this.waiter = waiter;
  }

  /** One socket the loop owns: its selection key, and the handler that works on it. */
  public final class Registration {
    private final NetSocket socket;
    private final Handler handler;
    private SelectionKey key;
    private int readyOps;

    private Registration(NetSocket socket, Handler handler) {
      this.socket = socket;
      this.handler = handler;
    }

    public NetSocket socket() {
      return socket;
    }

    /**
     * Says what to be woken for: {@code read} (bytes, a datagram, or a connection to accept) and
     * {@code write} (room to send). A socket holding bytes read earlier is handled at once too.
     */
    public void interest(boolean read, boolean write) {
      if (key == null || !key.isValid()) {
        return;
      }
      int ops = (read ? readOp() : 0) | (write ? SelectionKey.OP_WRITE : 0);
      if (socket instanceof StreamSocket stream) {
        ops = stream.data().backgroundInterest(ops);
        if (read && stream.holdsBytes()) {
          again.add(this); // TLS decrypted more than the handler took: the kernel will not wake us
        }
      }
      if (key.interestOps() != ops) {
        key.interestOps(ops);
      }
    }

    /** True when the last wake-up said the socket can be read (or accepted on) without waiting. */
    public boolean readable() {
      return (readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0;
    }

    /** True when the last wake-up said the socket has room to send. */
    public boolean writable() {
      return (readyOps & SelectionKey.OP_WRITE) != 0;
    }

    private int readOp() {
      return socket.stateNow() == SocketState.LISTENING
          ? SelectionKey.OP_ACCEPT
          : SelectionKey.OP_READ;
    }

    /** Closes the socket (with an RST when {@code reset}); the loop forgets it. */
    public void close(boolean reset) {
      if (reset && socket instanceof StreamSocket stream) {
        stream.abort();
      } else {
        socket.close();
      }
      forget();
    }

    /** The loop forgets the socket, which goes back to the foreground as it is. */
    public void release() {
      forget();
    }

    private void forget() {
      if (key != null) {
        key.cancel();
        key = null;
        owned--;
        socket.owner = null;
      }
    }

    public boolean isAttached() {
      return key != null;
    }
  }

  /**
   * Hands {@code socket} to the loop, which calls {@code handler} whenever it is ready. Called on
   * the foreground thread (or by a handler, for a connection it accepted). The handler is called
   * once at once, with nothing ready, so it can start (send a greeting, or hand on what a
   * foreground recv left held).
   */
  public Registration attach(NetSocket socket, Handler handler) throws SocketError {
    SelectableChannel channel = (SelectableChannel) socket.channel();
    if (!onLoop()) {
      waiter.forget(channel); // the foreground's selector must hold no key of the loop's socket
    }
    return call(
        () -> {
          Registration r = new Registration(socket, handler);
          try {
            if (channel.keyFor(selector) != null) {
              // Its key from an earlier attach is cancelled but still registered until the
              // selector's next select: flush it, or register would fail. What this select finds
              // ready the next one finds again (epoll is level-triggered): nothing is lost.
              selector.selectNow(key -> {});
            }
            r.key = channel.register(selector, 0, r);
          } catch (ClosedChannelException | CancelledKeyException e) {
            throw new IllegalStateException(socket.name() + " is closed", e);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          owned++;
          socket.owner = Thread.currentThread();
          r.handler.ready(r);
          return r;
        });
  }

  /**
   * Takes {@code socket} back for the foreground: its handler puts back what it held, and from then
   * on only the foreground may call it.
   *
   * @return the handler that had it, to hand it back to later; null if the loop did not own it
   */
  public Handler detach(NetSocket socket) {
    if (!socket.inBackground()) {
      return null;
    }
    return call(
        () -> {
          SelectionKey key = ((SelectableChannel) socket.channel()).keyFor(selector);
          if (key == null || !(key.attachment() instanceof Registration r) || !r.isAttached()) {
            return null;
          }
          r.handler.detaching(r);
          r.release();
          return r.handler;
        });
  }

  /**
   * Runs {@code task} on the loop's thread and returns its result once it ran: how the foreground
   * asks about or changes what the loop owns. On the loop's own thread it runs at once.
   */
  public <T> T call(Supplier<T> task) {
    if (onLoop()) {
      return task.get();
    }
    CompletableFuture<T> done = new CompletableFuture<>();
    submit(
        () -> {
          T result;
          try {
            result = task.get();
          } catch (RuntimeException e) {
            endIfIdle();
            done.completeExceptionally(e);
            return;
          }
          endIfIdle();
          done.complete(result);
        });
    // The loop never blocks, so this wait is short; Ctrl-C is for the foreground's waits, not this.
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return done.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Lets the loop finish what is ready now before the foreground goes on: it handles every socket
   * that is ready, then those that became ready by that (a reply reaching a relay), a few rounds at
   * most. On loopback a send is in the peer's buffer when it returns, so after a command and a
   * settle, what the background made of it is known: a script's output does not depend on timing.
   */
  public void settle() {
    synchronized (this) {
      if (thread == null) {
        return;
      }
    }
    call(
        () -> {
          for (int round = 0; round < SETTLE_ROUNDS; round++) {
            try {
              if (selector.selectNow(collect) == 0 && again.isEmpty()) {
                break;
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            handleSelected();
            handleAgain();
          }
          return null;
        });
  }

  /** True while the loop owns any socket. */
  public synchronized boolean isRunning() {
    return thread != null;
  }

  private static boolean onLoop() {
    return Thread.currentThread() instanceof LoopThread;
  }

  /** True on the loop's thread: a socket the foreground owns must not be touched there. */
  static boolean isLoopThread(Thread t) {
    return t instanceof LoopThread;
  }

  private synchronized void submit(Runnable task) {
    tasks.add(task);
    if (thread == null) {
      try {
        selector = Selector.open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      thread = new LoopThread(this::run);
      thread.start();
    } else {
      selector.wakeup();
    }
  }

  /**
   * Ends the loop now if the task that just ran left it nothing to own and nothing else to do: its
   * selector's descriptors are closed before the caller of {@link #call} goes on, so after a {@code
   * stop} of the last work the session holds the descriptors it held before any.
   */
  private void endIfIdle() {
    if (owned == 0) {
      synchronized (this) {
        if (tasks.isEmpty()) {
          thread = null;
          closeSelector();
        }
      }
    }
  }

  /** True once this thread is no longer the loop's (it ended; a later task starts another). */
  private synchronized boolean ended() {
    return thread != Thread.currentThread();
  }

  /** The next task, or null; when there is none and nothing is owned, the loop ends. */
  private synchronized Runnable nextTask(boolean mayEnd) {
    Runnable task = tasks.poll();
    if (task == null && mayEnd) {
      thread = null;
      closeSelector();
    }
    return task;
  }

  private void run() {
    while (true) {
      for (Runnable task = nextTask(false); task != null; task = nextTask(false)) {
        task.run();
        if (ended()) {
          return;
        }
      }
      if (owned == 0) {
        Runnable last = nextTask(true);
        if (last == null) {
          return;
        }
        last.run();
        if (ended()) {
          return;
        }
        continue;
      }
      try {
        if (again.isEmpty()) {
          selector.select(collect);
        } else {
          selector.selectNow(collect);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      handleSelected();
      handleAgain();
    }
  }

  /** Handles the sockets that still hold bytes to read, as if the selector had said so. */
  private void handleAgain() {
    if (again.isEmpty()) {
      return;
    }
    List<Registration> now = new ArrayList<>(again);
    again.clear();
    for (Registration r : now) {
      if (r.isAttached() && r.key.isValid()) {
        r.readyOps = SelectionKey.OP_READ;
        try {
          r.handler.ready(r);
        } catch (RuntimeException e) {
          r.handler.failed(r, e);
        }
        r.readyOps = 0;
      }
    }
  }

  private void handleSelected() {
    for (int i = 0; i < ready.size(); i++) {
      SelectionKey key = ready.get(i);
      Registration r = (Registration) key.attachment();
      if (!key.isValid()) {
        continue; // closed by the handler of a key before it in this round
      }
      r.readyOps = key.readyOps();
      if (r.socket instanceof StreamSocket stream) {
        stream.flushTls(); // ciphertext that waited for room goes before the handler runs
      }
      try {
        r.handler.ready(r);
      } catch (RuntimeException e) {
        r.handler.failed(r, e); // a bug in one handler must not end every other's work
      }
      r.readyOps = 0;
    }
    ready.clear();
  }

  private void closeSelector() {
    try {
      selector.close(); // every key is cancelled by now: this frees the descriptors at once
    } catch (IOException e) {
      // Nothing left to release.
    }
    selector = null;
  }

  /**
   * Lets every socket go back to the foreground, each handler putting back what it held, and waits
   * until the loop's thread has ended. For /reset and the end of a session.
   */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (thread == null) {
        return;
      }
      t = thread;
    }
    call(
        () -> {
          for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Registration r) {
              r.handler.detaching(r);
              r.release();
            }
          }
          return null;
        });
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The loop's thread: sockets it owns may be called only from it. */
  private static final class LoopThread extends Thread {
    LoopThread(Runnable run) {
      super(run, "sockshell-background");
      setDaemon(true);
    }
  }
}
