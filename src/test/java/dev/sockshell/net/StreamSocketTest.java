package dev.sockshell.net;

import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The BSD life of a stream socket on top of JDK channels, including the listen-time swap. */
class StreamSocketTest {
  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  @Test
  void getsocknameRightAfterBindToPortZeroShowsTheChosenPort() throws SocketError {
    NetSocket s = session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    assertEquals("0.0.0.0:0", s.localAddress().toString()); // unbound, as Python shows it
    s.bind(loopback(0));
    SockAddress.Inet bound = (SockAddress.Inet) s.localAddress();
    assertNotEquals(0, bound.port());
    s.listen(5);
    assertEquals(bound, s.localAddress(), "listen keeps the address bind chose");
  }

  @Test
  void listenKeepsTheUsersReuseAddrValueNotTheJdkDefault() throws SocketError {
    NetSocket plain = listening(session, "plain");
    assertEquals(new OptionValue.Int(0), plain.getOption(SockOpt.SO_REUSEADDR).value());
    NetSocket reuse = session.open("reuse", Family.AF_INET, SockType.SOCK_STREAM);
    reuse.setOption(SockOpt.SO_REUSEADDR, 1);
    reuse.bind(loopback(0));
    reuse.listen(5);
    assertEquals(new OptionValue.Int(1), reuse.getOption(SockOpt.SO_REUSEADDR).value());
  }

  @Test
  void listenWithoutBindPicksAnEphemeralPortOnAllInterfaces() throws SocketError {
    NetSocket s = session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    s.listen(1);
    SockAddress.Inet local = (SockAddress.Inet) s.localAddress();
    assertEquals("0.0.0.0", local.host());
    assertNotEquals(0, local.port());
  }

  @Test
  void bytesSentArriveAndEofIsEmptyBytes() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    assertEquals(5, cli.send(ByteString.utf8("hello")));
    assertEquals(ByteString.utf8("hello"), conn.recv(1024));
    cli.shutdown(ShutdownHow.SHUT_WR);
    assertEquals(ByteString.EMPTY, conn.recv(1024));
    assertTrue(conn.eofSeen());
    assertEquals(5, cli.bytesSent());
    assertEquals(5, conn.bytesReceived());
  }

  @Test
  void bytesWaitingCountsWithoutConsuming() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    cli.sendAll(ByteString.utf8("0123456789"));
    conn.setTimeout(Timeout.seconds(5));
    ByteString first = conn.recv(4);
    assertEquals(ByteString.utf8("0123"), first);
    // The rest is still in the kernel: counted by FIONREAD, then returned by recv.
    assertEquals(6, conn.bytesWaiting());
    assertEquals(ByteString.utf8("456789"), conn.recv(100));
  }

  @Test
  void unreadBytesComeBackFirst() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    cli.sendAll(ByteString.utf8("tail"));
    conn.unread(ByteString.utf8("head"));
    assertEquals(ByteString.utf8("he"), conn.recv(2));
    // The rest of the buffer, then what the kernel holds, in one recv: as if never read.
    assertEquals(ByteString.utf8("adtail"), conn.recv(100));
    assertEquals(0, conn.bytesWaiting());
  }

  @Test
  void linuxReportsDoubledReceiveBuffer() throws SocketError {
    NetSocket s = session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    s.setOption(SockOpt.SO_RCVBUF, 8192);
    assertEquals(new OptionValue.Int(16384), s.getOption(SockOpt.SO_RCVBUF).value());
  }

  @Test
  void closedSocketReleasesItsPortAtOnce() throws SocketError {
    NetSocket first = listening(session, "first");
    SockAddress address = first.localAddress();
    first.close();
    NetSocket second = session.open("second", Family.AF_INET, SockType.SOCK_STREAM);
    second.bind(address); // no connection ever existed, so no TIME_WAIT holds the port
    assertEquals(address, second.localAddress());
  }

  @Test
  void shutRdKeepsTheBytesThatHadArrivedNotAllThePeerGoesOnSending() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.setOption(SockOpt.SO_SNDBUF, 4 << 20);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    // Fill conn's receive queue and, behind it, cli's large send queue: each read on conn lets
    // more of it in (on loopback at once), as a peer that goes on sending would.
    cli.setTimeout(Timeout.NON_BLOCKING);
    ByteString chunk = ByteString.wrap(new byte[64 << 10]);
    long queued = 0;
    try {
      while (true) {
        queued += cli.send(chunk);
      }
    } catch (SocketError e) {
      assertEquals(Errno.EAGAIN, e.errno());
    }
    int arrived = conn.bytesWaiting();
    assertTrue(queued > 2L * arrived, "the sender holds more than arrived: " + queued);

    conn.shutdown(ShutdownHow.SHUT_RD);
    // Reading until the kernel had nothing left would have taken in cli's whole queue (memory
    // growing as long as a peer sends); SHUT_RD keeps what had arrived. On a loaded machine a
    // little more may arrive between counting and shutting down (the kernel delivers the queue
    // in softirq context), so the bound is "what had arrived by then", never the whole queue.
    int kept = conn.buffered();
    assertTrue(kept >= arrived && kept < 2L * arrived, "kept " + kept + " of " + queued + " sent");
    assertEquals(kept, conn.recv(Integer.MAX_VALUE).size());
  }
}
