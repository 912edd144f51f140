package dev.sockshell.net;

import static dev.sockshell.net.Sockets.closedPort;
import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static dev.sockshell.net.Sockets.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.LoopbackPeer;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each row of the error table, provoked for real on loopback: the OS's errno must come out as
 * Python's exception class and errno symbol.
 */
class OsErrorsTest {
  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket tcp(String name) throws SocketError {
    return session.open(name, Family.AF_INET, SockType.SOCK_STREAM);
  }

  private static void assertError(PyException type, Errno errno, SocketError e) {
    assertEquals(type, e.type(), e.toString());
    assertEquals(errno, e.errno(), e.toString());
  }

  @Test
  void connectToClosedPortRaisesConnectionRefused() throws SocketError {
    int port = port(closedPort(session, "holder"));
    NetSocket cli = tcp("cli");
    SocketError e = assertThrows(SocketError.class, () -> cli.connect(loopback(port)));
    assertError(PyException.ConnectionRefusedError, Errno.ECONNREFUSED, e);
    assertEquals("127.0.0.1:" + port, e.address());
  }

  @Test
  void connectAgainAfterRefusedIsAllowedAndRefusedAgain() throws SocketError {
    int port = port(closedPort(session, "holder"));
    NetSocket cli = tcp("cli");
    assertThrows(SocketError.class, () -> cli.connect(loopback(port)));
    // Linux releases the port the kernel picked for the connect.
    assertEquals(SocketState.UNBOUND, cli.state());
    SocketError again = assertThrows(SocketError.class, () -> cli.connect(loopback(port)));
    assertError(PyException.ConnectionRefusedError, Errno.ECONNREFUSED, again);
  }

  @Test
  void failedConnectKeepsAPortTheUserChose() throws SocketError {
    int port = port(closedPort(session, "holder"));
    NetSocket probe = tcp("probe");
    probe.bind(loopback(0));
    SockAddress chosen = probe.localAddress();
    probe.close();
    NetSocket cli = tcp("cli");
    cli.bind(chosen);
    assertThrows(SocketError.class, () -> cli.connect(loopback(port)));
    assertEquals(SocketState.BOUND, cli.state());
    assertEquals(chosen, cli.localAddress());
    SocketError taken = assertThrows(SocketError.class, () -> tcp("other").bind(chosen));
    assertError(PyException.OSError, Errno.EADDRINUSE, taken);
  }

  @Test
  void failedConnectReleasesAPortZeroBindButKeepsItsAddress() throws Exception {
    int port = port(closedPort(session, "holder"));
    NetSocket cli = tcp("cli");
    cli.bind(loopback(0));
    SockAddress first = cli.localAddress();
    assertThrows(SocketError.class, () -> cli.connect(loopback(port)));
    assertEquals(SocketState.UNBOUND, cli.state());
    assertEquals(loopback(0), cli.localAddress()); // the port is gone, the address stays
    tcp("other").bind(first); // free again
    try (LoopbackPeer peer = new LoopbackPeer()) {
      cli.connect(loopback(peer.port()));
      assertEquals(
          "127.0.0.1", ((SockAddress.Inet) cli.localAddress()).host(), "kept bind address");
    }
  }

  @Test
  void bindToPortInUseRaisesAddressInUseAtBind() throws SocketError {
    int port = port(closedPort(session, "first"));
    NetSocket second = tcp("second");
    SocketError e = assertThrows(SocketError.class, () -> second.bind(loopback(port)));
    assertError(PyException.OSError, Errno.EADDRINUSE, e);
  }

  @Test
  void bindToForeignAddressRaisesAddressNotAvailable() throws SocketError {
    NetSocket s = tcp("s");
    SockAddress foreign = Resolver.resolve("192.0.2.1", 0, Family.AF_INET); // TEST-NET-1
    SocketError e = assertThrows(SocketError.class, () -> s.bind(foreign));
    assertError(PyException.OSError, Errno.EADDRNOTAVAIL, e);
  }

  @Test
  void bindTwiceRaisesInvalidArgument() throws SocketError {
    NetSocket s = tcp("s");
    s.bind(loopback(0));
    assertError(
        PyException.OSError,
        Errno.EINVAL,
        assertThrows(SocketError.class, () -> s.bind(loopback(0))));
  }

  @Test
  void acceptOnSocketThatIsNotListeningRaisesInvalidArgument() throws SocketError {
    NetSocket s = tcp("s");
    assertError(
        PyException.OSError,
        Errno.EINVAL,
        assertThrows(SocketError.class, () -> s.accept(() -> "c")));
    s.bind(loopback(0));
    assertError(
        PyException.OSError,
        Errno.EINVAL,
        assertThrows(SocketError.class, () -> s.accept(() -> "c")));
  }

  @Test
  void sendOnUnconnectedStreamRaisesBrokenPipe() throws SocketError {
    NetSocket s = tcp("s");
    assertError(
        PyException.BrokenPipeError,
        Errno.EPIPE,
        assertThrows(SocketError.class, () -> s.send(ByteString.utf8("x"))));
  }

  @Test
  void recvOnUnconnectedStreamRaisesNotConnected() throws SocketError {
    NetSocket s = tcp("s");
    assertError(
        PyException.OSError, Errno.ENOTCONN, assertThrows(SocketError.class, () -> s.recv(10)));
    assertError(
        PyException.OSError, Errno.ENOTCONN, assertThrows(SocketError.class, s::peerAddress));
  }

  @Test
  void listeningSocketRefusesConnectAndListenOnConnectedIsInvalid() throws Exception {
    NetSocket srv = listening(session, "srv");
    assertError(
        PyException.OSError,
        Errno.EISCONN,
        assertThrows(SocketError.class, () -> srv.connect(srv.localAddress())));
    NetSocket cli = tcp("cli");
    cli.connect(srv.localAddress());
    assertError(
        PyException.OSError, Errno.EINVAL, assertThrows(SocketError.class, () -> cli.listen(1)));
    assertError(
        PyException.OSError,
        Errno.EISCONN,
        assertThrows(SocketError.class, () -> cli.connect(srv.localAddress())));
  }

  @Test
  void everyCallAfterCloseRaisesBadFileDescriptor() throws SocketError {
    NetSocket s = tcp("s");
    s.close();
    s.close(); // closing twice is fine, as in Python
    for (var call :
        new ThrowingCall[] {
          () -> s.bind(loopback(0)),
          () -> s.listen(1),
          () -> s.accept(() -> "x"),
          () -> s.connect(loopback(1)),
          () -> s.send(ByteString.utf8("x")),
          () -> s.recv(1),
          s::localAddress,
          () -> s.setOption(SockOpt.SO_REUSEADDR, 1)
        }) {
      assertError(PyException.OSError, Errno.EBADF, assertThrows(SocketError.class, call::run));
    }
  }

  @Test
  void peerResetRaisesConnectionResetOnRecv() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer()) {
      NetSocket cli = tcp("cli");
      cli.connect(loopback(peer.port()));
      LoopbackPeer.reset(peer.nextConnection());
      SocketError e = assertThrows(SocketError.class, () -> cli.recv(10));
      assertError(PyException.ConnectionResetError, Errno.ECONNRESET, e);
    }
  }

  @Test
  void sendingToClosedPeerEndsInBrokenPipe() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer()) {
      NetSocket cli = tcp("cli");
      cli.connect(loopback(peer.port()));
      Socket conn = peer.nextConnection();
      conn.close();
      // The first send reaches a closed socket, which answers with a reset; a later send
      // then fails. Linux reports that as ECONNRESET or EPIPE depending on timing; both are
      // ConnectionErrors, and sending never succeeds forever.
      SocketError e = null;
      for (int i = 0; i < 1000 && e == null; i++) {
        try {
          cli.send(ByteString.utf8("data"));
        } catch (SocketError err) {
          e = err;
        }
      }
      assertTrue(
          e != null && (e.errno() == Errno.EPIPE || e.errno() == Errno.ECONNRESET),
          String.valueOf(e));
      assertTrue(e.type().isA(PyException.ConnectionError));
    }
  }

  @Test
  void udpSendToClosedPortSurfacesAsConnectionRefusedOnALaterCall() throws SocketError {
    NetSocket holder = session.open("holder", Family.AF_INET, SockType.SOCK_DGRAM);
    holder.bind(loopback(0));
    SockAddress dead = holder.localAddress();
    holder.close();
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    u.connect(dead);
    u.send(ByteString.utf8("x"));
    u.setTimeout(Timeout.seconds(5));
    SocketError e = assertThrows(SocketError.class, () -> u.recv(10));
    assertError(PyException.ConnectionRefusedError, Errno.ECONNREFUSED, e);
  }

  @Test
  void acceptWithTimeoutRaisesTimeoutErrorAndKeepsListening() throws SocketError {
    NetSocket srv = listening(session, "srv");
    srv.setTimeout(Timeout.seconds(0.05));
    SocketError e = assertThrows(SocketError.class, () -> srv.accept(() -> "c"));
    assertEquals(PyException.TimeoutError, e.type());
    assertEquals("timed out", e.reason());
    assertEquals(SocketState.LISTENING, srv.state());
  }

  @Test
  void nonBlockingCallsRaiseBlockingIoError() throws SocketError {
    NetSocket srv = listening(session, "srv");
    srv.setTimeout(Timeout.NON_BLOCKING);
    assertError(
        PyException.BlockingIOError,
        Errno.EAGAIN,
        assertThrows(SocketError.class, () -> srv.accept(() -> "c")));
  }

  @Test
  void addressOfTheOtherFamilyIsAGaiError() {
    SocketError v6 =
        assertThrows(SocketError.class, () -> Resolver.resolve("::1", 80, Family.AF_INET));
    assertError(PyException.gaierror, Errno.EAI_ADDRFAMILY, v6);
    SocketError v4 =
        assertThrows(SocketError.class, () -> Resolver.resolve("127.0.0.1", 80, Family.AF_INET6));
    assertError(PyException.gaierror, Errno.EAI_ADDRFAMILY, v4);
  }

  @Test
  void udpListenIsNotSupported() throws SocketError {
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    assertError(
        PyException.OSError, Errno.EOPNOTSUPP, assertThrows(SocketError.class, () -> u.listen(1)));
    assertError(
        PyException.OSError,
        Errno.EOPNOTSUPP,
        assertThrows(SocketError.class, () -> u.accept(() -> "c")));
  }

  @Test
  void tcpOptionOnUdpSocketIsProtocolNotAvailable() throws SocketError {
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    assertError(
        PyException.OSError,
        Errno.ENOPROTOOPT,
        assertThrows(SocketError.class, () -> u.setOption(SockOpt.TCP_NODELAY, 1)));
  }

  /** A call that may raise a socket error. */
  private interface ThrowingCall {
    void run() throws SocketError;
  }
}
