package dev.sockshell.net;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The kernel's own view of TCP sockets, as {@code ss -tan} shows it: the TCP state, the bytes
 * queued to send and to read, and for TIME_WAIT how long the kernel still holds the port. Read from
 * {@code /proc/net/tcp} and {@code tcp6} once per snapshot; Linux only.
 */
public final class TcpTable {
  /**
   * One socket as the kernel sees it.
   *
   * @param state the kernel's name: ESTABLISHED, SYN_SENT, LISTEN, TIME_WAIT…
   * @param sendQueue bytes sent but not yet acknowledged by the peer (0 for a listener)
   * @param receiveQueue bytes received and not yet read, or a listener's waiting connections
   * @param secondsLeft for TIME_WAIT, the whole seconds until the kernel frees the port; else -1
   */
  public record Entry(String state, long sendQueue, long receiveQueue, long secondsLeft) {}

  /** The kernel's states by number (include/net/tcp_states.h). */
  private static final String[] STATES = {
    "?",
    "ESTABLISHED",
    "SYN_SENT",
    "SYN_RECV",
    "FIN_WAIT1",
    "FIN_WAIT2",
    "TIME_WAIT",
    "CLOSE",
    "CLOSE_WAIT",
    "LAST_ACK",
    "LISTEN",
    "CLOSING",
    "NEW_SYN_RECV"
  };

  /** The clock ticks /proc/net/tcp counts timers in (USER_HZ: 100 on every Linux port). */
  private static final int TICKS_PER_SECOND = 100;

  private final ProcNet tables;

  private TcpTable(ProcNet tables) {
    this.tables = tables;
  }

  /** A snapshot of the tables, or empty where there are none (not Linux). */
  public static Optional<TcpTable> read() {
    return ProcNet.read().map(TcpTable::new);
  }

  /** What the kernel says of an open stream socket, or empty (not TCP, not bound, not there). */
  public Optional<Entry> of(NetSocket socket) {
    if (!(socket instanceof StreamSocket) || socket.family() == Family.AF_UNIX) {
      return Optional.empty();
    }
    try {
      SockAddress local = socket.localAddress();
      SockAddress peer = socket.state() == SocketState.CONNECTED ? socket.peerAddress() : null;
      if (socket.state() != SocketState.LISTENING && peer == null) {
        return Optional.empty(); // bound or unbound: the kernel lists no row (ss shows none)
      }
      return of(socket.family(), local, peer);
    } catch (SocketError e) {
      return Optional.empty();
    }
  }

  /**
   * The socket from {@code local} to {@code peer} (null: the listener on {@code local}), e.g. one
   * the session closed whose port the kernel still holds.
   */
  public Optional<Entry> of(Family family, SockAddress local, SockAddress peer) {
    if (!(local instanceof SockAddress.Inet l)
        || (peer != null && !(peer instanceof SockAddress.Inet))) {
      return Optional.empty();
    }
    InetSocketAddress remote = peer == null ? null : (InetSocketAddress) peer.jdk();
    return tables
        .tcp(family, (InetSocketAddress) l.jdk(), remote)
        .map(
            row ->
                new Entry(
                    row.state() < STATES.length ? STATES[row.state()] : "?",
                    row.txQueue(),
                    row.rxQueue(),
                    row.state() == ProcNet.TIME_WAIT
                        ? (row.timer() + TICKS_PER_SECOND - 1) / TICKS_PER_SECOND
                        : -1));
  }
}
