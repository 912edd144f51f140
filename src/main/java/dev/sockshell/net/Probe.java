package dev.sockshell.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells what a ready socket has waiting, without reading it: FIONREAD for the bytes, and on Linux
 * the kernel's socket tables ({@link ProcNet}) for what the peer did and how many clients wait.
 * Where those tables do not exist it says only what it knows ("closed or reset").
 */
final class Probe {
  /** What a socket is watched for. */
  enum Kind {
    LISTENING(SelectionKey.OP_ACCEPT),
    CONNECTING(SelectionKey.OP_CONNECT),
    STREAM(SelectionKey.OP_READ),
    DATAGRAM(SelectionKey.OP_READ);

    private final int ops;

    Kind(int ops) {
      this.ops = ops;
    }

    int ops() {
      return ops;
    }
  }

  /**
   * A socket as the command thread left it: what to watch, and its addresses to find it in the
   * kernel's tables.
   *
   * @param eofSeen a recv already returned b'', or a call raised the reset (Linux's recv returns
   *     b'' from then on): the peer's close is no news
   * @param used a command ran on it since the watcher last looked
   */
  record Watch(
      NetSocket socket,
      Kind kind,
      SelectableChannel channel,
      InetSocketAddress local,
      InetSocketAddress remote,
      boolean eofSeen,
      boolean used) {
    int ops() {
      return kind.ops();
    }
  }

  /** Lazily read once per round of checks: every socket checked in it sees the same tables. */
  private Optional<ProcNet> tables;

  /** What to watch on each socket; call on the thread that runs commands. */
  static List<Watch> watches(Collection<NetSocket> sockets, Set<String> used) {
    List<Watch> watches = new ArrayList<>();
    for (NetSocket s : sockets) {
      Kind kind = kind(s);
      SelectableChannel channel = s.watchable();
      if (kind != null && channel != null) {
        boolean eofSeen = s instanceof StreamSocket st && (st.eofSeen() || st.resetReported());
        watches.add(
            new Watch(
                s,
                kind,
                channel,
                inet(() -> ((NetworkChannel) channel).getLocalAddress()),
                inet(() -> remote(s, channel)),
                eofSeen,
                used.contains(s.name())));
      }
    }
    return watches;
  }

  private static Kind kind(NetSocket s) {
    if (s.inBackground()) {
      return null; // the background reads it: what waits there is its business, not news
    }
    if (s instanceof DatagramSocket) {
      return s.state() == SocketState.UNBOUND || s.state() == SocketState.CLOSED
          ? null
          : Kind.DATAGRAM;
    }
    StreamSocket stream = (StreamSocket) s;
    // stateNow(), not state(): state() would finish a connect in progress, and its event with it.
    return switch (stream.stateNow()) {
      case LISTENING -> Kind.LISTENING;
      case CONNECTING -> Kind.CONNECTING;
      // The JDK cannot count an AF_UNIX stream's bytes (no FIONREAD): nothing true to tell.
      case CONNECTED -> stream.inputShut() || s.family() == Family.AF_UNIX ? null : Kind.STREAM;
      default -> null;
    };
  }

  private static SocketAddress remote(NetSocket s, SelectableChannel channel) throws IOException {
    if (s instanceof StreamSocket st && st.connectTarget() != null) {
      return st.connectTarget().jdk();
    }
    if (channel instanceof SocketChannel sc) {
      return sc.getRemoteAddress();
    }
    return channel instanceof DatagramChannel dc ? dc.getRemoteAddress() : null;
  }

  /** An address the kernel's tables can be searched by, or null (AF_UNIX, or unknown). */
  private static InetSocketAddress inet(AddressSource source) {
    try {
      return source.get() instanceof InetSocketAddress inet ? inet : null;
    } catch (IOException e) {
      return null;
    }
  }

  @FunctionalInterface
  private interface AddressSource {
    SocketAddress get() throws IOException;
  }

  /**
   * What {@code s} has waiting now, as far as the OS tells without a read or a select: bytes
   * (FIONREAD), and on Linux what the peer did, the clients in a backlog, queued datagrams. Call on
   * the thread that runs commands. Sockets with nothing waiting are not in the map.
   */
  static Map<NetSocket, SocketEvent> peek(Collection<NetSocket> sockets) {
    // One probe for all: the kernel's tables are read once, not once per socket.
    Probe probe = new Probe();
    Map<NetSocket, SocketEvent> found = new HashMap<>();
    for (Watch w : watches(sockets, Set.of())) {
      probe.peek(w).ifPresent(e -> found.put(w.socket(), e));
    }
    return found;
  }

  /** What one socket has waiting now (as {@link #evaluate}, but for a socket not found ready). */
  private Optional<SocketEvent> peek(Watch w) {
    boolean tables = tables().isPresent();
    return switch (w.kind()) {
      // An AF_UNIX listener is in no table: how many wait is unknown, not -1.
      case LISTENING, CONNECTING ->
          tables && w.local() != null ? Optional.ofNullable(evaluate(w)) : Optional.empty();
      case DATAGRAM ->
          tables && w.local() != null
              ? tables()
                  .get()
                  .udp(w.socket().family(), w.local())
                  .filter(r -> r.rxQueue() > 0)
                  .map(r -> datagram(w))
              : Optional.empty();
      case STREAM -> {
        int waiting = w.socket().bytesWaiting();
        SocketEvent.Peer peer = tables ? afterEof(w, peer(w, waiting)) : SocketEvent.Peer.OPEN;
        yield waiting == 0
                && (peer == SocketEvent.Peer.OPEN || w.eofSeen() && peer == SocketEvent.Peer.EOF)
            ? Optional.empty()
            : Optional.of(data(w, waiting, peer));
      }
    };
  }

  /** What {@code w}, found ready, has waiting; null when nothing is (a spurious wake-up). */
  SocketEvent evaluate(Watch w) {
    String name = w.socket().name();
    return switch (w.kind()) {
      case LISTENING -> {
        long waiting = row(w, null).map(ProcNet.Row::rxQueue).orElse(-1L);
        yield waiting == 0
            ? null
            : new SocketEvent(
                name, SocketEvent.Kind.CONNECTIONS, (int) waiting, SocketEvent.Peer.OPEN);
      }
      case CONNECTING -> connecting(w);
      case STREAM -> stream(w);
      case DATAGRAM -> datagram(w);
    };
  }

  /**
   * A connect in progress that became ready: no row to its address means it failed (the kernel
   * drops a refused or unreachable socket from the table); one row tells its state; with other
   * sockets connected there too, only the next call can tell.
   */
  private SocketEvent connecting(Watch w) {
    SocketEvent.Kind kind = SocketEvent.Kind.CONNECT_ENDED;
    if (tables().isPresent() && w.remote() != null) {
      List<ProcNet.Row> rows = tables().get().tcpTo(w.socket().family(), w.remote());
      if (rows.isEmpty()) {
        kind = SocketEvent.Kind.CONNECT_FAILED;
      } else if (rows.size() == 1) {
        if (rows.get(0).state() == ProcNet.SYN_SENT) {
          return null;
        }
        kind =
            rows.get(0).state() == ProcNet.CLOSE
                ? SocketEvent.Kind.CONNECT_FAILED
                : SocketEvent.Kind.CONNECTED;
      }
    }
    return new SocketEvent(w.socket().name(), kind, -1, SocketEvent.Peer.OPEN);
  }

  private SocketEvent stream(Watch w) {
    int waiting = w.socket().bytesWaiting();
    SocketEvent.Peer peer = afterEof(w, peer(w, waiting));
    return waiting == 0 && peer == SocketEvent.Peer.OPEN ? null : data(w, waiting, peer);
  }

  /**
   * Once a recv returned b'', Linux's recv returns b'' for ever, even when the connection was (or
   * is later) reset: what the peer did is EOF as far as recv goes, not a ConnectionResetError.
   */
  private static SocketEvent.Peer afterEof(Watch w, SocketEvent.Peer peer) {
    return w.eofSeen() && peer != SocketEvent.Peer.OPEN ? SocketEvent.Peer.EOF : peer;
  }

  private static SocketEvent data(Watch w, int waiting, SocketEvent.Peer peer) {
    return new SocketEvent(w.socket().name(), SocketEvent.Kind.DATA, waiting, peer);
  }

  /** What a recv that returned b'' already told the user: no news when the watcher sees it. */
  static SocketEvent seenEof(Watch w) {
    return data(w, 0, SocketEvent.Peer.EOF);
  }

  /** What the peer did, from the TCP state of this end (a FIN received, or the row gone). */
  private SocketEvent.Peer peer(Watch w, int waiting) {
    if (tables().isEmpty() || w.local() == null || w.remote() == null) {
      return waiting > 0 ? SocketEvent.Peer.OPEN : SocketEvent.Peer.CLOSED_OR_RESET;
    }
    int state = row(w, w.remote()).map(ProcNet.Row::state).orElse(ProcNet.CLOSE);
    return switch (state) {
      case ProcNet.CLOSE_WAIT, ProcNet.TIME_WAIT, ProcNet.LAST_ACK, ProcNet.CLOSING ->
          SocketEvent.Peer.EOF;
      case ProcNet.CLOSE -> SocketEvent.Peer.RESET;
      default -> SocketEvent.Peer.OPEN;
    };
  }

  private SocketEvent datagram(Watch w) {
    SocketEvent.Kind kind;
    if (tables().isEmpty() || w.local() == null) {
      kind = SocketEvent.Kind.DATAGRAM_OR_ERROR;
    } else {
      // A pending ICMP error makes the socket readable with an empty receive queue.
      long queued =
          tables().get().udp(w.socket().family(), w.local()).map(ProcNet.Row::rxQueue).orElse(0L);
      kind = queued > 0 ? SocketEvent.Kind.DATAGRAM : SocketEvent.Kind.DATAGRAM_ERROR;
    }
    return new SocketEvent(w.socket().name(), kind, -1, SocketEvent.Peer.OPEN);
  }

  private Optional<ProcNet.Row> row(Watch w, InetSocketAddress remote) {
    if (w.local() == null) {
      return Optional.empty();
    }
    return tables().flatMap(t -> t.tcp(w.socket().family(), w.local(), remote));
  }

  private Optional<ProcNet> tables() {
    if (tables == null) {
      tables = ProcNet.read();
    }
    return tables;
  }
}
