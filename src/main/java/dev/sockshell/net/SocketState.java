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
}
