package dev.sockshell.net;

import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.LoopbackPeer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How much one {@code send} takes, as measured with Python on Linux: on a blocking socket the
 * kernel waits until every byte is taken; with a timeout CPython waits for the socket to become
 * writable first and then sends once.
 */
class SendSemanticsTest {
  /** Far more than loopback's socket buffers hold, so some of it must wait for the reader. */
  private static final int BIG = 16 << 20;

  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket connectedTo(LoopbackPeer peer) throws SocketError {
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(loopback(peer.port()));
    return cli;
  }

  @Test
  void blockingSendWaitsUntilTheKernelTookEveryByte() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer()) {
      NetSocket cli = connectedTo(peer);
      Socket conn = peer.nextConnection();
      CompletableFuture<Long> drained = CompletableFuture.supplyAsync(() -> drain(conn, BIG));
      assertEquals(BIG, cli.send(ByteString.wrap(new byte[BIG])));
      assertEquals(BIG, drained.get(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void sendWithATimeoutWaitsForRoomFirstThenSendsOnce() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer()) {
      NetSocket cli = connectedTo(peer);
      // Never reads; held until the end, or a GC's cleaner may close it (then EPIPE, not timeout).
      Socket conn = peer.nextConnection();
      cli.setTimeout(Timeout.seconds(0.3));
      SocketError full =
          assertThrows(SocketError.class, () -> cli.sendAll(ByteString.wrap(new byte[BIG])));
      assertEquals(PyException.TimeoutError, full.type());
      // Linux would still queue a few bytes, but CPython waits for POLLOUT, which does not come.
      SocketError again = assertThrows(SocketError.class, () -> cli.send(ByteString.utf8("more")));
      assertEquals(PyException.TimeoutError, again.type());
      conn.close();
    }
  }

  private static long drain(Socket conn, long n) {
    try (InputStream in = conn.getInputStream()) {
      byte[] buf = new byte[1 << 16];
      long got = 0;
      while (got < n) {
        int r = in.read(buf);
        if (r < 0) {
          break;
        }
        got += r;
      }
      return got;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
