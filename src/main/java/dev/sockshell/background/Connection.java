package dev.sockshell.background;

import dev.sockshell.background.BackgroundEvent.Why;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.EventLoop;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import java.nio.ByteBuffer;

/**
 * One connection the background handles (served, or with rules): a small non-blocking state
 * machine. When woken it sends what earlier replies left unsent, reads what is there, lets its
 * {@link Responder} answer, and sends what fits, keeping the rest. A peer that does not read cannot
 * block anything: once {@link #MAX_UNSENT} bytes of replies wait, the connection stops reading from
 * it (the kernel's buffers then push back on the peer) until they went out.
 */
final class Connection implements EventLoop.Handler {
  /** The most bytes of replies kept for a peer that does not read. */
  static final int MAX_UNSENT = 256 << 10;

  /** Reads per wake-up at most, so one busy peer cannot starve the others. */
  private static final int READS_PER_WAKE = 16;

  /** Who to tell when the connection is over. */
  interface Owner {
    /** The connection closed. */
    void ended(Connection connection);

    /**
     * The peer closed and the responder keeps the connection open (rules on the user's own socket):
     * nothing more can happen here, so the socket goes back to the user.
     */
    default void peerDone(Connection connection) {}
  }

  private final StreamSocket socket;
  private final Responder responder;
  private final Jobs jobs;
  private final Owner owner;

  private EventLoop.Registration registration;

  /** Replies not sent yet, ready to write (position to limit), or null. */
  private ByteBuffer unsent;

  private boolean peerClosed;
  private boolean opened;
  private boolean stallTold;
  private boolean ended;

  Connection(StreamSocket socket, Responder responder, Jobs jobs, Owner owner) {
    this.socket = socket;
    this.responder = responder;
    this.jobs = jobs;
    this.owner = owner;
  }

  StreamSocket socket() {
    return socket;
  }

  String name() {
    return socket.name();
  }

  @Override
  public void ready(EventLoop.Registration r) {
    registration = r;
    if (ended) {
      return;
    }
    try {
      if (!opened) {
        opened = true;
        responder.opened(this);
      }
      flush();
      readWhatIsThere();
      if (ended) {
        return;
      }
      if (peerClosed && unsentBytes() == 0) {
        if (responder.closesAtEof()) {
          end(Why.PEER_CLOSED, false);
        } else {
          release();
          owner.peerDone(this);
        }
        return;
      }
      boolean backedUp = unsentBytes() >= MAX_UNSENT || responder.full();
      if (backedUp && !stallTold) {
        stallTold = true;
        boolean replies = unsentBytes() >= MAX_UNSENT;
        jobs.emit(
            new BackgroundEvent.Stalled(
                name(), replies ? unsentBytes() : responder.heldSize(), replies));
      } else if (!backedUp) {
        stallTold = false;
      }
      r.interest(!peerClosed && !backedUp, unsentBytes() > 0);
    } catch (SocketError e) {
      failed(e);
    }
  }

  private void readWhatIsThere() throws SocketError {
    ByteBuffer buffer = jobs.scratch();
    for (int i = 0; i < READS_PER_WAKE && !peerClosed && !ended; i++) {
      if (unsentBytes() >= MAX_UNSENT || responder.full()) {
        return;
      }
      buffer.clear();
      int n = socket.readNow(buffer);
      if (n == 0) {
        return;
      }
      if (n < 0) {
        peerClosed = true;
        responder.eof(this);
        return;
      }
      responder.received(this, buffer.flip());
      if (n < buffer.capacity() && !socket.holdsBytes()) {
        return; // a short read: the kernel had no more (the selector wakes us when it has)
      }
    }
  }

  /**
   * Sends {@code data} (position to limit) as a reply: what fits now goes at once, the rest is
   * kept, in order, for when the peer reads. {@code why} says what answered, for the event.
   */
  void reply(ByteBuffer data, String why) {
    if (ended) {
      return;
    }
    int size = data.remaining();
    if (jobs.events().recording()) {
      ByteBuffer start = data.duplicate();
      ByteString preview =
          ByteString.read(start.limit(start.position() + Math.min(size, Events.PREVIEW)));
      jobs.emit(new BackgroundEvent.Replied(name(), preview, size, null, why));
    }
    try {
      if (unsentBytes() == 0) {
        socket.writeNow(data);
      }
      if (data.hasRemaining()) {
        keep(data);
      }
    } catch (SocketError e) {
      failed(e);
    }
  }

  /** Closes the connection on a rule's action: with a FIN, or an RST when {@code reset}. */
  void close(boolean reset) {
    if (!ended) {
      end(reset ? Why.RULE_RESET : Why.RULE_CLOSE, reset);
    }
  }

  private void keep(ByteBuffer rest) {
    if (unsent == null) {
      unsent = ByteBuffer.allocate(Math.max(rest.remaining(), 4096)).flip();
    }
    if (unsent.capacity() - unsent.limit() < rest.remaining()) {
      ByteBuffer bigger =
          ByteBuffer.allocate(
              Math.max(unsent.remaining() + rest.remaining(), unsent.capacity() * 2));
      bigger.put(unsent).flip();
      unsent = bigger;
    }
    int start = unsent.position();
    unsent.position(unsent.limit()).limit(unsent.limit() + rest.remaining());
    unsent.put(rest);
    unsent.position(start);
  }

  private void flush() throws SocketError {
    if (unsent != null && unsent.hasRemaining()) {
      socket.writeNow(unsent);
    }
    if (unsent != null && !unsent.hasRemaining()) {
      unsent = null; // a peer that read everything costs no buffer
    }
  }

  int unsentBytes() {
    return unsent == null ? 0 : unsent.remaining();
  }

  private void failed(SocketError e) {
    if (e.errno() == Errno.ECONNRESET) {
      end(Why.PEER_RESET, false);
    } else if (e.errno() == Errno.EPIPE) {
      end(Why.PEER_CLOSED, false);
    } else {
      jobs.emit(new BackgroundEvent.Failed(name(), e.toString()));
      end(Why.FAILED, false);
    }
  }

  /**
   * The foreground took the socket and closed it: the connection is over without a call here (the
   * socket is not the loop's).
   */
  void abandoned() {
    if (!ended) {
      ended = true;
      unsent = null;
      owner.ended(this);
    }
  }

  /** Stops the connection: {@code stop}, or its listener's serving ended. */
  void stop() {
    if (!ended) {
      end(Why.STOPPED, false);
    }
  }

  private void end(Why why, boolean reset) {
    ended = true;
    unsent = null;
    jobs.emit(new BackgroundEvent.Closed(name(), why, socket.bytesReceived(), socket.bytesSent()));
    if (registration != null && registration.isAttached()) {
      registration.close(reset);
    } else if (reset) {
      socket.abort();
    } else {
      socket.close();
    }
    owner.ended(this);
  }

  boolean ended() {
    return ended;
  }

  /** The socket goes back to the foreground as it is, with what the responder held. */
  void release() {
    if (!ended) {
      ended = true;
      unsent = null;
      if (registration != null && registration.isAttached()) {
        detaching(registration);
        registration.release();
      }
    }
  }

  /** What was read and not used goes back to the socket, for the recv that takes it over. */
  @Override
  public void detaching(EventLoop.Registration r) {
    ByteString held = responder.takeHeld();
    if (!held.isEmpty()) {
      socket.unread(held);
    }
  }

  @Override
  public void failed(EventLoop.Registration r, RuntimeException e) {
    jobs.emit(new BackgroundEvent.Failed(name(), Text.get("internal.error", e)));
    if (!ended) {
      end(Why.STOPPED, false);
    }
  }
}
