package dev.sockshell.commands;

import dev.sockshell.background.Jobs;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketEvent;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.render.Styled;
import dev.sockshell.render.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code /list} table: one row per socket of the session. */
final class SocketTable {
  private SocketTable() {}

  /**
   * @param width the screen's width, to fold the table to, or 0 for a table on one line per socket
   */
  static List<Styled> lines(Session session, Jobs background, int width) {
    Collection<NetSocket> sockets = session.sockets();
    if (sockets.isEmpty()) {
      return List.of(Styled.plain("|  no sockets yet; create one with: socket NAME"));
    }
    Map<NetSocket, String> roles = background.roles();
    Table table =
        new Table(
            List.of(
                "NAME",
                "FAMILY",
                "TYPE",
                "STATE",
                "LOCAL",
                "PEER",
                "TIMEOUT",
                "SENT",
                "RECEIVED",
                "WAITING"));
    Map<NetSocket, SocketEvent> waiting = SocketEvent.waitingOn(sockets);
    for (NetSocket s : sockets) {
      table.add(row(s, waiting.get(s), roles.get(s)));
    }
    List<Styled> lines = new ArrayList<>(table.render(width));
    // What the background does, and has done: served connections that closed are gone from the
    // table (the session forgets them) but counted here.
    for (String job : background.describe()) {
      lines.add(Styled.plain("|  " + job));
    }
    return lines;
  }

  /**
   * @param role what the background does with it ("served by srv"), shown instead of what waits
   *     (the background reads it: what waits there is its business), or null
   */
  private static List<String> row(NetSocket s, SocketEvent waiting, String role) {
    List<String> row = new ArrayList<>();
    row.add(s.name());
    row.add(s.family().name());
    row.add(s.type().name());
    row.add(state(s));
    boolean open = s.state() != SocketState.CLOSED;
    row.add(open ? local(s) : "-");
    row.add(open ? peer(s) : "-");
    row.add(timeout(s));
    row.add(Long.toString(s.bytesSent()));
    row.add(Long.toString(s.bytesReceived()));
    // Once recv has returned b'', or a reset was reported (the kernel's socket is closed then),
    // recv returns the bytes sockshell holds, then b'' at once, whatever the tables still say.
    boolean ended =
        s instanceof StreamSocket st && (st.resetReported() || st.eofSeen() && waiting == null);
    row.add(
        !open ? "-" : role != null ? role : ended ? ended((StreamSocket) s) : waiting(s, waiting));
    return row;
  }

  /** {@code EOF}, or {@code 10 bytes, EOF} when bytes a framing recv kept come first. */
  private static String ended(StreamSocket s) {
    int held = s.buffered();
    return held == 0 ? "EOF" : bytes(held) + ", EOF";
  }

  private static String bytes(long count) {
    return count + (count == 1 ? " byte" : " bytes");
  }

  /**
   * {@code 12 bytes, EOF}, {@code 2 connections}: what a call would get at once. Bytes are always
   * known (FIONREAD); clients and datagrams only where the OS has socket tables, else "-".
   */
  private static String waiting(NetSocket s, SocketEvent event) {
    return Optional.ofNullable(event)
        .map(
            e ->
                switch (e.kind()) {
                  case CONNECTIONS -> e.count() + (e.count() == 1 ? " connection" : " connections");
                  case DATA -> data(e);
                  case CONNECTED -> "connect done";
                  case CONNECT_FAILED -> "connect failed";
                  case CONNECT_ENDED -> "connect ended";
                  default -> "datagrams";
                })
        .orElse(
            s.bytesWaiting() == NetSocket.UNKNOWN
                    || s.family() == Family.AF_UNIX && s.state() == SocketState.LISTENING
                ? "?" // AF_UNIX: the JDK cannot count bytes or clients without reading
                : s instanceof StreamSocket st && st.state() == SocketState.CONNECTED ? "0" : "-");
  }

  private static String data(SocketEvent e) {
    String peer =
        switch (e.peer()) {
          case OPEN -> "";
          case EOF -> "EOF";
          case RESET -> "reset";
          case CLOSED_OR_RESET -> "closed or reset";
        };
    if (e.count() == 0) {
      return peer;
    }
    String bytes = bytes(e.count());
    return peer.isEmpty() ? bytes : bytes + ", " + peer;
  }

  /** {@code listening (backlog 5)}, {@code connected, SHUT_WR, EOF}: the state and its details. */
  static String state(NetSocket s) {
    String state = s.state().label();
    // Closed is all there is to say: no direction is shut or has seen EOF on a closed socket.
    if (s instanceof StreamSocket st && st.state() != SocketState.CLOSED) {
      if (st.state() == SocketState.LISTENING) {
        state += " (backlog " + st.backlog() + ")";
      }
      String tls = st.tlsLabel();
      if (tls != null) {
        state += ", " + tls;
      }
      if (st.outputShut()) {
        state += ", SHUT_WR";
      }
      if (st.inputShut()) {
        state += ", SHUT_RD";
      }
      if (st.resetReported()) {
        state += ", reset";
      } else if (st.eofSeen()) {
        state += ", EOF";
      }
    }
    return state;
  }

  private static String local(NetSocket s) {
    try {
      return s.state() == SocketState.UNBOUND && s.type().name().equals("SOCK_STREAM")
          ? "-"
          : orDash(s.localAddress().toString());
    } catch (SocketError e) {
      return "-";
    }
  }

  private static String peer(NetSocket s) {
    if (s instanceof DatagramSocket d) {
      return d.peer() == null ? "-" : d.peer().toString();
    }
    try {
      return s.state() == SocketState.CONNECTED ? orDash(s.peerAddress().toString()) : "-";
    } catch (SocketError e) {
      return "-";
    }
  }

  /** An unnamed AF_UNIX end (Python's '') has no address to show; a blank cell looks lost. */
  private static String orDash(String address) {
    return address.isEmpty() ? "-" : address;
  }

  private static String timeout(NetSocket s) {
    var t = s.timeout();
    return t.isBlocking()
        ? "None"
        : t.isNonBlocking() ? "0.0 (non-blocking)" : OptionCommands.timeoutRepr(t);
  }
}
