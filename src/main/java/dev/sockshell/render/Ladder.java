package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A session's trace laid out as a sequence diagram (a "ladder", as textbooks draw TCP): one column
 * per socket, grouped by the address it is bound to, and one row per event, oldest first. A peer in
 * another process is a column named by its address. The terminal ({@link LadderText}) and SVG
 * ({@link LadderSvg}) drawings are made from this, never from the sockets.
 */
public final class Ladder {
  /**
   * A socket, or a peer in another process ({@code remote}, named by its address). {@code group}:
   * the address its group is headed with (null: never bound).
   */
  public record Column(String name, String group, boolean remote) {}

  /** What a row shows on its column when it draws no arrow. */
  public enum Mark {
    /** The socket appears (socket, accept, a peer's first word). */
    START,
    /** Bound, listening, a datagram socket's default peer, a note of background work. */
    STATE,
    /** A recv took bytes (or EOF). */
    RECV,
    REFUSED,
    TIMEOUT,
    /** Any other error. */
    ERROR,
    /** The socket was closed. */
    END
  }

  /** What an arrow carries. */
  public enum Kind {
    /** connect: the three-way handshake. */
    CONNECT,
    /** accept: the listener hands over a new connection. */
    ACCEPT,
    DATA,
    FIN,
    RST
  }

  /** An arrow from column {@code from} to column {@code to}, with a short label (3 B, FIN). */
  public record Arrow(int from, int to, Kind kind, String label) {}

  /**
   * One event: at {@code nanos}, on column {@code column} (the socket that acted), with a mark or
   * an arrow, and {@code text} saying what happened. {@code sentBy}: for a recv, the row of the
   * send whose bytes it took first (-1: none in the picture); {@code endsColumn}: the socket is
   * closed after this row; {@code startsColumn}: the column {@code column} or the arrow's target
   * begins here (-1: none).
   */
  public record Row(
      long nanos,
      Origin origin,
      int column,
      Mark mark,
      Arrow arrow,
      String text,
      int sentBy,
      boolean endsColumn,
      int startsColumn) {}

  private final List<Column> columns;
  private final List<Row> rows;
  private final long forgotten;

  private final int[] first;
  private final int[] last;

  Ladder(List<Column> columns, List<Row> rows, long forgotten) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.forgotten = forgotten;
    first = new int[columns.size()];
    last = new int[columns.size()];
    Arrays.fill(first, rows.size());
    Arrays.fill(last, -1);
    for (int r = rows.size() - 1; r >= 0; r--) {
      Row row = rows.get(r);
      first[row.column()] = r;
      if (row.startsColumn() >= 0) {
        first[row.startsColumn()] = r;
      }
      if (row.arrow() != null) {
        first[row.arrow().to()] = Math.min(first[row.arrow().to()], r);
      }
      if (row.endsColumn() && last[row.column()] < 0) {
        last[row.column()] = r;
      }
    }
  }

  /** Columns {@code first} to {@code last} (next to each other) share the bound {@code address}. */
  public record GroupRun(int first, int last, String address) {}

  /**
   * The runs of neighbouring columns bound to one address, left to right; unbound ones have none.
   */
  public List<GroupRun> groupRuns() {
    List<GroupRun> runs = new ArrayList<>();
    for (int c = 0; c < columns.size(); ) {
      String group = columns.get(c).group();
      int last = c;
      while (last + 1 < columns.size()
          && group != null
          && group.equals(columns.get(last + 1).group())) {
        last++;
      }
      if (group != null) {
        runs.add(new GroupRun(c, last, group));
      }
      c = last + 1;
    }
    return runs;
  }

  /** Columns left to right: grouped by address, each group in the order it appeared. */
  public List<Column> columns() {
    return columns;
  }

  public List<Row> rows() {
    return rows;
  }

  /** How many older events the trace no longer holds. */
  public long forgotten() {
    return forgotten;
  }

  /** The row where {@code column} begins. */
  public int firstRow(int column) {
    return first[column];
  }

  /** The row that closes {@code column}, or -1 if it stays open. */
  public int lastRow(int column) {
    return last[column];
  }

  /** The whole trace, or ({@code names} not empty) the part of it about those sockets. */
  public static Ladder of(Trace.Snapshot trace, Collection<String> names) {
    return new LadderBuilder(names).build(trace);
  }

  /** {@code 5 B b'hello'}: the size and the first bytes, as Python writes bytes. */
  static String bytes(long size, ByteString head) {
    String shown = head.isEmpty() ? "" : " " + head + (head.size() < size ? "…" : "");
    return size(size) + shown;
  }

  /** {@code 5 B}, {@code 64 KiB}, {@code 1.5 MiB}. */
  static String size(long size) {
    if (size < 10 * 1024) {
      return size + " B";
    }
    if (size < 10L * 1024 * 1024) {
      return size / 1024 + " KiB";
    }
    return size / (1024 * 1024) + " MiB";
  }

  /** The note under a diagram whose first events were forgotten. */
  public String forgottenNote() {
    return Text.get("diagram.forgotten", forgotten());
  }
}
