package dev.sockshell.commands;

import dev.sockshell.i18n.Text;

/** How {@code /help} groups the commands, in this order. */
public enum Group {
  SOCKETS,
  CONNECTIONS,
  DATA,
  TLS,
  OPTIONS,
  BACKGROUND,
  CHECKS,
  SESSION;

  /** Its heading in /help, in the session's language ({@code help.group.NAME}). */
  public String title() {
    return Text.get("help.group." + name());
  }
}
