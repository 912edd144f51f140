package dev.sockshell.render;

import dev.sockshell.net.SocketEvent;

/**
 * A {@link SocketEvent} as the console prints it above the prompt: {@code | event: conn1 has 12
 * bytes waiting (recv conn1)}. Each line says what happened and what call would show it.
 */
public final class EventLines {
  private EventLines() {}

  public static Styled of(SocketEvent e) {
    return Styled.of(Style.EVENT, "|  event: " + text(e));
  }

  static String text(SocketEvent e) {
    String s = e.socket();
    return switch (e.kind()) {
      case CONNECTIONS ->
          e.count() > 1
              ? s + " has " + e.count() + " connections waiting (accept " + s + ")"
              : s + " has a connection waiting (accept " + s + ")";
      case DATA -> data(e);
      case CONNECTED -> s + " is connected: its connect finished";
      case CONNECT_FAILED -> s + " failed to connect (the next call on " + s + " raises the error)";
      case CONNECT_ENDED -> s + "'s connect finished or failed (the next call on " + s + " tells)";
      case DATAGRAM -> s + " has a datagram waiting (recvfrom " + s + ")";
      case DATAGRAM_ERROR ->
          s
              + " has an error waiting, likely ECONNREFUSED: an earlier datagram hit a closed port"
              + " (the next call on "
              + s
              + " raises it)";
      case DATAGRAM_OR_ERROR -> s + " has a datagram or an error waiting (recvfrom " + s + ")";
    };
  }

  private static String data(SocketEvent e) {
    String s = e.socket();
    if (e.count() <= 0) {
      return switch (e.peer()) {
        case EOF -> s + " reached EOF: the peer closed its side (recv " + s + " returns b'')";
        case RESET -> s + " was reset by the peer (recv " + s + " raises ConnectionResetError)";
        default -> s + "'s peer closed or reset the connection (recv " + s + " tells which)";
      };
    }
    String bytes = s + " has " + e.count() + (e.count() == 1 ? " byte" : " bytes") + " waiting";
    return switch (e.peer()) {
      case EOF -> bytes + ", then EOF: the peer closed its side (recv " + s + ")";
      case RESET -> bytes + ", then the peer reset the connection (recv " + s + ")";
      default -> bytes + " (recv " + s + ")";
    };
  }
}
