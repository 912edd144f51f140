package dev.sockshell.render;

import dev.sockshell.background.BackgroundEvent;
import dev.sockshell.background.Events;
import dev.sockshell.bytes.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the background did, as printed: one line per event ({@code | event: conn1 replied b'hi'
 * (echo)}), or with {@code /set events counts} one line of counts. Bytes are escaped as everywhere.
 */
public final class BackgroundLines {
  private BackgroundLines() {}

  /** The lines for {@code batch}, each event in order. */
  public static List<Styled> of(Events.Batch batch) {
    List<Styled> lines = new ArrayList<>();
    for (BackgroundEvent e : batch.events()) {
      lines.add(line(text(e)));
      if (e instanceof BackgroundEvent.Relayed r && r.hex()) {
        HexDump.lines(r.data()).forEach(l -> lines.add(Styled.of(Style.EVENT, "|    " + l)));
      }
    }
    if (batch.dropped() > 0) {
      lines.add(line("and " + batch.dropped() + " more events not shown (too many at once)"));
    }
    return lines;
  }

  /** One line counting {@code batch}'s events by kind: {@code 3 accepted, 6 replies, 3 closed}. */
  public static List<Styled> counts(Events.Batch batch) {
    if (batch.isEmpty()) {
      return List.of();
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (BackgroundEvent e : batch.events()) {
      counts.merge(kind(e), 1L, Long::sum);
    }
    if (batch.dropped() > 0) {
      counts.merge("more", batch.dropped(), Long::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, n) -> parts.add(n + " " + kind));
    return List.of(line(String.join(", ", parts)));
  }

  private static String kind(BackgroundEvent e) {
    if (e instanceof BackgroundEvent.Accepted) {
      return "accepted";
    } else if (e instanceof BackgroundEvent.Replied) {
      return "replies";
    } else if (e instanceof BackgroundEvent.Relayed) {
      return "chunks relayed";
    } else if (e instanceof BackgroundEvent.Closed) {
      return "closed";
    } else if (e instanceof BackgroundEvent.Failed) {
      return "errors";
    } else if (e instanceof BackgroundEvent.HalfClosed) {
      return "half-closed";
    } else if (e instanceof BackgroundEvent.Stalled) {
      return "stalled";
    }
    return "ended";
  }

  private static Styled line(String text) {
    return Styled.of(Style.EVENT, "|  event: " + text);
  }

  static String text(BackgroundEvent e) {
    if (e instanceof BackgroundEvent.Accepted a) {
      return a.socket()
          + " accepted "
          + a.connection()
          + (a.peer() == null ? "" : " from " + Repr.address(a.peer()));
    } else if (e instanceof BackgroundEvent.Replied r) {
      return r.socket()
          + " sent "
          + bytes(r.data(), r.size())
          + (r.to() == null ? "" : " to " + Repr.address(r.to()))
          + " ("
          + r.why()
          + ")";
    } else if (e instanceof BackgroundEvent.Relayed r) {
      return r.socket()
          + " -> "
          + r.to()
          + " "
          + r.data().size()
          + (r.data().size() == 1 ? " byte" : " bytes")
          + (r.hex() ? ":" : " " + r.data());
    } else if (e instanceof BackgroundEvent.HalfClosed h) {
      return h.socket() + " reached EOF; passed on as shutdown " + h.to() + " SHUT_WR";
    } else if (e instanceof BackgroundEvent.Closed c) {
      return c.socket()
          + " closed: "
          + c.why().text()
          + " ("
          + c.bytesIn()
          + " bytes in, "
          + c.bytesOut()
          + " out)";
    } else if (e instanceof BackgroundEvent.Stalled s) {
      return s.unsent()
          ? s.socket()
              + " stopped reading: "
              + s.bytes()
              + " bytes of replies wait for a peer that does not read"
          : s.socket()
              + " stopped reading: "
              + s.bytes()
              + " bytes match no rule (recv "
              + s.socket()
              + " takes them)";
    } else if (e instanceof BackgroundEvent.Failed f) {
      return f.socket() + ": " + f.error();
    }
    return ((BackgroundEvent.Ended) e).what();
  }

  /** {@code b'hi'}, or for a long reply its start and its size. */
  private static String bytes(ByteString shown, int size) {
    return size <= shown.size() ? shown.toString() : shown + "... (" + size + " bytes)";
  }
}
