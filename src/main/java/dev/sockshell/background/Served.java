package dev.sockshell.background;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.EventLoop;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A listening stream socket served in the background ({@code serve NAME --echo}): accepts every
 * connection as it arrives, names it as {@code accept} does, and hands it to a {@link Connection}
 * with its own {@link Responder}. With {@code --max N} it stops accepting after N connections and
 * ends when the last of them closes.
 */
final class Served implements EventLoop.Handler, Job, Connection.Owner {
  /** Connections accepted per wake-up at most, so a connection storm cannot starve the others. */
  private static final int ACCEPTS_PER_WAKE = 64;

  private final Jobs jobs;
  private final StreamSocket listener;
  private final Jobs.Mode mode;
  private final String how;
  private final Supplier<Responder> responders;
  private final Integer max;

  // Only the loop's thread touches these.
  private final Set<Connection> open = new LinkedHashSet<>();
  private EventLoop.Registration registration;
  private boolean listening = true;
  private int accepted;
  private long closedIn;
  private long closedOut;

  Served(
      Jobs jobs,
      StreamSocket listener,
      Jobs.Mode mode,
      String how,
      Supplier<Responder> responders,
      Integer max) {
    this.jobs = jobs;
    this.listener = listener;
    this.mode = mode;
    this.how = how;
    this.responders = responders;
    this.max = max;
  }

  @Override
  public void ready(EventLoop.Registration r) {
    registration = r;
    try {
      for (int i = 0; i < ACCEPTS_PER_WAKE && listening && !maxReached(); i++) {
        StreamSocket connection = listener.acceptNow(() -> jobs.session().freshName("conn"));
        if (connection == null) {
          break;
        }
        accepted++;
        if (!listener.userSet(SockOpt.TCP_NODELAY) && listener.family() != Family.AF_UNIX) {
          connection.setNoDelay();
        }
        jobs.session().add(connection);
        // Told even with /set events off (the log keeps which serve named it), but then with no
        // address looked up.
        jobs.emit(
            new BackgroundEvent.Accepted(
                listener.name(),
                connection.name(),
                jobs.events().recording() ? peer(connection) : null));
        Connection c = new Connection(connection, responders.get(), jobs, this);
        open.add(c);
        jobs.attach(connection, c);
      }
    } catch (SocketError e) {
      // EMFILE and the like would fail again at once: stop serving rather than spin.
      jobs.emit(new BackgroundEvent.Failed(listener.name(), e.toString()));
      stopListening();
      return;
    }
    if (maxReached()) {
      stopListening();
    } else if (listening) {
      r.interest(true, false);
    }
  }

  private boolean maxReached() {
    return max != null && accepted >= max;
  }

  private static SockAddress peer(StreamSocket connection) {
    try {
      return connection.peerAddress();
    } catch (SocketError e) {
      return null;
    }
  }

  /** The listener goes back to the foreground, still listening; the connections go on. */
  private void stopListening() {
    if (listening) {
      listening = false;
      if (registration != null) {
        registration.release();
      }
      jobs.forgetHandler(listener);
      endIfDone();
    }
  }

  @Override
  public void ended(Connection connection) {
    open.remove(connection);
    closedIn += connection.socket().bytesReceived();
    closedOut += connection.socket().bytesSent();
    jobs.forgetConnection(connection.socket());
    endIfDone();
  }

  private void endIfDone() {
    if (!listening && open.isEmpty()) {
      jobs.ended(
          this,
          new BackgroundEvent.Ended(
              listener.name(),
              Text.get(
                  "background.served.ended",
                  listener.name(),
                  Jobs.count(accepted, "connection"),
                  maxReached() ? " (--max " + max + ")" : "")));
    }
  }

  @Override
  public void detaching(EventLoop.Registration r) {
    // A listener holds no bytes: a foreground accept just takes the next connection.
  }

  @Override
  public void failed(EventLoop.Registration r, RuntimeException e) {
    jobs.emit(new BackgroundEvent.Failed(listener.name(), Text.get("internal.error", e)));
    stopListening();
  }

  @Override
  public boolean involves(NetSocket socket) {
    return socket == listener || serves(socket);
  }

  /** True if {@code socket} is one of the connections it accepted and still answers. */
  boolean serves(NetSocket socket) {
    for (Connection c : open) {
      if (c.socket() == socket) {
        return true;
      }
    }
    return false;
  }

  String listenerName() {
    return listener.name();
  }

  Jobs.Mode mode() {
    return mode;
  }

  @Override
  public String stop() {
    int closing = open.size();
    listening = false;
    if (registration != null && registration.isAttached()) {
      registration.release();
    }
    jobs.forgetHandler(listener);
    for (Connection c : Set.copyOf(open)) {
      c.stop();
    }
    endIfDone();
    return closing == 0
        ? Text.get("background.unserved", listener.name())
        : Text.get(
            "background.unserved.closing", listener.name(), Jobs.count(closing, "connection"));
  }

  @Override
  public String describe() {
    long in = closedIn;
    long out = closedOut;
    for (Connection c : open) {
      in += c.socket().bytesReceived();
      out += c.socket().bytesSent();
    }
    return Text.get(
        listening ? "background.describe.serves" : "background.describe.served",
        listener.name(),
        how + (max != null ? " --max " + max : ""),
        Jobs.count(accepted, "connection"),
        open.size(),
        in,
        out);
  }

  @Override
  public String role(NetSocket socket) {
    return socket == listener
        ? Text.get("role.serving", how)
        : Text.get("role.served.by", listener.name());
  }
}
