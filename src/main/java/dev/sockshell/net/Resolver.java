package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;

/**
 * Turns {@code (host, port)} into an address of one family, the way Python's {@code getaddrinfo}
 * call inside {@code bind}/{@code connect} does: an IPv4 address for an AF_INET6 socket (or the
 * other way round) is {@code gaierror [EAI_ADDRFAMILY]}, an unknown name {@code [EAI_NONAME]}.
 */
public final class Resolver {
  private Resolver() {}

  public static SockAddress.Inet resolve(String host, int port, Family family) throws SocketError {
    return resolve(host, port, 0, family);
  }

  /**
   * As {@link #resolve(String, int, Family)}, with the scope_id of Python's 4-tuple: CPython puts
   * it in sin6_scope_id over any {@code %zone} of the host, so a link-local address needs it.
   */
  public static SockAddress.Inet resolve(String host, int port, int scopeId, Family family)
      throws SocketError {
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
    if (family == Family.AF_INET6 && host.indexOf('%') >= 0) {
      host = withoutZone(host);
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
      if (family == Family.AF_INET && candidate instanceof Inet4Address) {
        return new SockAddress.Inet(candidate, port);
      } else if (family == Family.AF_INET6 && candidate instanceof Inet6Address v6) {
        return new SockAddress.Inet(scoped(v6, scopeId, port), port);
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
        throw SocketError.python(PyException.TypeError, PyMessages.AF_INET_PAIR)
            .withHint(Text.get("hint.ipv6.on.inet", address));
      }
      throw otherFamily(inet.host(), family, true);
    }
    if (family == Family.AF_UNIX) {
      throw tupleForUnix();
    }
    throw SocketError.python(PyException.TypeError, PyMessages.addressNotTuple(family, "str"))
        .withHint(Text.get("hint.path.on.inet", address, family));
  }

  /** Python: "TypeError: a bytes-like object is required, not 'tuple'". */
  public static SocketError tupleForUnix() {
    return SocketError.python(PyException.TypeError, PyMessages.bytesLikeRequired("tuple"))
        .withHint(Text.get("hint.unix.path"));
  }

  /**
   * getaddrinfo found {@code host}, but not in {@code family}: an address literal of the other
   * family is EAI_ADDRFAMILY, a name (such as localhost when /etc/hosts has no ::1 line) is
   * EAI_NONAME, as glibc answers.
   */
  private static SocketError otherFamily(String host, Family family, boolean literal) {
    String hint =
        family == Family.AF_INET
            ? Text.get("hint.family.inet")
            : literal ? Text.get("hint.family.inet6") : Text.get("hint.family.no.ipv6", host);
    return SocketError.of(literal ? Errno.EAI_ADDRFAMILY : Errno.EAI_NONAME)
        .at(host)
        .withHint(hint);
  }

  /**
   * glibc's getaddrinfo takes a {@code %zone} only on a link-local literal and only for an
   * interface that exists (else EAI_NONAME); the zone itself is then lost, see {@link #scoped}.
   */
  private static String withoutZone(String host) throws SocketError {
    int percent = host.indexOf('%');
    String literal = host.substring(0, percent);
    String zone = host.substring(percent + 1);
    try {
      boolean linkLocal =
          literal.indexOf(':') >= 0 && InetAddress.getByName(literal).isLinkLocalAddress();
      if (linkLocal && (zone.matches("[0-9]+") || NetworkInterface.getByName(zone) != null)) {
        return literal;
      }
    } catch (IOException e) {
      // Not a literal, or no such interface: what glibc says too.
    }
    throw SocketError.of(Errno.EAI_NONAME).at(host);
  }

  /**
   * The address with the scope_id Python would pass. Linux refuses a link-local address without one
   * (EINVAL, it names no interface); the JDK would pick an interface itself, so the refusal is made
   * here.
   */
  private static InetAddress scoped(Inet6Address v6, int scopeId, int port) throws SocketError {
    try {
      if (!v6.isLinkLocalAddress()) {
        // Linux ignores the scope of any other address, and shows none.
        return v6.getScopeId() == 0 ? v6 : InetAddress.getByAddress(v6.getAddress());
      } else if (scopeId != 0) {
        return Inet6Address.getByAddress(null, v6.getAddress(), scopeId);
      } else {
        throw SocketError.of(Errno.EINVAL)
            .at(new SockAddress.Inet(InetAddress.getByAddress(v6.getAddress()), port))
            .withHint(Text.get("hint.link.local"));
      }
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // 16 bytes are always an IPv6 address
    }
  }

  /** An IPv4 or IPv6 address written out, not a name to resolve. */
  public static boolean isLiteral(String host) {
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
