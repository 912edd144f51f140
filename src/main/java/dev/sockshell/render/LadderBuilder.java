package dev.sockshell.render;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.render.Ladder.Arrow;
import dev.sockshell.render.Ladder.Column;
import dev.sockshell.render.Ladder.Kind;
import dev.sockshell.render.Ladder.Mark;
import dev.sockshell.render.Ladder.Row;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import dev.sockshell.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a {@link Ladder} from a trace: reads the events in order, resolving each peer address to a
 * column and pairing each recv with the send whose bytes it took.
 */
final class LadderBuilder {
  /** What the builder knows of a socket (or remote peer) while reading. */
  private static final class Lane {
    final String name;
    final boolean remote;
    final boolean stream;
    SockAddress local;
    SockAddress peer;
    boolean listening;
    boolean closed;
    String group;
    int index = -1;

    Lane(String name, boolean remote, boolean stream) {
      this.name = name;
      this.remote = remote;
      this.stream = stream;
    }
  }

  /** A row before the columns are placed: lanes, not column numbers. */
  private record Draft(
      TraceEvent event,
      Lane lane,
      Mark mark,
      Lane to,
      Kind kind,
      String label,
      String text,
      int sentBy,
      boolean ends,
      Lane starts) {}

  private final Set<String> names;
  private final Map<Integer, Lane> sockets = new HashMap<>();
  private final Map<String, Lane> remotes = new LinkedHashMap<>();
  private final List<Lane> order = new ArrayList<>();
  private final List<Draft> drafts = new ArrayList<>();

  /** Remote peers whose column has begun. */
  private final Set<Lane> started = new java.util.HashSet<>();

  /** Sends whose bytes no recv has taken yet, by the lane they went to. */
  private final Map<Lane, List<Integer>> unread = new HashMap<>();

  LadderBuilder(Collection<String> names) {
    this.names = Set.copyOf(names);
  }

  Ladder build(Trace.Snapshot trace) {
    for (TraceEvent e : trace.events()) {
      read(e);
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      if (wanted(drafts.get(i))) {
        kept.add(i);
      }
    }
    List<Lane> shown = new ArrayList<>();
    for (int i : kept) {
      Draft d = drafts.get(i);
      for (Lane l : new Lane[] {d.lane, d.to, d.starts}) {
        if (l != null && !shown.contains(l)) {
          shown.add(l);
        }
      }
    }
    List<Column> columns = placeColumns(shown);
    Map<Integer, Integer> rowOf = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (int i : kept) {
      Draft d = drafts.get(i);
      rowOf.put(i, rows.size());
      int sentBy = d.sentBy >= 0 ? rowOf.getOrDefault(d.sentBy, -1) : -1;
      rows.add(
          new Row(
              d.event.nanos(),
              d.event.origin(),
              d.lane.index,
              d.mark,
              d.to == null ? null : new Arrow(d.lane.index, d.to.index, d.kind, d.label),
              d.text,
              sentBy,
              d.ends,
              d.starts == null ? -1 : d.starts.index));
    }
    return new Ladder(columns, rows, trace.forgotten());
  }

  /** With names given, the rows where a named socket acts or is the arrow's target. */
  private boolean wanted(Draft d) {
    return names.isEmpty()
        || names.contains(d.lane.name)
        || (d.to != null && names.contains(d.to.name));
  }

  /** Groups lanes by address (in the order each group first appears) and numbers them. */
  private static List<Column> placeColumns(List<Lane> shown) {
    Map<String, List<Lane>> groups = new LinkedHashMap<>();
    int ungrouped = 0;
    for (Lane l : shown) {
      String key = l.group != null ? l.group : "\0" + ungrouped++;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
    }
    List<Column> columns = new ArrayList<>();
    for (List<Lane> group : groups.values()) {
      for (Lane l : group) {
        l.index = columns.size();
        columns.add(new Column(l.name, l.remote ? null : l.group, l.remote));
      }
    }
    return columns;
  }

  private void read(TraceEvent e) {
    if (e instanceof TraceEvent.Opened o) {
      Lane lane = new Lane(o.name(), false, o.type() == SockType.SOCK_STREAM);
      sockets.put(o.socket(), lane);
      order.add(lane);
      add(e, lane, Mark.START, null, null, null, o.name() + " = " + kind(o), -1, false, lane);
    } else if (e instanceof TraceEvent.Accepted a) {
      Lane listener = lane(a.socket());
      Lane conn = new Lane(a.name(), false, true);
      conn.local = a.local();
      conn.peer = a.peer();
      conn.group = group(a.local());
      sockets.put(a.accepted(), conn);
      add(
          e,
          listener,
          null,
          conn,
          Kind.ACCEPT,
          "accept",
          Text.get("diagram.accept", listener.name, a.name(), a.peer()),
          -1,
          false,
          conn);
    } else if (e instanceof TraceEvent.Bound b) {
      Lane lane = lane(b.socket());
      bind(lane, b.local());
      mark(e, lane, Mark.STATE, Text.get("diagram.bound", lane.name, b.local()));
    } else if (e instanceof TraceEvent.Listening l) {
      Lane lane = lane(l.socket());
      lane.listening = true;
      bind(lane, l.local());
      mark(e, lane, Mark.STATE, Text.get("diagram.listen", lane.name, l.backlog()));
    } else if (e instanceof TraceEvent.Connected c) {
      connected(c);
    } else if (e instanceof TraceEvent.Sent s) {
      sent(s);
    } else if (e instanceof TraceEvent.Received r) {
      received(r);
    } else if (e instanceof TraceEvent.Shutdown s) {
      Lane lane = lane(s.socket());
      String text = lane.name + ": shutdown(" + s.how() + ")";
      Lane peer = s.how() == ShutdownHow.SHUT_RD ? null : connection(lane);
      if (peer != null) {
        add(e, lane, null, peer, Kind.FIN, "FIN", text + " → FIN", -1);
      } else {
        mark(e, lane, Mark.STATE, text);
      }
    } else if (e instanceof TraceEvent.Closed c) {
      Lane lane = lane(c.socket());
      Lane peer = c.peer() != null && lane.stream ? connection(lane) : null;
      lane.closed = true;
      boolean reset = c.reset() != null;
      String flag = reset ? "RST" : "FIN";
      if (peer != null) {
        String text =
            reset
                ? Text.get("diagram.close.reset", lane.name, c.reset())
                : lane.name + ": close → FIN";
        add(e, lane, null, peer, reset ? Kind.RST : Kind.FIN, flag, text, -1, true, null);
      } else {
        add(e, lane, Mark.END, null, null, null, lane.name + ": close", -1, true, null);
      }
    } else if (e instanceof TraceEvent.Failed f) {
      failed(f);
    } else if (e instanceof TraceEvent.Note n) {
      Lane lane = lane(n.socket());
      mark(e, lane, Mark.STATE, lane.name + ": " + n.text());
    }
  }

  private void connected(TraceEvent.Connected c) {
    Lane lane = lane(c.socket());
    bind(lane, c.local());
    lane.peer = c.peer();
    if (!c.stream()) {
      mark(c, lane, Mark.STATE, Text.get("diagram.connect.udp", lane.name, c.peer()));
      return;
    }
    Lane server = listenerAt(c.peer());
    if (server == null) {
      server = remote(c.peer());
    }
    add(
        c,
        lane,
        null,
        server,
        Kind.CONNECT,
        "SYN",
        Text.get("diagram.connect", lane.name, c.peer()),
        -1);
  }

  private void sent(TraceEvent.Sent s) {
    Lane lane = lane(s.socket());
    Lane to = s.offset() >= 0 ? connection(lane) : datagramTo(s.to());
    if (to == null && s.to() != null) {
      Lane gone = closedAt(s.to());
      to = gone != null ? gone : remote(s.to());
    }
    String call = s.call() + (s.call().equals("sendto") ? " " + s.to() : "");
    String text = lane.name + ": " + call + " " + Ladder.bytes(s.size(), s.head());
    if (to != null && to.closed) {
      // Nobody reads there any more: the peer's kernel answers (RST, or ICMP for a datagram).
      text +=
          s.offset() >= 0 ? Text.get("diagram.sent.peer.closed") : Text.get("diagram.sent.nobody");
      to = null;
    }
    if (to == null) {
      mark(s, lane, Mark.STATE, text);
      return;
    }
    add(s, lane, null, to, Kind.DATA, Ladder.size(s.size()), text, -1);
    unread.computeIfAbsent(to, k -> new ArrayList<>()).add(drafts.size() - 1);
  }

  private void received(TraceEvent.Received r) {
    Lane lane = lane(r.socket());
    if (r.eof()) {
      String text = Text.get("diagram.eof", lane.name);
      mark(r, lane, Mark.RECV, text);
      return;
    }
    boolean datagram = r.offset() < 0;
    String text =
        lane.name
            + ": "
            + r.call()
            + " "
            + Ladder.bytes(r.size(), r.head())
            + (datagram && r.from() != null ? Text.get("diagram.from", r.from()) : "");
    int sentBy = takeSend(lane, r);
    if (sentBy >= 0) {
      Origin by = drafts.get(sentBy).event.origin();
      add(
          r,
          lane,
          Mark.RECV,
          null,
          null,
          null,
          text + (by.command() > 0 ? " ← " + by.command() : ""),
          sentBy);
    } else if (datagram && r.from() != null && datagramFrom(r.from()) == null) {
      // A peer in another process sent it: draw the datagram as it arrives.
      add(r, remote(r.from()), null, lane, Kind.DATA, Ladder.size(r.size()), text, -1);
    } else {
      mark(r, lane, Mark.RECV, text);
    }
  }

  /** The row of the send whose bytes this recv took first, or -1; used sends are dropped. */
  private int takeSend(Lane lane, TraceEvent.Received r) {
    List<Integer> pending = unread.get(lane);
    if (pending == null) {
      return -1;
    }
    for (int i = 0; i < pending.size(); i++) {
      int row = pending.get(i);
      TraceEvent.Sent s = (TraceEvent.Sent) drafts.get(row).event;
      if (r.offset() < 0) {
        // A datagram: the first one still queued from that sender.
        Lane sender = drafts.get(row).lane;
        if (r.from() == null || same(r.from(), sender.local)) {
          pending.remove(i);
          return row;
        }
      } else if (s.offset() >= 0
          && s.offset() < r.offset() + Math.max(1, r.size())
          && r.offset() < s.offset() + s.size()) {
        // Bytes of this send were taken; sends wholly before this recv are done with.
        while (i > 0) {
          pending.remove(0);
          i--;
        }
        if (s.offset() + s.size() <= r.offset() + r.size()) {
          pending.remove(0);
        }
        return row;
      }
    }
    return -1;
  }

  private void failed(TraceEvent.Failed f) {
    Lane lane = lane(f.socket());
    String text = lane.name + ": " + f.call() + " → " + f.error();
    switch (f.failure()) {
      case REFUSED -> mark(f, lane, Mark.REFUSED, text);
      case TIMEOUT -> mark(f, lane, Mark.TIMEOUT, text);
      case RESET -> {
        // A peer in another process sent it now; a socket of the session drew its RST already.
        Lane peer = connection(lane);
        if (peer != null && peer.remote) {
          add(f, peer, null, lane, Kind.RST, "RST", text, -1);
        } else {
          mark(f, lane, Mark.ERROR, text);
        }
      }
      default -> mark(f, lane, Mark.ERROR, text);
    }
  }

  /** A row with a mark on {@code lane} and no arrow. */
  private void mark(TraceEvent e, Lane lane, Mark mark, String text) {
    add(e, lane, mark, null, null, null, text, -1);
  }

  private void add(
      TraceEvent e, Lane lane, Mark mark, Lane to, Kind kind, String label, String text, int by) {
    add(e, lane, mark, to, kind, label, text, by, false, null);
  }

  private void add(
      TraceEvent e,
      Lane lane,
      Mark mark,
      Lane to,
      Kind kind,
      String label,
      String text,
      int by,
      boolean ends,
      Lane starts) {
    for (Lane l : new Lane[] {lane, to}) {
      if (l != null && l.remote && started.add(l) && starts == null) {
        starts = l;
      }
    }
    drafts.add(new Draft(e, lane, mark, to, kind, label, text, by, ends, starts));
  }

  private Lane lane(int socket) {
    return sockets.computeIfAbsent(
        socket,
        n -> {
          // Its opening was forgotten: still a column of its own.
          Lane l = new Lane("#" + n, false, true);
          order.add(l);
          return l;
        });
  }

  private void bind(Lane lane, SockAddress local) {
    if (local != null && lane.local == null) {
      lane.local = local;
      lane.group = group(local);
    }
  }

  /** A peer in another process, one column per address. */
  private Lane remote(SockAddress address) {
    return remotes.computeIfAbsent(
        address.toString(),
        a -> {
          Lane l = new Lane(a, true, true);
          l.local = address;
          l.group = a;
          return l;
        });
  }

  /** The open listening socket at {@code address}, or null. */
  private Lane listenerAt(SockAddress address) {
    for (int i = order.size() - 1; i >= 0; i--) {
      Lane l = order.get(i);
      if (l.listening && !l.closed && same(address, l.local)) {
        return l;
      }
    }
    return null;
  }

  /** The other end of {@code lane}'s connection: a socket of the session, or a remote peer. */
  private Lane connection(Lane lane) {
    if (lane.peer == null) {
      return null;
    }
    for (Lane l : sockets.values()) {
      if (l != lane
          && lane.peer.equals(l.local)
          && lane.local != null
          && lane.local.equals(l.peer)) {
        return l;
      }
    }
    return remote(lane.peer);
  }

  /** The datagram socket bound to {@code address}, or null. */
  private Lane datagramTo(SockAddress address) {
    if (address == null) {
      return null;
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      Lane l = order.get(i);
      if (!l.stream && !l.closed && same(address, l.local)) {
        return l;
      }
    }
    return null;
  }

  /** A closed socket of the session that was at {@code address}, or null. */
  private Lane closedAt(SockAddress address) {
    for (int i = order.size() - 1; i >= 0; i--) {
      Lane l = order.get(i);
      if (l.closed && same(address, l.local)) {
        return l;
      }
    }
    return null;
  }

  private Lane datagramFrom(SockAddress address) {
    return datagramTo(address);
  }

  /**
   * True when {@code a} and {@code b} name the same socket: equal, or the same port where one of
   * them is the wildcard address (a socket bound to 0.0.0.0 is reached at 127.0.0.1).
   */
  private static boolean same(SockAddress a, SockAddress b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.equals(b)) {
      return true;
    }
    return a instanceof SockAddress.Inet x
        && b instanceof SockAddress.Inet y
        && x.port() == y.port()
        && (x.address().isAnyLocalAddress() || y.address().isAnyLocalAddress());
  }

  /** A group is headed by the bound address; a wildcard one says so. */
  private static String group(SockAddress local) {
    return local == null ? null : local.toString();
  }

  private static String kind(TraceEvent.Opened o) {
    return "socket(" + o.family() + ", " + o.type() + ")";
  }
}
