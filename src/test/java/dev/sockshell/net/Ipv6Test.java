package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AF_INET6 sockets: addresses as Python shows them, the dual stack, the other family refused. */
class Ipv6Test {
  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket tcp6(String name) throws SocketError {
    return session.open(name, Family.AF_INET6, SockType.SOCK_STREAM);
  }

  /**
   * The JDK sets IPV6_V6ONLY to 0 on every AF_INET6 socket and gives no way to read it, so
   * getsockopt answers 0 from that knowledge; this pins the knowledge: such a socket bound to
   * {@code ::} accepts an IPv4 client, whose address it sees IPv4-mapped, as Python shows it.
   */
  @Test
  void anIpv6ListenerOnTheWildcardAcceptsIpv4ClientsSoV6OnlyIsZero() throws SocketError {
    NetSocket srv = tcp6("srv");
    srv.bind(Resolver.resolve("", 0, Family.AF_INET6));
    srv.listen(5);
    assertEquals(new OptionValue.Int(0), srv.getOption(SockOpt.IPV6_V6ONLY).value());
    int port = ((SockAddress.Inet) srv.localAddress()).port();

    NetSocket v4 = session.open("v4", Family.AF_INET, SockType.SOCK_STREAM);
    v4.connect(Resolver.resolve("127.0.0.1", port, Family.AF_INET));
    StreamSocket conn = session.accept(srv, "conn");

    SockAddress.Inet peer = (SockAddress.Inet) conn.peerAddress();
    assertEquals(Family.AF_INET6, peer.family());
    assertEquals("::ffff:127.0.0.1", peer.host());
    v4.sendAll(ByteString.utf8("over IPv4"));
    assertEquals(ByteString.utf8("over IPv4"), conn.recv(100));
  }

  @Test
  void loopbackConnectionShowsCompressedAddresses() throws SocketError {
    NetSocket srv = tcp6("srv");
    srv.bind(Resolver.resolve("::1", 0, Family.AF_INET6));
    srv.listen(5);
    NetSocket cli = tcp6("cli");
    cli.connect(srv.localAddress());
    SockAddress.Inet peer = (SockAddress.Inet) cli.peerAddress();
    assertEquals("::1", peer.host());
    assertEquals(0, peer.scopeId());
    assertTrue(cli.localAddress().toString().startsWith("[::1]:"));
  }

  @Test
  void settingV6OnlyNamesTheJvmLimitationButZeroIsWhatTheSocketHas() throws SocketError {
    NetSocket s = tcp6("s");
    assertEquals(new OptionValue.Int(0), s.setOption(SockOpt.IPV6_V6ONLY, 0).value());
    SocketError e = assertThrows(SocketError.class, () -> s.setOption(SockOpt.IPV6_V6ONLY, 1));
    assertTrue(e.reason().startsWith("the JVM cannot set IPV6_V6ONLY"), e.reason());
    s.bind(Resolver.resolve("::1", 0, Family.AF_INET6));
    // Linux: too late once bound, whatever the value.
    assertEquals(
        Errno.EINVAL,
        assertThrows(SocketError.class, () -> s.setOption(SockOpt.IPV6_V6ONLY, 0)).errno());
  }

  @Test
  void theOtherFamilysAddressesFailAsPythonSays() throws SocketError {
    SocketError literal =
        assertThrows(SocketError.class, () -> Resolver.resolve("127.0.0.1", 1, Family.AF_INET6));
    assertEquals(Errno.EAI_ADDRFAMILY, literal.errno());
    // A v6 address that is already resolved (another socket's) is Python's 4-tuple: TypeError.
    SockAddress v6 = Resolver.resolve("::1", 1, Family.AF_INET6);
    SocketError tuple =
        assertThrows(SocketError.class, () -> Resolver.checkFamily(v6, Family.AF_INET));
    assertEquals(PyException.TypeError, tuple.type());
    SockAddress v4 = Resolver.resolve("127.0.0.1", 1, Family.AF_INET);
    assertEquals(
        Errno.EAI_ADDRFAMILY,
        assertThrows(SocketError.class, () -> Resolver.checkFamily(v4, Family.AF_INET6)).errno());
  }

  @Test
  void anIpv4MappedLiteralStaysAnIpv6Address() throws SocketError {
    SockAddress.Inet mapped = Resolver.resolve("::ffff:127.0.0.1", 80, Family.AF_INET6);
    assertEquals(Family.AF_INET6, mapped.family());
    assertEquals("::ffff:127.0.0.1", mapped.host());
  }

  @Test
  void udpOverIpv6ReportsTheSenderAsAFourTuple() throws SocketError {
    NetSocket server = session.open("server", Family.AF_INET6, SockType.SOCK_DGRAM);
    server.bind(Resolver.resolve("::1", 0, Family.AF_INET6));
    NetSocket client = session.open("client", Family.AF_INET6, SockType.SOCK_DGRAM);
    client.sendTo(ByteString.utf8("hello UDP"), server.localAddress());
    NetSocket.Received r = server.recvFrom(1024);
    assertEquals(ByteString.utf8("hello UDP"), r.data());
    assertEquals(Family.AF_INET6, r.from().family());
    assertEquals("::1", ((SockAddress.Inet) r.from()).host());
  }

  @Test
  void scopesAreReadAsPythonAndGlibcReadThem() throws SocketError {
    // A link-local address names no interface without a scope_id: Linux says EINVAL.
    assertEquals(
        Errno.EINVAL,
        assertThrows(SocketError.class, () -> Resolver.resolve("fe80::1", 0, Family.AF_INET6))
            .errno());
    // glibc takes a %zone only on a link-local address, of an interface that exists.
    assertEquals(
        Errno.EAI_NONAME,
        assertThrows(SocketError.class, () -> Resolver.resolve("::1%lo", 0, Family.AF_INET6))
            .errno());
    assertEquals(
        Errno.EAI_NONAME,
        assertThrows(
                SocketError.class, () -> Resolver.resolve("fe80::1%no-such-if", 0, Family.AF_INET6))
            .errno());
    // The 4-tuple's scope_id is kept on a link-local address, and dropped elsewhere, as Linux.
    assertEquals(3, Resolver.resolve("fe80::1", 0, 3, Family.AF_INET6).scopeId());
    assertEquals(0, Resolver.resolve("::1", 0, 7, Family.AF_INET6).scopeId());
  }
}
