package dev.sockshell.net;

import dev.sockshell.bytes.Printable;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * A resolved socket address: an IP address and port, or a Unix-domain path. Its {@link #toString}
 * is the short form used in messages ({@code 127.0.0.1:9999}, {@code [::1]:8888}, a path).
 */
public sealed interface SockAddress {

  Family family();

  SocketAddress jdk();

  /** An IPv4 or IPv6 address and port. */
  record Inet(InetAddress address, int port) implements SockAddress {
    @Override
    public Family family() {
      return address instanceof Inet6Address ? Family.AF_INET6 : Family.AF_INET;
    }

    @Override
    public SocketAddress jdk() {
      return new InetSocketAddress(address, port);
    }

    /** The address as Python prints it: dotted quad, or RFC 5952's compressed IPv6 text. */
    public String host() {
      if (!(address instanceof Inet4Address v4)) {
        return Ipv6Text.of(address);
      }
      // A script's datagrams come from a few peers, most often one: the text of the last IPv4
      // address shown is kept (the JDK makes a new string for every call).
      HostText last = lastHost;
      if (last != null && last.address.equals(v4)) {
        return last.text;
      }
      String text = v4.getHostAddress();
      lastHost = new HostText(v4, text);
      return text;
    }

    /** The last IPv4 address shown and its text (any thread: an immutable pair, replaced whole). */
    private static volatile HostText lastHost;

    private record HostText(Inet4Address address, String text) {}

    /** The IPv6 scope id (0 for IPv4 and unscoped addresses). */
    public int scopeId() {
      return address instanceof Inet6Address v6 ? v6.getScopeId() : 0;
    }

    @Override
    public String toString() {
      return family() == Family.AF_INET6 ? "[" + host() + "]:" + port : host() + ":" + port;
    }
  }

  /** A Unix-domain socket path; the empty path is an unbound socket. */
  record Unix(Path path) implements SockAddress {
    @Override
    public Family family() {
      return Family.AF_UNIX;
    }

    @Override
    public SocketAddress jdk() {
      return UnixDomainSocketAddress.of(path);
    }

    /** The path, with what a terminal would act on escaped: a peer chooses its own path. */
    @Override
    public String toString() {
      return Printable.escape(path.toString());
    }
  }

  /**
   * Wraps what a JDK channel reports; {@code null} (not bound) becomes the family's wildcard. The
   * JDK turns IPv4-mapped addresses ({@code ::ffff:127.0.0.1}) into IPv4 ones, but an AF_INET6
   * socket talking to an IPv4 peer has an IPv6 address, and Python shows it so.
   */
  static SockAddress fromJdk(SocketAddress address, Family family) {
    if (address instanceof InetSocketAddress inet) {
      InetAddress ip = inet.getAddress();
      if (family == Family.AF_INET6 && ip instanceof Inet4Address v4) {
        ip = mapped(v4);
      }
      return new Inet(ip, inet.getPort());
    }
    if (address instanceof UnixDomainSocketAddress unix) {
      return new Unix(unix.getPath());
    }
    return unbound(family);
  }

  /** True for an IPv4-mapped IPv6 address, {@code ::ffff:a.b.c.d}. */
  static boolean isMapped(Inet6Address address) {
    byte[] b = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** {@code ::ffff:a.b.c.d}, kept as an {@link Inet6Address} (the JDK would unwrap it). */
  static InetAddress mapped(Inet4Address v4) {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    System.arraycopy(v4.getAddress(), 0, bytes, 12, 4);
    try {
      return Inet6Address.getByAddress(null, bytes, -1);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** What {@code getsockname} says of a socket that is not bound: {@code ('0.0.0.0', 0)}. */
  static SockAddress unbound(Family family) {
    return switch (family) {
      case AF_INET -> new Inet(Resolver.wildcard(Family.AF_INET), 0);
      case AF_INET6 -> new Inet(Resolver.wildcard(Family.AF_INET6), 0);
      case AF_UNIX -> new Unix(Path.of(""));
    };
  }
}
