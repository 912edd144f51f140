package dev.sockshell.net;

import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;

/** Address families, with Linux's numbers as Python's {@code socket} module shows them. */
public enum Family {
  AF_UNIX(1, StandardProtocolFamily.UNIX),
  AF_INET(2, StandardProtocolFamily.INET),
  AF_INET6(10, StandardProtocolFamily.INET6);

  private final int number;
  private final ProtocolFamily jdk;

  Family(int number, ProtocolFamily jdk) {
    this.number = number;
    this.jdk = jdk;
  }

  public int number() {
    return number;
  }

  ProtocolFamily jdk() {
    return jdk;
  }
}
