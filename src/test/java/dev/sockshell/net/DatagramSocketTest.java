package dev.sockshell.net;

import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP as Linux does it, including where the JDK would differ (implicit binds, truncation). */
class DatagramSocketTest {
  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket udp(String name) throws SocketError {
    return session.open(name, Family.AF_INET, SockType.SOCK_DGRAM);
  }

  private NetSocket bound(String name) throws SocketError {
    NetSocket s = udp(name);
    s.bind(loopback(0));
    return s;
  }

  @Test
  void recvfromOnAnUnboundSocketWaitsWithoutBindingIt() throws SocketError {
    NetSocket u = udp("u");
    u.setTimeout(Timeout.seconds(0.05));
    SocketError e = assertThrows(SocketError.class, () -> u.recvFrom(10));
    assertEquals(PyException.TimeoutError, e.type());
    assertEquals("0.0.0.0:0", u.localAddress().toString());
    assertEquals(SocketState.UNBOUND, u.state());
  }

  @Test
  void firstSendtoBindsAnUnboundSocketToAnEphemeralPort() throws SocketError {
    NetSocket server = bound("server");
    NetSocket client = udp("client");
    assertEquals(9, client.sendTo(ByteString.utf8("hello UDP"), server.localAddress()));
    SockAddress.Inet local = (SockAddress.Inet) client.localAddress();
    assertEquals("0.0.0.0", local.host());
    assertTrue(local.port() > 0);
    NetSocket.Received r = server.recvFrom(1024);
    assertEquals(ByteString.utf8("hello UDP"), r.data());
    assertEquals(local.port(), ((SockAddress.Inet) r.from()).port());
  }

  @Test
  void aDatagramLongerThanTheBufferIsCutAndTheRestDiscarded() throws SocketError {
    NetSocket server = bound("server");
    NetSocket client = udp("client");
    client.sendTo(ByteString.utf8("0123456789"), server.localAddress());
    client.sendTo(ByteString.utf8("next"), server.localAddress());
    assertEquals(ByteString.utf8("0123"), server.recvFrom(4).data());
    assertEquals(ByteString.utf8("next"), server.recvFrom(100).data());
  }

  @Test
  void bufsizeZeroDiscardsTheWholeDatagram() throws SocketError {
    NetSocket server = bound("server");
    NetSocket client = udp("client");
    client.sendTo(ByteString.utf8("gone"), server.localAddress());
    assertEquals(ByteString.EMPTY, server.recvFrom(0).data());
    server.setTimeout(Timeout.NON_BLOCKING);
    SocketError e = assertThrows(SocketError.class, () -> server.recvFrom(10));
    assertEquals(Errno.EAGAIN, e.errno());
  }

  @Test
  void aDatagramTooLargeForIpv4IsMessageTooLong() throws SocketError {
    NetSocket server = bound("server");
    NetSocket client = udp("client");
    assertEquals(65507, client.sendTo(ByteString.wrap(new byte[65507]), server.localAddress()));
    SocketError e =
        assertThrows(
            SocketError.class,
            () -> client.sendTo(ByteString.wrap(new byte[65508]), server.localAddress()));
    assertEquals(Errno.EMSGSIZE, e.errno());
  }

  @Test
  void connectSetsTheDefaultPeerForSendAndRecv() throws SocketError {
    NetSocket server = bound("server");
    NetSocket client = udp("client");
    client.connect(server.localAddress());
    assertEquals(server.localAddress(), client.peerAddress());
    assertEquals(SocketState.CONNECTED, client.state());
    client.send(ByteString.utf8("ping"));
    NetSocket.Received r = server.recvFrom(100);
    server.sendTo(ByteString.utf8("pong"), r.from());
    assertEquals(ByteString.utf8("pong"), client.recv(100));
  }

  @Test
  void sendWithoutAPeerIsDestinationAddressRequired() throws SocketError {
    NetSocket u = udp("u");
    assertEquals(
        Errno.EDESTADDRREQ,
        assertThrows(SocketError.class, () -> u.send(ByteString.utf8("x"))).errno());
  }

  @Test
  void sendtoElsewhereOnAConnectedSocketNamesTheJvmLimitation() throws SocketError {
    NetSocket peer = bound("peer");
    NetSocket other = bound("other");
    NetSocket u = udp("u");
    u.connect(peer.localAddress());
    assertEquals(1, u.sendTo(ByteString.utf8("x"), peer.localAddress()));
    SocketError e =
        assertThrows(SocketError.class, () -> u.sendTo(ByteString.utf8("x"), other.localAddress()));
    assertEquals(PyException.OSError, e.type());
    assertTrue(e.reason().startsWith("the JVM cannot sendto another address"), e.reason());
  }

  @Test
  void shutdownOfAConnectedUdpSocketNamesTheJvmLimitationAndUnconnectedIsNotConnected()
      throws SocketError {
    NetSocket peer = bound("peer");
    NetSocket u = udp("u");
    assertEquals(
        Errno.ENOTCONN,
        assertThrows(SocketError.class, () -> u.shutdown(ShutdownHow.SHUT_WR)).errno());
    u.connect(peer.localAddress());
    SocketError e = assertThrows(SocketError.class, () -> u.shutdown(ShutdownHow.SHUT_WR));
    assertTrue(e.reason().startsWith("the JVM cannot shut down a UDP socket"), e.reason());
  }

  @Test
  void broadcastWithoutSoBroadcastIsPermissionDenied() throws SocketError {
    NetSocket u = udp("u");
    SockAddress broadcast = Resolver.resolve("<broadcast>", 9, Family.AF_INET);
    SocketError e =
        assertThrows(SocketError.class, () -> u.sendTo(ByteString.utf8("x"), broadcast));
    assertEquals(PyException.PermissionError, e.type());
    assertEquals(Errno.EACCES, e.errno());
  }

  @Test
  void unixDatagramSocketsNameTheJvmLimitation() {
    SocketError e =
        assertThrows(
            SocketError.class, () -> session.open("d", Family.AF_UNIX, SockType.SOCK_DGRAM));
    assertEquals(PyException.OSError, e.type());
    assertEquals(
        "the JVM cannot create AF_UNIX SOCK_DGRAM sockets: Java 17 has no Unix datagram channels",
        e.reason());
  }
}
