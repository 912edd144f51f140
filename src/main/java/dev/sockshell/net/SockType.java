package dev.sockshell.net;

/** Socket types, with Linux's numbers. */
public enum SockType {
  SOCK_STREAM(1),
  SOCK_DGRAM(2);

  private final int number;

  SockType(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }
}
