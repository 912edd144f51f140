package dev.sockshell.render;

import dev.sockshell.background.BackgroundEvent;
import dev.sockshell.background.Events;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
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
        HexDump.lines(r.data())
            .forEach(l -> lines.add(Styled.of(Style.EVENT, Feedback.PREFIX + "  " + l)));
      }
    }
    if (batch.dropped() > 0) {
      lines.add(line(Text.get("background.dropped", batch.dropped())));
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
    counts.forEach((kind, n) -> parts.add(Text.get("background.count." + kind, n)));
    return List.of(line(String.join(", ", parts)));
  }

  private static String kind(BackgroundEvent e) {
    if (e instanceof BackgroundEvent.Accepted) {
      return "accepted";
    } else if (e instanceof BackgroundEvent.Replied) {
      return "replies";
    } else if (e instanceof BackgroundEvent.Relayed) {
      return "relayed";
    } else if (e instanceof BackgroundEvent.Closed) {
      return "closed";
    } else if (e instanceof BackgroundEvent.Failed) {
      return "errors";
    } else if (e instanceof BackgroundEvent.HalfClosed) {
      return "halfclosed";
    } else if (e instanceof BackgroundEvent.Stalled) {
      return "stalled";
    }
    return "ended";
  }

  private static Styled line(String text) {
    return Styled.of(Style.EVENT, Feedback.PREFIX + Text.get("event.line", text));
  }

  static String text(BackgroundEvent e) {
    if (e instanceof BackgroundEvent.Accepted a) {
      return a.peer() == null
          ? Text.get("background.accepted", a.socket(), a.connection())
          : Text.get(
              "background.accepted.from", a.socket(), a.connection(), Repr.address(a.peer()));
    } else if (e instanceof BackgroundEvent.Replied r) {
      return r.to() == null
          ? Text.get("background.sent", r.socket(), bytes(r.data(), r.size()), r.why())
          : Text.get(
              "background.sent.to",
              r.socket(),
              bytes(r.data(), r.size()),
              Repr.address(r.to()),
              r.why());
    } else if (e instanceof BackgroundEvent.Relayed r) {
      int n = r.data().size();
      return Text.get(
          n == 1 ? "background.relayed.byte" : "background.relayed.bytes",
          r.socket(),
          r.to(),
          n,
          r.hex() ? ":" : " " + r.data());
    } else if (e instanceof BackgroundEvent.HalfClosed h) {
      return Text.get("background.halfclosed", h.socket(), h.to());
    } else if (e instanceof BackgroundEvent.Closed c) {
      return Text.get(
          "background.closed",
          c.socket(),
          Text.get("background.why." + c.why().name()),
          c.bytesIn(),
          c.bytesOut());
    } else if (e instanceof BackgroundEvent.Stalled s) {
      return Text.get(
          s.unsent() ? "background.stalled.unsent" : "background.stalled.unmatched",
          s.socket(),
          s.bytes());
    } else if (e instanceof BackgroundEvent.Failed f) {
      return f.socket() + ": " + f.error();
    }
    return ((BackgroundEvent.Ended) e).what();
  }

  /** {@code b'hi'}, or for a long reply its start and its size. */
  private static String bytes(ByteString shown, int size) {
    return size <= shown.size() ? shown.toString() : Text.get("background.long", shown, size);
  }
}
