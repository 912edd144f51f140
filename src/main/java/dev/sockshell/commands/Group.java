package dev.sockshell.commands;

/** How {@code /help} groups the commands, in this order. */
public enum Group {
  SOCKETS("Sockets"),
  CONNECTIONS("Servers and clients"),
  DATA("Sending and receiving"),
  TLS("TLS (Python's ssl)"),
  OPTIONS("Options and timeouts"),
  BACKGROUND("In the background: servers, automatic replies, relays"),
  CHECKS("Scripts: checking results, pacing"),
  SESSION("Session (meta commands)");

  private final String title;

  Group(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
