package dev.sockshell.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns {@code (host, port)} into an address of one family, the way Python's {@code getaddrinfo}
 * call inside {@code bind}/{@code connect} does: an IPv4 address for an AF_INET6 socket (or the
 * other way round) is {@code gaierror [EAI_ADDRFAMILY]}, an unknown name {@code [EAI_NONAME]}.
 */
public final class Resolver {
  private Resolver() {}

  public static SockAddress.Inet resolve(String host, int port, Family family) throws SocketError {
    if (family == Family.AF_UNIX) {
      throw SocketError.of(Errno.EAFNOSUPPORT)
          .at(host + ":" + port)
          .withHint("an AF_UNIX socket takes a path, e.g. /tmp/demo.sock");
    }
    if (host.isEmpty()) {
      // Python: '' is INADDR_ANY (all interfaces).
      return new SockAddress.Inet(wildcard(family), port);
    }
    if (host.equals("<broadcast>")) {
      return broadcast(port, family);
    }
    InetAddress[] candidates;
    try {
      candidates = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw SocketError.of(Errno.EAI_NONAME).at(host);
    }
    for (InetAddress candidate : candidates) {
      if (family == Family.AF_INET
          ? candidate instanceof Inet4Address
          : candidate instanceof Inet6Address) {
        return new SockAddress.Inet(candidate, port);
      }
    }
    throw SocketError.of(Errno.EAI_ADDRFAMILY)
        .at(host)
        .withHint(
            family == Family.AF_INET
                ? "this socket is AF_INET (IPv4); create it with AF_INET6 for IPv6 addresses"
                : "this socket is AF_INET6; use an IPv6 address such as [::1], or an AF_INET socket");
  }

  static InetAddress wildcard(Family family) {
    try {
      return InetAddress.getByAddress(new byte[family == Family.AF_INET6 ? 16 : 4]);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static SockAddress.Inet broadcast(int port, Family family) throws SocketError {
    if (family != Family.AF_INET) {
      throw SocketError.of(Errno.EAI_ADDRFAMILY).at("<broadcast>");
    }
    try {
      byte[] all = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};
      return new SockAddress.Inet(InetAddress.getByAddress(all), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
