package dev.sockshell.commands;

import dev.sockshell.background.Jobs;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketEvent;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.net.TcpTable;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Styled;
import dev.sockshell.render.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /list} table: one row per socket of the session, with the kernel's view of each TCP
 * socket (its state and queues, as {@code ss -tan} shows them); {@code /list --all} also says what
 * the kernel still holds of the closed ones (TIME_WAIT and the seconds left).
 */
final class SocketTable {
  private SocketTable() {}

  static final String ALL = "--all";

  static final Param ALL_PARAM = Param.constant(ALL, true, List.of(ALL));

  static Command.ListSockets bind(Args a) throws UsageError {
    boolean all = false;
    while (a.hasMore()) {
      Token t = a.next(ALL_PARAM, ALL);
      if (!t.text().equals(ALL)) {
        throw new UsageError(Text.get("list.unexpected", t.text()), t.start());
      }
      all = true;
    }
    return new Command.ListSockets(all);
  }

  /**
   * @param background what the background does with the sockets, said after the table
   * @param width the screen's width, to fold the table to, or 0 for a table on one line per socket
   * @param closed the stream sockets the session closed, for {@code --all} (empty without it)
   */
  static List<Styled> lines(
      Session session, Jobs background, int width, List<TraceRecorder.ClosedStream> closed) {
    Collection<NetSocket> sockets = session.sockets();
    if (sockets.isEmpty() && closed.isEmpty()) {
      return List.of(Styled.plain(Feedback.PREFIX + Text.get("list.empty")));
    }
    Table table =
        new Table(
            List.of(
                "NAME",
                "FAMILY",
                "TYPE",
                "STATE",
                "LOCAL",
                "PEER",
                "TCP",
                "SEND-Q",
                "RECV-Q",
                "TIMEOUT",
                "SENT",
                "RECEIVED",
                "WAITING"));
    Map<NetSocket, String> roles = background.roles();
    Map<NetSocket, SocketEvent> waiting = SocketEvent.waitingOn(sockets);
    Optional<TcpTable> kernel = TcpTable.read();
    // The last socket closed under each name is the one a closed row of that name stands for.
    Map<String, TraceRecorder.ClosedStream> lastClosed = new LinkedHashMap<>();
    closed.forEach(c -> lastClosed.put(c.name(), c));
    for (NetSocket s : sockets) {
      TraceRecorder.ClosedStream gone =
          s.state() == SocketState.CLOSED ? lastClosed.remove(s.name()) : null;
      Optional<TcpTable.Entry> entry =
          kernel.flatMap(
              k -> gone != null ? k.of(gone.family(), gone.local(), gone.peer()) : k.of(s));
      table.add(row(s, waiting.get(s), roles.get(s), entry, entry.isPresent() ? gone : null));
    }
    // Closed sockets whose name went to a new socket, still held by the kernel.
    for (TraceRecorder.ClosedStream c : closed) {
      if (lastClosed.get(c.name()) != c) {
        continue;
      }
      kernel
          .flatMap(k -> k.of(c.family(), c.local(), c.peer()))
          .ifPresent(e -> table.add(closedRow(c, e)));
    }
    List<Styled> lines = new ArrayList<>(table.render(width));
    // What the background does, and has done: served connections that closed are gone from the
    // table (the session forgets them) but counted here.
    for (String job : background.describe()) {
      lines.add(Styled.plain(Feedback.PREFIX + job));
    }
    return lines;
  }

  /** A socket no longer in the session whose port the kernel still holds. */
  private static List<String> closedRow(TraceRecorder.ClosedStream c, TcpTable.Entry e) {
    List<String> row = new ArrayList<>();
    row.add(c.name() + " (earlier)");
    row.add(c.family().name());
    row.add("SOCK_STREAM");
    row.add(stateWord(SocketState.CLOSED));
    row.add(c.local().toString());
    row.add(c.peer() == null ? "-" : c.peer().toString());
    kernelCells(row, Optional.of(e));
    row.add("-");
    row.add("-");
    row.add("-");
    row.add("-");
    return row;
  }

  /** TCP, SEND-Q, RECV-Q: {@code TIME_WAIT (58 s left)}, or dashes where the kernel has no row. */
  private static void kernelCells(List<String> row, Optional<TcpTable.Entry> entry) {
    row.add(
        entry
            .map(
                e ->
                    e.secondsLeft() >= 0
                        ? e.state() + " (" + e.secondsLeft() + " s left)"
                        : e.state())
            .orElse("-"));
    row.add(entry.map(e -> Long.toString(e.sendQueue())).orElse("-"));
    row.add(entry.map(e -> Long.toString(e.receiveQueue())).orElse("-"));
  }

  /**
   * @param role what the background does with it ("served by srv"), shown instead of what waits
   *     (the background reads it: what waits there is its business), or null
   * @param gone the addresses of a closed socket the kernel still holds, or null
   */
  private static List<String> row(
      NetSocket s,
      SocketEvent waiting,
      String role,
      Optional<TcpTable.Entry> kernel,
      TraceRecorder.ClosedStream gone) {
    List<String> row = new ArrayList<>();
    row.add(s.name());
    row.add(s.family().name());
    row.add(s.type().name());
    row.add(state(s));
    boolean open = s.state() != SocketState.CLOSED;
    row.add(open ? local(s) : gone != null ? gone.local().toString() : "-");
    row.add(open ? peer(s) : gone != null && gone.peer() != null ? gone.peer().toString() : "-");
    kernelCells(row, kernel);
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
    return Text.get(count == 1 ? "list.byte" : "list.bytes", count);
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
                  case CONNECTIONS ->
                      Text.get(
                          e.count() == 1 ? "count.connection.one" : "count.connection", e.count());
                  case DATA -> data(e);
                  case CONNECTED -> Text.get("list.connect.done");
                  case CONNECT_FAILED -> Text.get("list.connect.failed");
                  case CONNECT_ENDED -> Text.get("list.connect.ended");
                  default -> Text.get("list.datagrams");
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
          case RESET -> Text.get("list.reset");
          case CLOSED_OR_RESET -> Text.get("list.closed.or.reset");
        };
    if (e.count() == 0) {
      return peer;
    }
    String bytes = bytes(e.count());
    return peer.isEmpty() ? bytes : bytes + ", " + peer;
  }

  /** {@code listening}, in the session's language. */
  private static String stateWord(SocketState state) {
    return Text.get("state." + state.name());
  }

  /** {@code listening (backlog 5)}, {@code connected, SHUT_WR, EOF}: the state and its details. */
  static String state(NetSocket s) {
    String state = stateWord(s.state());
    // Closed is all there is to say: no direction is shut or has seen EOF on a closed socket.
    if (s instanceof StreamSocket st && st.state() != SocketState.CLOSED) {
      if (st.state() == SocketState.LISTENING) {
        state += Text.get("list.backlog", st.backlog());
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
        state += Text.get("list.and", Text.get("list.reset"));
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
