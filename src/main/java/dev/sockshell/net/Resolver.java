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
      throw tupleForUnix();
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
      if (family == Family.AF_INET6
          && candidate instanceof Inet4Address v4
          && host.indexOf(':') >= 0) {
        // An IPv4-mapped literal (::ffff:127.0.0.1), which the JDK unwraps to IPv4.
        return new SockAddress.Inet(SockAddress.mapped(v4), port);
      }
      if (family == Family.AF_INET
          ? candidate instanceof Inet4Address
          : candidate instanceof Inet6Address) {
        return new SockAddress.Inet(candidate, port);
      }
    }
    throw otherFamily(host, family, isLiteral(host));
  }

  /**
   * Checks an address that is already resolved (a kept value, another socket's address) against the
   * socket's family, failing as Python does when given that address as a tuple or str.
   */
  public static SockAddress checkFamily(SockAddress address, Family family) throws SocketError {
    if (address.family() == family) {
      return address;
    }
    if (address instanceof SockAddress.Inet inet && family != Family.AF_UNIX) {
      if (family == Family.AF_INET) {
        // An IPv6 address is Python's 4-tuple, which AF_INET refuses before any lookup.
        throw SocketError.python(
                PyException.TypeError, "AF_INET address must be a pair (host, port)")
            .withHint(address + " is an IPv6 address; this socket is AF_INET (IPv4)");
      }
      throw otherFamily(inet.host(), family, true);
    }
    if (family == Family.AF_UNIX) {
      throw tupleForUnix();
    }
    throw SocketError.python(PyException.TypeError, family + " address must be tuple, not str")
        .withHint(address + " is an AF_UNIX path; write HOST:PORT for " + family + " sockets");
  }

  /** Python: "TypeError: a bytes-like object is required, not 'tuple'". */
  private static SocketError tupleForUnix() {
    return SocketError.python(PyException.TypeError, "a bytes-like object is required, not 'tuple'")
        .withHint("an AF_UNIX socket takes a path, e.g. /tmp/demo.sock or ./demo.sock");
  }

  /**
   * getaddrinfo found {@code host}, but not in {@code family}: an address literal of the other
   * family is EAI_ADDRFAMILY, a name (such as localhost when /etc/hosts has no ::1 line) is
   * EAI_NONAME, as glibc answers.
   */
  private static SocketError otherFamily(String host, Family family, boolean literal) {
    String hint =
        family == Family.AF_INET
            ? "this socket is AF_INET (IPv4); create it with AF_INET6 for IPv6 addresses"
            : literal
                ? "this socket is AF_INET6; use an IPv6 address such as [::1], or an AF_INET socket"
                : host + " has no IPv6 address here; use [::1], or an AF_INET socket";
    return SocketError.of(literal ? Errno.EAI_ADDRFAMILY : Errno.EAI_NONAME)
        .at(host)
        .withHint(hint);
  }

  private static boolean isLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
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
