package dev.sockshell.net;

import static dev.sockshell.net.Sockets.closedPort;
import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.WaitLatch;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** select as Python's select.select shows it on Linux (measured), without consuming anything. */
class ReadinessTest {
  private static final Timeout NOW = Timeout.NON_BLOCKING;
  private static final Timeout PATIENT = Timeout.seconds(10);

  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private Readiness.Ready select(List<NetSocket> read, List<NetSocket> write, Timeout t)
      throws SocketError {
    return session.select(read, write, t);
  }

  private NetSocket tcp(String name) throws SocketError {
    return session.open(name, Family.AF_INET, SockType.SOCK_STREAM);
  }

  @Test
  void aStreamSocketThatIsNotConnectedIsReadableAndWritable() throws SocketError {
    NetSocket fresh = tcp("fresh");
    assertEquals(
        new Readiness.Ready(List.of(fresh), List.of(fresh)),
        select(List.of(fresh), List.of(fresh), NOW));
  }

  @Test
  void aListenerIsReadableOnlyWhenAConnectionWaits() throws SocketError {
    NetSocket srv = listening(session, "srv");
    assertEquals(new Readiness.Ready(List.of(), List.of()), select(List.of(srv), List.of(), NOW));
    tcp("cli").connect(srv.localAddress());
    assertEquals(List.of(srv), select(List.of(srv), List.of(), PATIENT).readable());
    session.accept(srv, "conn"); // still there: select did not take it
  }

  @Test
  void dataAndEofMakeAConnectionReadableAndStayUnread() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = tcp("cli");
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    assertEquals(List.of(conn), select(List.of(), List.of(conn), NOW).writable());
    assertEquals(List.of(), select(List.of(conn), List.of(), NOW).readable());

    cli.sendAll(ByteString.utf8("hello"));
    assertEquals(List.of(conn), select(List.of(conn), List.of(), PATIENT).readable());
    assertEquals(ByteString.utf8("hello"), conn.recv(100));

    cli.shutdown(ShutdownHow.SHUT_WR);
    assertEquals(List.of(conn), select(List.of(conn), List.of(), PATIENT).readable());
    assertEquals(ByteString.EMPTY, conn.recv(100));
  }

  @Test
  void bytesHeldBackForTheNextRecvMakeASocketReadable() throws SocketError {
    NetSocket srv = listening(session, "srv");
    tcp("cli").connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    conn.unread(ByteString.utf8("held"));
    assertEquals(List.of(conn), select(List.of(conn), List.of(), NOW).readable());
  }

  @Test
  void aNonBlockingConnectIsWritableOnceItFinished() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = tcp("cli");
    cli.setTimeout(Timeout.NON_BLOCKING);
    try {
      cli.connect(srv.localAddress());
    } catch (SocketError e) {
      assertEquals(Errno.EINPROGRESS, e.errno());
    }
    Readiness.Ready ready = select(List.of(cli), List.of(cli), PATIENT);
    assertEquals(new Readiness.Ready(List.of(), List.of(cli)), ready);
    assertEquals(SocketState.CONNECTED, cli.state());
  }

  @Test
  void aRefusedNonBlockingConnectIsReadableAndWritableAndReportsItsError() throws SocketError {
    SockAddress dead = closedPort(session, "holder").localAddress();
    NetSocket cli = tcp("cli");
    cli.setTimeout(Timeout.NON_BLOCKING);
    SocketError started = assertThrows(SocketError.class, () -> cli.connect(dead));
    assertEquals(Errno.EINPROGRESS, started.errno());
    assertEquals(
        new Readiness.Ready(List.of(cli), List.of(cli)),
        select(List.of(cli), List.of(cli), PATIENT));
    SocketError refused = assertThrows(SocketError.class, () -> cli.connect(dead));
    assertEquals(Errno.ECONNREFUSED, refused.errno());
  }

  @Test
  void aDatagramMakesAUdpSocketReadable() throws SocketError {
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    u.bind(loopback(0));
    assertEquals(new Readiness.Ready(List.of(), List.of(u)), select(List.of(u), List.of(u), NOW));
    NetSocket v = session.open("v", Family.AF_INET, SockType.SOCK_DGRAM);
    v.sendTo(ByteString.utf8("ping"), u.localAddress());
    assertEquals(List.of(u), select(List.of(u), List.of(), PATIENT).readable());
    assertEquals(ByteString.utf8("ping"), u.recvFrom(10).data());
  }

  @Test
  void aClosedSocketIsAValueErrorAsInPython() throws SocketError {
    NetSocket s = tcp("s");
    s.close();
    SocketError e = assertThrows(SocketError.class, () -> select(List.of(s), List.of(), NOW));
    assertEquals(PyException.ValueError, e.type());
  }

  @Test
  void nothingReadyByTheTimeoutIsThreeEmptyLists() throws SocketError {
    NetSocket srv = listening(session, "srv");
    assertEquals(
        new Readiness.Ready(List.of(), List.of()),
        select(List.of(srv), List.of(), Timeout.seconds(0.05)));
  }

  @Test
  void ctrlCCancelsASelectThatWaitsOnNothingButTime() throws Exception {
    WaitLatch waiting = new WaitLatch();
    session.waiter().setListener(waiting);
    CompletableFuture<SocketError> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                select(List.of(), List.of(), Timeout.BLOCKING);
                return null;
              } catch (SocketError e) {
                return e;
              }
            });
    assertTrue(waiting.await(), "select never started waiting");
    session.waiter().cancel();
    SocketError e = result.get(10, TimeUnit.SECONDS);
    assertEquals(PyException.KeyboardInterrupt, e.type());
  }
}
