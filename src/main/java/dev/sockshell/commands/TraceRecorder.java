package dev.sockshell.commands;

import static dev.sockshell.commands.TraceFacts.callOf;
import static dev.sockshell.commands.TraceFacts.failureOf;
import static dev.sockshell.commands.TraceFacts.localOf;
import static dev.sockshell.commands.TraceFacts.peerOf;
import static dev.sockshell.commands.TraceFacts.socketName;
import static dev.sockshell.commands.TraceFacts.whyReset;

import dev.sockshell.background.BackgroundEvent;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SendListener;
import dev.sockshell.net.Session;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import dev.sockshell.trace.TraceEvent;
import dev.sockshell.value.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what each command did to the sockets into the session's {@link Trace}: the command says
 * which socket and what call, the socket's addresses and the command's result say the rest, and the
 * {@link SendListener} the first bytes of each send. Cheap on the script path: a few map lookups
 * and one small record a call, nothing for commands that touch no socket.
 */
final class TraceRecorder implements SendListener {
  /** What the recorder knows of one socket of the trace. */
  private static final class Lane {
    final int number;
    SockAddress local;
    SockAddress peer;
    long sent;
    long received;
    long lastSend = -1;

    Lane(int number) {
      this.number = number;
    }
  }

  /** The sends of the running command on one socket, merged into one event at its end. */
  private static final class Sending {
    long count;
    ByteString head;
    SockAddress to;
    long at;
    String call;
  }

  /** A stream socket the session closed, with the addresses the kernel may still hold it by. */
  record ClosedStream(String name, Family family, SockAddress local, SockAddress peer) {}

  /** How many closed stream sockets are remembered for {@code /list --all}. */
  private static final int CLOSED_KEPT = 1000;

  private final Trace trace;
  private final Deque<ClosedStream> closed = new ArrayDeque<>();
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<NetSocket, Sending> sending = new IdentityHashMap<>();
  private Thread commandThread;

  // What the running command is and what its socket was before it ran.
  private Origin origin;
  private Command command;

  /** When the running command began: the time of its SYN, or of its first send. */
  private long begun;

  private SockAddress peerBefore;
  private String resetOnClose;

  TraceRecorder(Trace trace) {
    this.trace = trace;
  }

  /** The stream sockets closed so far, oldest first (the last thousand). */
  synchronized List<ClosedStream> closedStreams() {
    return List.copyOf(closed);
  }

  /** Forgets every socket: the session was reset. */
  synchronized void clear() {
    closed.clear();
    lanes.clear();
    sending.clear();
  }

  /**
   * Nanoseconds since {@code name} last sent, or -1 if it never did: what {@code /set timing} shows
   * after a recv (a round trip).
   */
  synchronized long sinceLastSend(String name) {
    Lane lane = lanes.get(name);
    return lane == null || lane.lastSend < 0 ? -1 : trace.now() - lane.lastSend;
  }

  /** Before {@code command} runs: remembers what its close will need to know. */
  synchronized void begin(Command command, Origin origin, Session session) {
    this.commandThread = Thread.currentThread();
    this.begun = trace.now();
    this.command = command;
    this.origin = origin;
    this.peerBefore = null;
    this.resetOnClose = null;
    if (command instanceof Command.Close c) {
      NetSocket s = session.find(c.name()).orElse(null);
      if (s != null && s.state() != SocketState.CLOSED) {
        boolean stream = s.type() == SockType.SOCK_STREAM;
        peerBefore = stream ? peerOf(s) : null;
        resetOnClose = peerBefore != null ? whyReset(s) : null;
      }
    } else if (command instanceof Command.Shutdown c) {
      peerBefore = session.find(c.name()).map(TraceFacts::peerOf).orElse(null);
    }
  }

  /**
   * After the command: its events, from its result ({@code outcome}, or {@code error} when it
   * raised).
   */
  synchronized void end(Outcome outcome, SocketError error, Session session) {
    Command c = command;
    commandThread = null;
    try {
      if (c == null || (outcome == null && error == null)) {
        // Neither a result nor a socket error: a usage error found as the command ran (recv
        // --exact on a UDP socket), before it touched the socket. Nothing happened to draw.
        return;
      }
      String name = socketName(c);
      if (name == null) {
        return;
      }
      NetSocket s = session.get(name);
      if (s == null) {
        return;
      }
      if (c instanceof Command.Socket) {
        if (error == null) {
          opened(s);
        }
        return;
      }
      Lane lane = lane(s);
      flushSends(s, lane);
      if (error != null) {
        failed(s, lane, c, error);
        noticeAddress(s, lane);
        return;
      }
      recordSuccess(c, s, lane, outcome, session);
      noticeAddress(s, lane);
    } finally {
      if (!sending.isEmpty()) {
        sending.clear(); // clearing fills the whole table: not for the commands that sent nothing
      }
      command = null;
    }
  }

  private void recordSuccess(Command c, NetSocket s, Lane lane, Outcome outcome, Session session) {
    long now = trace.now();
    if (c instanceof Command.Listen) {
      noticeAddress(s, lane);
      trace.add(
          new TraceEvent.Listening(
              now, origin, lane.number, lane.local, ((StreamSocket) s).backlog()));
    } else if (c instanceof Command.Connect) {
      // Drawn when the SYN went out: a served accept of it happens while connect waits.
      noticeAddress(s, lane, begun);
      lane.sent = 0;
      lane.received = 0;
      lane.peer = peerOf(s);
      trace.add(
          new TraceEvent.Connected(
              begun, origin, lane.number, lane.local, peerOf(s), s.type() == SockType.SOCK_STREAM));
    } else if (c instanceof Command.Accept && outcome != null) {
      accepted(s, lane, outcome, session, now);
    } else if (c instanceof Command.Recv || c instanceof Command.RecvFrom) {
      received(s, lane, outcome, now);
    } else if (c instanceof Command.RecvFile && outcome.value() instanceof Value.Int n) {
      boolean eof = outcome instanceof Outcome.Returned r && r.endOfStream();
      trace.add(
          new TraceEvent.Received(
              now,
              origin,
              lane.number,
              "recvfile",
              peerOf(s),
              n.value(),
              ByteString.EMPTY,
              lane.received,
              eof));
      lane.received += n.value();
    } else if (c instanceof Command.Shutdown sh) {
      // FIN goes out at the start: the peer's answer to it may be recorded before this ends.
      trace.add(new TraceEvent.Shutdown(begun, origin, lane.number, sh.how(), peerBefore));
    } else if (c instanceof Command.Close) {
      trace.add(new TraceEvent.Closed(begun, origin, lane.number, peerBefore, resetOnClose));
      if (s.type() == SockType.SOCK_STREAM && lane.local != null) {
        closed.addLast(new ClosedStream(s.name(), s.family(), lane.local, peerBefore));
        if (closed.size() > CLOSED_KEPT) {
          closed.removeFirst();
        }
      }
    }
  }

  private void accepted(NetSocket s, Lane lane, Outcome outcome, Session session, long now) {
    if (!(outcome.value() instanceof Value.Tuple t)
        || !(t.items().get(0) instanceof Value.SocketRef ref)) {
      return;
    }
    NetSocket conn = session.find(ref.name()).orElse(null);
    if (conn == null) {
      return;
    }
    noticeAddress(s, lane);
    Lane accepted = new Lane(trace.newSocket());
    accepted.local = localOf(conn);
    accepted.peer = peerOf(conn);
    lanes.put(conn.name(), accepted);
    trace.add(
        new TraceEvent.Accepted(
            now, origin, lane.number, accepted.number, conn.name(), accepted.local, peerOf(conn)));
  }

  private void received(NetSocket s, Lane lane, Outcome outcome, long now) {
    ByteString data;
    SockAddress from;
    if (outcome.value() instanceof Value.Bytes b) {
      data = b.bytes();
      from = peerOf(s);
    } else if (outcome.value() instanceof Value.Tuple t
        && t.items().get(0) instanceof Value.Bytes b) {
      data = b.bytes();
      from = t.items().get(1) instanceof Value.Address a ? a.address() : peerOf(s);
    } else {
      return;
    }
    boolean stream = s.type() == SockType.SOCK_STREAM;
    boolean eof = outcome instanceof Outcome.Returned r && r.endOfStream();
    trace.add(
        new TraceEvent.Received(
            now,
            origin,
            lane.number,
            command instanceof Command.RecvFrom ? "recvfrom" : "recv",
            from,
            data.size(),
            data.substring(0, Math.min(data.size(), TraceEvent.HEAD)),
            stream ? lane.received : -1,
            eof || (stream && data.isEmpty())));
    lane.received += data.size();
  }

  private void failed(NetSocket s, Lane lane, Command c, SocketError error) {
    if (error.type() == PyException.KeyboardInterrupt) {
      return; // Ctrl-C: nothing happened on the wire
    }
    trace.add(
        new TraceEvent.Failed(
            trace.now(),
            origin,
            lane.number,
            callOf(c),
            failureOf(error),
            error.toString(),
            peerOf(s)));
  }

  /** {@code socket NAME} made a new socket (a name used again is a new column). */
  private void opened(NetSocket s) {
    Lane lane = new Lane(trace.newSocket());
    lanes.put(s.name(), lane);
    trace.add(
        new TraceEvent.Opened(trace.now(), origin, lane.number, s.name(), s.family(), s.type()));
  }

  /** The lane of {@code s}, opened now if the trace has not seen it (created before a reset). */
  private Lane lane(NetSocket s) {
    Lane lane = lanes.get(s.name());
    if (lane == null) {
      opened(s);
      lane = lanes.get(s.name());
    }
    return lane;
  }

  /** Records the address the socket got, once: bind, or the one the OS chose. */
  private void noticeAddress(NetSocket s, Lane lane) {
    noticeAddress(s, lane, trace.now());
  }

  private void noticeAddress(NetSocket s, Lane lane, long at) {
    if (lane.local != null || s.state() == SocketState.CLOSED) {
      return;
    }
    SockAddress local = localOf(s);
    if (local != null) {
      lane.local = local;
      trace.add(new TraceEvent.Bound(at, origin, lane.number, local));
    }
  }

  private void flushSends(NetSocket s, Lane lane) {
    Sending sends = sending.get(s);
    if (sends == null) {
      return;
    }
    noticeAddress(s, lane, sends.at);
    boolean stream = s.type() == SockType.SOCK_STREAM;
    SockAddress to = sends.to != null ? sends.to : peerOf(s);
    trace.add(
        new TraceEvent.Sent(
            sends.at,
            origin,
            lane.number,
            sends.call,
            to,
            sends.count,
            sends.head,
            stream ? lane.sent : -1));
    lane.sent += sends.count;
    lane.lastSend = sends.at;
  }

  @Override
  public synchronized void sent(NetSocket socket, long count, ByteString head, SockAddress to) {
    if (Thread.currentThread() != commandThread) {
      background(socket, count, head, to);
      return;
    }
    Sending sends = sending.get(socket);
    if (sends == null || (to != null && !to.equals(sends.to))) {
      if (sends != null) {
        flushSends(socket, lane(socket));
      }
      sends = new Sending();
      sends.head = head;
      sends.to = to;
      // The first send of a command is timed from its start: the send listener hears of it after
      // the write, when a served echo of it may have been recorded already.
      sends.at = sending.isEmpty() ? begun : trace.now();
      sends.call = callOf(command);
      sending.put(socket, sends);
    } else if (sends.head.size() < TraceEvent.HEAD && !head.isEmpty()) {
      ByteString more = sends.head.concat(head);
      sends.head = more.substring(0, Math.min(more.size(), TraceEvent.HEAD));
    }
    sends.count += count;
  }

  /** A send made while no command ran, or on another thread: background work. */
  private void background(NetSocket socket, long count, ByteString head, SockAddress to) {
    Lane lane = lane(socket);
    boolean stream = socket.type() == SockType.SOCK_STREAM;
    if (stream && lane.peer == null) {
      lane.peer = peerOf(socket); // a connected stream's peer stays: asked once, not per reply
    }
    long now = trace.now();
    trace.add(
        new TraceEvent.Sent(
            now,
            Origin.BACKGROUND,
            lane.number,
            to != null ? "sendto" : "send",
            to != null ? to : stream ? lane.peer : peerOf(socket),
            count,
            head,
            stream ? lane.sent : -1));
    lane.sent += count;
    lane.lastSend = now;
  }

  /**
   * What the background did (a served connection, a close, a relay's FIN), as it happened: its
   * sends come through {@link #sent} on their own. On the loop's thread.
   */
  synchronized void background(BackgroundEvent event, Session session) {
    long now = trace.now();
    if (event instanceof BackgroundEvent.Accepted a) {
      NetSocket listener = session.find(a.socket()).orElse(null);
      NetSocket conn = session.find(a.connection()).orElse(null);
      if (listener == null || conn == null) {
        return;
      }
      Lane from = lane(listener);
      Lane lane = new Lane(trace.newSocket());
      lane.local = localOf(conn);
      lane.peer = a.peer();
      lanes.put(conn.name(), lane);
      trace.add(
          new TraceEvent.Accepted(
              now, Origin.BACKGROUND, from.number, lane.number, conn.name(), lane.local, a.peer()));
      return;
    }
    Lane lane = lanes.get(event.socket());
    if (lane == null) {
      return;
    }
    if (event instanceof BackgroundEvent.Closed c) {
      // A reset by the peer ended it: its close sends nothing.
      SockAddress peer = c.why() == BackgroundEvent.Why.PEER_RESET ? null : lane.peer;
      String reset =
          c.why() == BackgroundEvent.Why.RULE_RESET
                  || c.why() == BackgroundEvent.Why.RESET_PASSED_ON
              ? c.why().text()
              : null;
      trace.add(new TraceEvent.Closed(now, Origin.BACKGROUND, lane.number, peer, reset));
      lanes.remove(event.socket());
    } else if (event instanceof BackgroundEvent.HalfClosed h) {
      Lane to = lanes.get(h.to());
      if (to != null) {
        trace.add(
            new TraceEvent.Shutdown(
                now, Origin.BACKGROUND, to.number, ShutdownHow.SHUT_WR, to.peer));
      }
    } else if (event instanceof BackgroundEvent.Failed f) {
      trace.add(
          new TraceEvent.Failed(
              now,
              Origin.BACKGROUND,
              lane.number,
              "background",
              failureOf(f.error()),
              f.error(),
              lane.peer));
    } else if (event instanceof BackgroundEvent.Ended e) {
      String what = e.what();
      String own = e.socket() + " ";
      trace.add(
          new TraceEvent.Note(
              now,
              Origin.BACKGROUND,
              lane.number,
              what.startsWith(own) ? what.substring(own.length()) : what));
    } else if (event instanceof BackgroundEvent.Stalled st) {
      trace.add(
          new TraceEvent.Note(
              now,
              Origin.BACKGROUND,
              lane.number,
              st.unsent()
                  ? Text.get("diagram.stalled.replies", st.bytes())
                  : Text.get("diagram.stalled", st.bytes())));
    }
  }
}
