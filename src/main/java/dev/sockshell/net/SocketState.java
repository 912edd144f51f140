package dev.sockshell.net;

/** Where a socket is in its BSD life: {@code unbound → bound → listening | connected → closed}. */
public enum SocketState {
  UNBOUND("unbound"),
  BOUND("bound"),
  LISTENING("listening"),
  CONNECTING("connecting"),
  CONNECTED("connected"),
  CLOSED("closed");

  private final String label;

  SocketState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * True for the transitions a BSD socket makes (see {@code NetSocket.moveTo}): forward through its
   * life, back to unbound or bound after a failed connect or a listener's shutdown, and to closed
   * from anywhere but closed.
   */
  boolean mayBecome(SocketState next) {
    return switch (next) {
      case UNBOUND, BOUND, CLOSED -> this != CLOSED;
      case LISTENING, CONNECTING -> this == UNBOUND || this == BOUND;
      case CONNECTED -> this != CLOSED && this != LISTENING; // again for UDP: a new default peer
    };
  }
}
