package dev.sockshell.background;

import dev.sockshell.background.BackgroundEvent.Why;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.EventLoop;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import java.nio.ByteBuffer;

/**
 * Forwards everything between two connected stream sockets, both ways ({@code relay A B}): what one
 * end reads the other sends; EOF on one becomes SHUT_WR on the other once everything before it went
 * out; a reset is passed on as a reset. Each direction has one buffer: while it holds bytes the
 * receiving end cannot take yet, the sending end is not read (the kernel pushes back on its peer).
 * {@code stop} hands both sockets back with nothing lost: bytes read and not yet forwarded go back
 * to the socket they came from, for its next recv.
 */
final class Relay implements Job {
  /**
   * Bytes per direction in flight, read and written in one call each. 1 MiB, where socat's {@code
   * -b 131072} reads 128 KiB: on loopback each read that frees receive space makes the kernel send
   * a window update and push the sender's queued bytes, in the reader's own system call, so fewer,
   * larger reads cost less CPU for the same bytes. Measured (1 GiB, CPU time of the relay and of
   * its two peers, PERFORMANCE.md): 128 KiB took as much as socat or more, 1 MiB less than socat in
   * every round run side by side. Direct, so the JDK reads into it and writes from it with no copy
   * through the heap; allocated on a direction's first read, so an idle relay costs none.
   */
  static final int BUFFER = 1 << 20;

  /** Reads per direction per wake-up at most, so a fast relay cannot starve other work. */
  private static final int READS_PER_WAKE = 16;

  private final Jobs jobs;
  private final boolean trace;
  private final boolean hex;
  private final End first;
  private final End second;
  private final Direction forward;
  private final Direction back;
  private boolean over;

  Relay(Jobs jobs, StreamSocket a, StreamSocket b, boolean trace, boolean hex) {
    this.jobs = jobs;
    this.trace = trace;
    this.hex = hex;
    this.first = new End(a);
    this.second = new End(b);
    this.forward = new Direction(first, second);
    this.back = new Direction(second, first);
  }

  End first() {
    return first;
  }

  End second() {
    return second;
  }

  /** One socket of the relay: the loop calls it when that socket is ready. */
  final class End implements EventLoop.Handler {
    private final StreamSocket socket;
    private EventLoop.Registration registration;

    End(StreamSocket socket) {
      this.socket = socket;
    }

    boolean attached() {
      return registration != null && registration.isAttached();
    }

    @Override
    public void ready(EventLoop.Registration r) {
      registration = r;
      pump();
    }

    /** What this end read and the other did not take yet goes back to it, for its next recv. */
    @Override
    public void detaching(EventLoop.Registration r) {
      Direction out = this == first ? forward : back;
      out.giveBack();
    }

    @Override
    public void failed(EventLoop.Registration r, RuntimeException e) {
      jobs.emit(new BackgroundEvent.Failed(socket.name(), Text.get("internal.error", e)));
      end(null);
    }
  }

  /** One way through the relay, and the bytes read from its source not yet sent on. */
  private final class Direction {
    private final End from;
    private final End to;
    private ByteBuffer buffer; // ready to write: position to limit; null until first used
    private boolean eof;
    private boolean shut;
    private long bytes;

    /**
     * Whether the call that failed was the read from {@link #from} (else a call on {@link #to}).
     */
    private boolean readFailed;

    Direction(End from, End to) {
      this.from = from;
      this.to = to;
    }

    boolean holds() {
      return buffer != null && buffer.hasRemaining();
    }

    /** Sends what is held, then reads and sends on until the destination is full. */
    void move() throws SocketError {
      if (!from.attached() || !to.attached() || shut) {
        return; // a command borrowed one of them: wait until it is back
      }
      if (holds()) {
        to.socket.writeNow(buffer);
      }
      for (int i = 0; i < READS_PER_WAKE && !holds() && !eof; i++) {
        if (buffer == null) {
          buffer = ByteBuffer.allocateDirect(BUFFER);
        }
        buffer.clear();
        int n;
        try {
          n = from.socket.readNow(buffer);
        } catch (SocketError e) {
          readFailed = true;
          throw e;
        } finally {
          // Also when the read fails (a reset): a buffer left cleared would look full of bytes,
          // and giveBack would hand its 1 MiB of stale contents to the socket's next recv.
          buffer.flip();
        }
        if (n == 0) {
          break;
        }
        if (n < 0) {
          eof = true;
          break;
        }
        bytes += n;
        if (trace && jobs.events().recording()) {
          ByteString chunk = ByteString.read(buffer.duplicate());
          jobs.emit(new BackgroundEvent.Relayed(from.socket.name(), to.socket.name(), chunk, hex));
        }
        to.socket.writeNow(buffer);
      }
      if (eof && !holds()) {
        shut = true;
        to.socket.shutdown(ShutdownHow.SHUT_WR);
        jobs.emit(new BackgroundEvent.HalfClosed(from.socket.name(), to.socket.name()));
      }
    }

    void giveBack() {
      if (holds()) {
        from.socket.unread(ByteString.read(buffer));
      }
    }
  }

  /** Moves both ways, then says what each end waits for; ends the relay when both ways are done. */
  private void pump() {
    if (over) {
      return;
    }
    Direction failing = forward;
    try {
      forward.move();
      failing = back;
      back.move();
    } catch (SocketError e) {
      failed(failing, e);
      return;
    }
    if (forward.shut && back.shut) {
      end("relay " + first.socket.name() + " <-> " + second.socket.name() + " ended: " + totals());
      return;
    }
    interest(first, forward, back);
    interest(second, back, forward);
  }

  private static void interest(End end, Direction out, Direction in) {
    if (end.attached()) {
      end.registration.interest(!out.eof && !out.holds(), in.holds());
    }
  }

  /**
   * A call failed: a reset read on one end is passed on as a reset of the other; any other error
   * ends the relay and is told, on the socket whose call failed.
   */
  private void failed(Direction way, SocketError e) {
    boolean resetRead = e.errno() == Errno.ECONNRESET;
    if (resetRead) {
      End reset = way.from.socket.resetReported() ? way.from : way.to;
      End other = reset == first ? second : first;
      jobs.emit(
          new BackgroundEvent.Closed(
              reset.socket.name(),
              Why.PEER_RESET,
              reset.socket.bytesReceived(),
              reset.socket.bytesSent()));
      long in = other.socket.bytesReceived();
      long out = other.socket.bytesSent();
      if (other.attached()) {
        other.registration.close(true);
      } else {
        other.socket.abort();
      }
      jobs.emit(new BackgroundEvent.Closed(other.socket.name(), Why.RESET_PASSED_ON, in, out));
    } else {
      End at = way.readFailed ? way.from : way.to;
      jobs.emit(new BackgroundEvent.Failed(at.socket.name(), e.toString()));
    }
    end(null);
  }

  private String totals() {
    return Text.get(
        "background.relay.totals",
        forward.bytes,
        first.socket.name(),
        second.socket.name(),
        back.bytes);
  }

  /** Both sockets go back to the foreground; {@code why} is told, if any. */
  private void end(String why) {
    if (over) {
      return;
    }
    over = true;
    for (End e : new End[] {first, second}) {
      if (e.attached()) {
        e.detaching(e.registration);
        e.registration.release();
      }
      jobs.forgetHandler(e.socket);
    }
    jobs.ended(
        this,
        new BackgroundEvent.Ended(
            first.socket.name(),
            why != null
                ? why
                : "relay " + first.socket.name() + " <-> " + second.socket.name() + " ended"));
  }

  @Override
  public boolean involves(NetSocket socket) {
    return socket == first.socket || socket == second.socket;
  }

  @Override
  public String stop() {
    String totals = totals();
    over = true;
    for (End e : new End[] {first, second}) {
      if (e.attached()) {
        e.detaching(e.registration);
        e.registration.release();
      }
      jobs.forgetHandler(e.socket);
    }
    return Text.get("background.relay.stopped", first.socket.name(), second.socket.name(), totals);
  }

  @Override
  public String describe() {
    return "relay "
        + first.socket.name()
        + " <-> "
        + second.socket.name()
        + (trace ? " --trace" + (hex ? " --hex" : "") : "")
        + ": "
        + totals();
  }

  @Override
  public String role(NetSocket socket) {
    return Text.get("role.relayed", (socket == first.socket ? second : first).socket.name());
  }
}
