package dev.sockshell.render;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.SocketEvent;

/**
 * A {@link SocketEvent} as the console prints it above the prompt: {@code | event: conn1 has 12
 * bytes waiting (recv conn1)}. Each line says what happened and what call would show it.
 */
public final class EventLines {
  private EventLines() {}

  public static Styled of(SocketEvent e) {
    return Styled.of(Style.EVENT, Feedback.PREFIX + Text.get("event.line", text(e)));
  }

  static String text(SocketEvent e) {
    String s = e.socket();
    return switch (e.kind()) {
      case CONNECTIONS ->
          e.count() > 1
              ? Text.get("event.connections", s, e.count())
              : Text.get("event.connection", s);
      case DATA -> data(e);
      case CONNECTED -> Text.get("event.connected", s);
      case CONNECT_FAILED -> Text.get("event.connect.failed", s);
      case CONNECT_ENDED -> Text.get("event.connect.ended", s);
      case DATAGRAM -> Text.get("event.datagram", s);
      case DATAGRAM_ERROR -> Text.get("event.datagram.error", s);
      case DATAGRAM_OR_ERROR -> Text.get("event.datagram.or.error", s);
    };
  }

  private static String data(SocketEvent e) {
    String s = e.socket();
    if (e.count() <= 0) {
      return switch (e.peer()) {
        case EOF -> Text.get("event.eof", s);
        case RESET -> Text.get("event.reset", s);
        default -> Text.get("event.closed.or.reset", s);
      };
    }
    String bytes = Text.get(e.count() == 1 ? "event.byte" : "event.bytes", s, e.count());
    return switch (e.peer()) {
      case EOF -> Text.get("event.bytes.eof", bytes, s);
      case RESET -> Text.get("event.bytes.reset", bytes, s);
      default -> Text.get("event.bytes.recv", bytes, s);
    };
  }
}
