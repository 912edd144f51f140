package dev.sockshell.net;

import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * setsockopt/getsockopt: values read back from the OS, Linux's refusals (as measured with Python
 * 3.11 on Linux), the JVM's limits named, and options set early taking effect on the real socket.
 */
class SocketOptionsTest {
  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket open(Family family, SockType type) throws SocketError {
    return session.open(session.freshName("s"), family, type);
  }

  private static OptionValue.Int value(int n) {
    return new OptionValue.Int(n);
  }

  @Test
  void reusePortBeforeBindLetsTwoSocketsShareAPortAndListen() throws SocketError {
    NetSocket first = open(Family.AF_INET, SockType.SOCK_STREAM);
    first.setOption(SockOpt.SO_REUSEPORT, 1);
    first.bind(loopback(0));
    NetSocket second = open(Family.AF_INET, SockType.SOCK_STREAM);
    second.setOption(SockOpt.SO_REUSEPORT, 1);
    second.bind(first.localAddress());
    first.listen(5);
    second.listen(5); // the listen-time swap carries SO_REUSEPORT to the server channel
    assertEquals(value(1), second.getOption(SockOpt.SO_REUSEPORT).value());

    NetSocket third = open(Family.AF_INET, SockType.SOCK_STREAM);
    SocketError e = assertThrows(SocketError.class, () -> third.bind(first.localAddress()));
    assertEquals(Errno.EADDRINUSE, e.errno());
  }

  @Test
  void optionsSetBeforeListenReachTheListenerAndItsConnections() throws SocketError {
    NetSocket srv = open(Family.AF_INET, SockType.SOCK_STREAM);
    srv.setOption(SockOpt.SO_RCVBUF, 65536);
    srv.setOption(SockOpt.TCP_NODELAY, 1);
    srv.setOption(SockOpt.SO_KEEPALIVE, 1);
    srv.setOption(SockOpt.SO_LINGER, new OptionValue.Linger(true, 3));
    srv.bind(loopback(0));
    srv.listen(5);
    assertEquals(value(131072), srv.getOption(SockOpt.SO_RCVBUF).value());

    NetSocket cli = open(Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    assertEquals(value(1), conn.getOption(SockOpt.TCP_NODELAY).value());
    assertEquals(value(1), conn.getOption(SockOpt.SO_KEEPALIVE).value());
    assertEquals(new OptionValue.Linger(true, 3), conn.getOption(SockOpt.SO_LINGER).value());
    assertEquals(value(131072), conn.getOption(SockOpt.SO_RCVBUF).value()); // the kernel's copy
    assertEquals(value(0), cli.getOption(SockOpt.TCP_NODELAY).value());
  }

  @Test
  void aListenerCannotReadWhatOnlyItsConnectionsHold() throws SocketError {
    NetSocket srv = listening(session, "srv");
    OptionValue.Reading set = srv.setOption(SockOpt.TCP_NODELAY, 1);
    assertEquals(value(1), set.value());
    assertNotNull(set.notFromOs());
    SocketError e = assertThrows(SocketError.class, () -> srv.getOption(SockOpt.TCP_NODELAY));
    assertTrue(e.reason().startsWith("the JVM cannot read TCP_NODELAY"), e.reason());
  }

  @Test
  void lingerIsAPairAndOffLeavesZeroSeconds() throws SocketError {
    NetSocket s = open(Family.AF_INET, SockType.SOCK_STREAM);
    assertEquals(new OptionValue.Linger(false, 0), s.getOption(SockOpt.SO_LINGER).value());
    OptionValue.Reading on = s.setOption(SockOpt.SO_LINGER, new OptionValue.Linger(true, 0));
    assertEquals(new OptionValue.Linger(true, 0), on.value());
    assertNull(on.notFromOs());
    // The JDK turns lingering off with l_linger 0: that is what the OS then has.
    OptionValue.Reading off = s.setOption(SockOpt.SO_LINGER, new OptionValue.Linger(false, 5));
    assertEquals(new OptionValue.Linger(false, 0), off.value());
  }

  @Test
  void buffersReportLinuxsDoubledValueAndANegativeSizeIsTheMaximum() throws SocketError {
    NetSocket s = open(Family.AF_INET, SockType.SOCK_DGRAM);
    assertEquals(value(8192), s.setOption(SockOpt.SO_SNDBUF, 4096).value());
    int max = ((OptionValue.Int) s.setOption(SockOpt.SO_RCVBUF, -1).value()).value();
    int huge =
        ((OptionValue.Int) s.setOption(SockOpt.SO_RCVBUF, Integer.MAX_VALUE).value()).value();
    assertEquals(huge, max);
  }

  @Test
  void linuxRefusalsForTheWrongFamilyOrType() throws SocketError {
    NetSocket udp4 = open(Family.AF_INET, SockType.SOCK_DGRAM);
    NetSocket udp6 = open(Family.AF_INET6, SockType.SOCK_DGRAM);
    NetSocket tcp4 = open(Family.AF_INET, SockType.SOCK_STREAM);
    NetSocket unix = open(Family.AF_UNIX, SockType.SOCK_STREAM);
    assertErrno(Errno.ENOPROTOOPT, () -> udp4.setOption(SockOpt.TCP_NODELAY, 1));
    assertErrno(Errno.EOPNOTSUPP, () -> udp4.getOption(SockOpt.TCP_NODELAY));
    assertErrno(Errno.ENOPROTOOPT, () -> udp6.getOption(SockOpt.TCP_NODELAY));
    assertErrno(Errno.ENOPROTOOPT, () -> tcp4.setOption(SockOpt.IPV6_V6ONLY, 1));
    assertErrno(Errno.EOPNOTSUPP, () -> tcp4.getOption(SockOpt.IPV6_V6ONLY));
    assertErrno(Errno.EINVAL, () -> tcp4.setOption(SockOpt.IP_MULTICAST_TTL, 2));
    assertErrno(Errno.EOPNOTSUPP, () -> unix.getOption(SockOpt.TCP_NODELAY));
    assertErrno(Errno.EOPNOTSUPP, () -> unix.setOption(SockOpt.SO_REUSEPORT, 1));
    assertErrno(Errno.EINVAL, () -> udp4.setOption(SockOpt.IP_MULTICAST_TTL, 256));
  }

  @Test
  void multicastOptionsOnUdp() throws SocketError {
    NetSocket udp = open(Family.AF_INET, SockType.SOCK_DGRAM);
    assertEquals(value(1), udp.getOption(SockOpt.IP_MULTICAST_TTL).value());
    assertEquals(value(1), udp.setOption(SockOpt.IP_MULTICAST_TTL, -1).value());
    assertEquals(value(255), udp.setOption(SockOpt.IP_MULTICAST_TTL, 255).value());
    assertEquals(value(0), udp.setOption(SockOpt.IP_MULTICAST_LOOP, 0).value());
    assertEquals(value(1), udp.setOption(SockOpt.IP_MULTICAST_LOOP, 7).value());
    assertEquals(value(1), udp.setOption(SockOpt.SO_BROADCAST, 1).value());
  }

  @Test
  void optionsLinuxHasButTheJdkChannelLacksNameTheJvmLimitation() throws SocketError {
    NetSocket udp = open(Family.AF_INET, SockType.SOCK_DGRAM);
    NetSocket tcp = open(Family.AF_INET, SockType.SOCK_STREAM);
    NetSocket unix = open(Family.AF_UNIX, SockType.SOCK_STREAM);
    for (ThrowingCall call :
        new ThrowingCall[] {
          () -> udp.setOption(SockOpt.SO_KEEPALIVE, 1),
          () -> udp.getOption(SockOpt.SO_LINGER),
          () -> tcp.setOption(SockOpt.SO_BROADCAST, 1),
          () -> tcp.getOption(SockOpt.IP_MULTICAST_LOOP),
          () -> unix.setOption(SockOpt.SO_REUSEADDR, 1),
        }) {
      SocketError e = assertThrows(SocketError.class, call::run);
      assertEquals(PyException.OSError, e.type());
      assertNull(e.errno());
      assertTrue(e.reason().startsWith("the JVM cannot "), e.reason());
    }
  }

  private static void assertErrno(Errno errno, ThrowingCall call) {
    SocketError e = assertThrows(SocketError.class, call::run);
    assertEquals(errno, e.errno(), e.toString());
  }

  /** A call that may raise a socket error. */
  private interface ThrowingCall {
    void run() throws SocketError;
  }
}
