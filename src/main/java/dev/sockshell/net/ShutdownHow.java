package dev.sockshell.net;

/** {@code shutdown}'s argument: which directions to close. */
public enum ShutdownHow {
  SHUT_RD,
  SHUT_WR,
  SHUT_RDWR
}
