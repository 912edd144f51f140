package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The background loop's rules: a socket is either the foreground's or the loop's, never touched by
 * both; hand-overs are synchronous; the loop's thread and selector exist only while it owns
 * something.
 */
class EventLoopTest {
  /** A handler that does nothing: the socket just belongs to the loop. */
  private static final EventLoop.Handler IDLE =
      new EventLoop.Handler() {
        @Override
        public void ready(EventLoop.Registration registration) {}

        @Override
        public void detaching(EventLoop.Registration registration) {}
      };

  private static StreamSocket[] pair(Session session) throws SocketError {
    NetSocket srv = session.open("srv", Family.AF_INET, SockType.SOCK_STREAM);
    srv.bind(new SockAddress.Inet(java.net.InetAddress.getLoopbackAddress(), 0));
    srv.listen(1);
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    return new StreamSocket[] {(StreamSocket) cli, session.accept(srv, "conn")};
  }

  @Test
  void aSocketTheLoopOwnsCannotBeCalledFromAnotherThread() throws Exception {
    try (Session session = new Session()) {
      StreamSocket[] pair = pair(session);
      StreamSocket conn = pair[1];
      session.background().attach(conn, IDLE);
      assertTrue(conn.inBackground());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.recv(10));
      assertTrue(e.getMessage().contains("conn is owned by the background"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> conn.send(ByteString.utf8("x")));
      assertThrows(IllegalStateException.class, conn::close);

      assertNotNull(session.background().detach(conn));
      assertFalse(conn.inBackground());
      pair[0].send(ByteString.utf8("hi"));
      assertEquals(ByteString.utf8("hi"), conn.recv(10));
    }
  }

  @Test
  void theLoopTouchesNoSocketItDoesNotOwn() throws Exception {
    try (Session session = new Session()) {
      StreamSocket[] pair = pair(session);
      StreamSocket cli = pair[0];
      EventLoop loop = session.background();
      loop.attach(pair[1], IDLE);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  loop.call(
                      () -> {
                        try {
                          return cli.send(ByteString.utf8("x"));
                        } catch (SocketError error) {
                          throw new AssertionError(error);
                        }
                      }));
      assertTrue(e.getMessage().contains("cli is owned by the foreground"), e.getMessage());
    }
  }

  @Test
  void heldBytesGoBackWithTheSocket() throws Exception {
    try (Session session = new Session()) {
      StreamSocket[] pair = pair(session);
      StreamSocket conn = pair[1];
      pair[0].send(ByteString.utf8("hello"));
      // The handler reads everything and gives it back when the socket is taken from it.
      EventLoop.Handler reader =
          new EventLoop.Handler() {
            private ByteString held = ByteString.EMPTY;

            @Override
            public void ready(EventLoop.Registration r) {
              try {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(64);
                int n = conn.readNow(buffer);
                if (n > 0) {
                  held = held.concat(ByteString.read(buffer.flip()));
                }
              } catch (SocketError e) {
                throw new AssertionError(e);
              }
              r.interest(true, false);
            }

            @Override
            public void detaching(EventLoop.Registration r) {
              conn.unread(held);
            }
          };
      session.background().attach(conn, reader);
      session.background().settle();
      session.background().detach(conn);
      assertEquals(ByteString.utf8("hello"), conn.recv(64));
    }
  }

  @Test
  void theLoopEndsWhenItOwnsNothingAndGivesItsDescriptorsBack() throws Exception {
    try (Session session = new Session()) {
      StreamSocket[] pair = pair(session);
      EventLoop loop = session.background();
      long before = selectors();
      loop.attach(pair[1], IDLE);
      assertTrue(loop.isRunning());
      loop.detach(pair[1]);
      // At once, not eventually: after `stop` of the last work the descriptors are back.
      assertFalse(loop.isRunning(), "the loop ended before detach returned");
      // Other tests' threads may close their own files meanwhile: only selectors are counted,
      // and none may be left over (ThousandClientsIT counts every descriptor of the jar).
      assertTrue(selectors() <= before, "the loop's selector was closed");
    }
  }

  /** This process's epoll instances, the descriptors a Selector holds. */
  private static long selectors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(EventLoopTest::isEpoll).count();
    }
  }

  private static boolean isEpoll(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().contains("eventpoll");
    } catch (IOException e) {
      return false; // closed since it was listed
    }
  }
}
