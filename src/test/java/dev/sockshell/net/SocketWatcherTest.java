package dev.sockshell.net;

import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static dev.sockshell.net.Sockets.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.SocketEvent.Kind;
import dev.sockshell.net.SocketEvent.Peer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live-events watcher, driven directly with a listener that queues what it is told: each wait
 * is bounded, and the events are checked against what a later call on the socket still returns.
 */
class SocketWatcherTest {
  private final BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
  private final SocketWatcher watcher = new SocketWatcher(events::add);
  private final Session session = new Session();
  private final List<Socket> clients = new ArrayList<>();

  @AfterEach
  void close() throws IOException {
    watcher.close();
    session.close();
    for (Socket c : clients) {
      c.close();
    }
  }

  @Test
  void aConnectionWaitingIsReportedAndAcceptStillTakesIt() throws Exception {
    NetSocket srv = listening(session, "srv");
    watcher.resume(session.sockets(), Set.of());
    Socket client = connect(srv);

    SocketEvent event = next();
    assertEquals("srv", event.socket());
    assertEquals(Kind.CONNECTIONS, event.kind());
    assertTrue(event.count() == 1 || event.count() == -1, event::toString);

    watcher.pause();
    StreamSocket conn = session.accept(srv, "conn");
    assertEquals(client.getLocalPort(), ((SockAddress.Inet) conn.peerAddress()).port());
  }

  @Test
  void eofAfterDataIsReportedAndRecvStillReturnsEveryByte() throws Exception {
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    watcher.resume(session.sockets(), Set.of());
    client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
    client.close();

    // Without Linux's socket tables, a close behind unread data cannot be seen without a read.
    boolean linux = ProcNet.read().isPresent();
    SocketEvent event = linux ? nextUntil(e -> e.peer() != Peer.OPEN) : next();
    assertEquals(new SocketEvent("conn", Kind.DATA, 5, linux ? Peer.EOF : Peer.OPEN), event);

    watcher.pause();
    assertEquals(ByteString.utf8("hello"), conn.recv(1024));
    assertEquals(ByteString.EMPTY, conn.recv(1024));
  }

  @Test
  void eofIsToldOnIpv6Too() throws Exception {
    assumeTrue(linux(), "only Linux's socket tables tell EOF without a read");
    NetSocket srv = session.open("srv", Family.AF_INET6, SockType.SOCK_STREAM);
    srv.bind(Resolver.resolve("::1", 0, Family.AF_INET6));
    srv.listen(5);
    Socket client = new Socket();
    clients.add(client);
    client.connect(new InetSocketAddress(InetAddress.getByName("::1"), port(srv)), 10_000);
    NetSocket conn = session.accept(srv, "conn");
    watcher.resume(session.sockets(), Set.of());
    client.close();

    assertEquals(new SocketEvent("conn", Kind.DATA, 0, Peer.EOF), next());
    watcher.pause();
    assertEquals(ByteString.EMPTY, conn.recv(1024));
  }

  @Test
  void aResetIsToldApartFromEofAndTheBytesBeforeItStayReadable() throws Exception {
    assumeTrue(ProcNet.read().isPresent(), "only Linux's socket tables tell a reset from EOF");
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    watcher.resume(session.sockets(), Set.of());
    client.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
    client.setSoLinger(true, 0);
    client.close();

    SocketEvent event = nextUntil(e -> e.peer() != Peer.OPEN);
    assertEquals(new SocketEvent("conn", Kind.DATA, 3, Peer.RESET), event);

    watcher.pause();
    assertEquals(ByteString.utf8("abc"), conn.recv(1024));
    SocketError reset = assertThrows(SocketError.class, () -> conn.recv(1024));
    assertEquals(Errno.ECONNRESET, reset.errno());
  }

  @Test
  void aResetACallReportedIsNotToldAgainOnceRecvReturnedEof() throws Exception {
    assumeTrue(linux(), "only Linux's socket tables tell a reset from EOF");
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    client.setSoLinger(true, 0);
    client.close();

    // As Linux does: the first call reports the reset, recv then returns b'' for ever; the watcher
    // must not say that recv "raises ConnectionResetError" any more.
    watcher.pause();
    SocketError reset = assertThrows(SocketError.class, () -> conn.send(ByteString.utf8("x")));
    assertEquals(Errno.ECONNRESET, reset.errno());
    assertEquals(ByteString.EMPTY, conn.recv(1024));
    assertNothingToldAboutConnBefore(pair.srv(), "the reset a call reported was told as news");
  }

  @Test
  void aResetRecvAlreadyRaisedIsNotToldByAWatcherThatStartsAfterIt() throws Exception {
    assumeTrue(linux(), "only Linux's socket tables tell a reset from EOF");
    Pair pair = pair();
    pair.client().setSoLinger(true, 0);
    pair.client().close();
    // As after a script run before the console (-i, /open): no watcher saw the reset come.
    SocketError reset = assertThrows(SocketError.class, () -> pair.conn().recv(1024));
    assertEquals(Errno.ECONNRESET, reset.errno());

    assertNothingToldAboutConnBefore(pair.srv(), "the reset recv raised was told as news");
    assertEquals(ByteString.EMPTY, pair.conn().recv(1024));
  }

  @Test
  void aResetAfterThePeersCloseStaysEofSinceRecvStillReturnsEmpty() throws Exception {
    assumeTrue(linux(), "only Linux's socket tables tell a reset from EOF");
    Pair pair = pair();
    watcher.resume(session.sockets(), Set.of());
    pair.client().close();
    assertEquals(
        new SocketEvent("conn", Kind.DATA, 0, Peer.EOF), nextUntil(e -> e.peer() != Peer.OPEN));

    // The peer's socket is gone: it answers this send with a reset, which Linux keeps from recv.
    watcher.pause();
    assertEquals(1, pair.conn().send(ByteString.utf8("x")));
    assertNothingToldAboutConnBefore(
        pair.srv(), "the reset after EOF was told as if recv would raise it");
    assertEquals(ByteString.EMPTY, pair.conn().recv(1024));
  }

  @Test
  void oneChangeIsReportedOnceEvenWhenTheSocketIsLookedAtAgain() throws Exception {
    NetSocket srv = listening(session, "srv");
    NetSocket other = listening(session, "other");
    watcher.resume(session.sockets(), Set.of());
    connect(srv);
    assertEquals("srv", next().socket());

    // A prompt later, nothing changed on srv: the same condition is not news.
    watcher.pause();
    watcher.resume(session.sockets(), Set.of());
    connect(other);
    SocketEvent event = next();
    assertEquals("other", event.socket(), "srv's connection was reported a second time");
    watcher.pause();
    assertEquals(List.of(), List.copyOf(events));
  }

  @Test
  void anEofARecvAlreadyReturnedIsNotToldAgain() throws Exception {
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    client.close();
    assertEquals(ByteString.EMPTY, conn.recv(1024));

    assertNothingToldAboutConnBefore(pair.srv(), "the EOF recv returned was told as news");
  }

  @Test
  void anEofToldWithDataIsNotToldAgainOnceRecvReturnedIt() throws Exception {
    assumeTrue(linux(), "only Linux's socket tables tell EOF without a read");
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    watcher.resume(session.sockets(), Set.of());
    client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
    client.close();
    assertEquals(
        new SocketEvent("conn", Kind.DATA, 2, Peer.EOF), nextUntil(e -> e.peer() != Peer.OPEN));

    // The user reads everything, then b'': the EOF is what recv just said, not news.
    watcher.pause();
    assertEquals(ByteString.utf8("hi"), conn.recv(1024));
    assertEquals(ByteString.EMPTY, conn.recv(1024));
    assertNothingToldAboutConnBefore(pair.srv(), "the EOF recv returned was told as news");
  }

  @Test
  void aSocketWithUnreadDataDoesNotMakeTheWatcherSpin() throws Exception {
    Socket client = pair().client();
    watcher.resume(session.sockets(), Set.of());
    client.getOutputStream().write('x');
    assertEquals(new SocketEvent("conn", Kind.DATA, 1, Peer.OPEN), next());

    // conn stays readable and nobody reads it: watch the watcher for a while.
    long before = watcher.evaluations();
    assertNull(events.poll(300, TimeUnit.MILLISECONDS));
    long checks = watcher.evaluations() - before;
    assertTrue(checks <= 2, "checked conn " + checks + " times in 300 ms");
  }

  @Test
  void moreBytesArrivingAfterTheEventAreReportedAsAChange() throws Exception {
    Pair pair = pair();
    Socket client = pair.client();
    NetSocket conn = pair.conn();
    watcher.resume(session.sockets(), Set.of());
    client.getOutputStream().write('x');
    assertEquals(new SocketEvent("conn", Kind.DATA, 1, Peer.OPEN), next());
    client.getOutputStream().write('y');
    assertEquals(new SocketEvent("conn", Kind.DATA, 2, Peer.OPEN), next());
    watcher.pause();
    assertEquals(ByteString.utf8("xy"), conn.recv(1024));
  }

  @Test
  void aSocketClosedAfterBeingWatchedFreesItsPortAtOnce() throws Exception {
    NetSocket srv = listening(session, "srv");
    int port = port(srv);
    watcher.resume(session.sockets(), Set.of());
    connect(srv);
    assertEquals("srv", next().socket()); // the watcher had srv registered
    watcher.pause();
    srv.close();
    try (ServerSocketChannel again = ServerSocketChannel.open()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
  }

  @Test
  void aDatagramWaitingIsReportedAndRecvfromStillGetsIt() throws Exception {
    NetSocket srv = session.open("srv", Family.AF_INET, SockType.SOCK_DGRAM);
    srv.bind(loopback(0));
    watcher.resume(session.sockets(), Set.of());
    try (java.net.DatagramSocket client = new java.net.DatagramSocket()) {
      byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      client.send(
          new DatagramPacket(
              ping,
              ping.length,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), port(srv))));
    }
    SocketEvent event = next();
    Kind expected = ProcNet.read().isPresent() ? Kind.DATAGRAM : Kind.DATAGRAM_OR_ERROR;
    assertEquals(new SocketEvent("srv", expected, -1, Peer.OPEN), event);
    watcher.pause();
    assertEquals(ByteString.utf8("ping"), srv.recvFrom(1024).data());
  }

  @Test
  void aNonBlockingConnectIsReportedWhenItFinishes() throws Exception {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.setTimeout(Timeout.NON_BLOCKING);
    assumeTrue(inProgress(cli, srv.localAddress()), "the connect finished at once");
    watcher.resume(session.sockets(), Set.of());
    SocketEvent event = nextUntil(e -> e.socket().equals("cli"));
    assertEquals(linux() ? Kind.CONNECTED : Kind.CONNECT_ENDED, event.kind());
  }

  @Test
  void aNonBlockingConnectThatFailsIsReportedAndTheNextCallRaisesItsError() throws Exception {
    NetSocket closed = Sockets.closedPort(session, "closed");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.setTimeout(Timeout.NON_BLOCKING);
    assumeTrue(inProgress(cli, closed.localAddress()), "the connect failed at once");
    watcher.resume(session.sockets(), Set.of());
    SocketEvent event = nextUntil(e -> e.socket().equals("cli"));
    assertEquals(linux() ? Kind.CONNECT_FAILED : Kind.CONNECT_ENDED, event.kind());
    watcher.pause();
    SocketError refused = assertThrows(SocketError.class, () -> cli.send(ByteString.utf8("x")));
    assertEquals(Errno.ECONNREFUSED, refused.errno());
  }

  /** Starts a non-blocking connect; false if it ended at once, as it may on loopback. */
  private static boolean inProgress(NetSocket socket, SockAddress to) {
    try {
      socket.connect(to);
      return false;
    } catch (SocketError e) {
      return e.errno() == Errno.EINPROGRESS;
    }
  }

  private static boolean linux() {
    return ProcNet.read().isPresent();
  }

  /** A client of this test and the connection srv accepted from it, called conn. */
  private record Pair(NetSocket srv, Socket client, NetSocket conn) {}

  private Pair pair() throws Exception {
    NetSocket srv = listening(session, "srv");
    Socket client = connect(srv);
    return new Pair(srv, client, session.accept(srv, "conn"));
  }

  private Socket connect(NetSocket server) throws IOException, SocketError {
    Socket client = new Socket();
    clients.add(client);
    client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port(server)), 10_000);
    return client;
  }

  private SocketEvent next() throws InterruptedException {
    SocketEvent event = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(event, "no event within 10 s");
    return event;
  }

  /**
   * The first event that passes {@code test}: one change may show in two steps (data, then EOF).
   */
  private SocketEvent nextUntil(java.util.function.Predicate<SocketEvent> test)
      throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      SocketEvent event = next();
      if (test.test(event)) {
        return event;
      }
    }
    throw new AssertionError("no such event among the first five");
  }

  /**
   * Watches again, conn having just been used by a call, and connects to srv: srv's connection must
   * be the first event, and nothing about conn may follow.
   */
  private void assertNothingToldAboutConnBefore(NetSocket srv, String message) throws Exception {
    watcher.resume(session.sockets(), Set.of("conn"));
    connect(srv);
    assertEquals("srv", next().socket(), message);
    watcher.pause();
    assertEquals(List.of(), List.copyOf(events));
  }
}
