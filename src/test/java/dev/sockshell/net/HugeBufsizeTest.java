package dev.sockshell.net;

import static dev.sockshell.net.Sockets.listening;
import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A huge BUFSIZE costs what arrives, not what is asked for: {@code recv conn 2147483639} with two
 * bytes waiting froze the console while it allocated 2 GB (Python returns at once). Measured as
 * bytes allocated by this thread and direct memory in use, which do not depend on timing.
 */
class HugeBufsizeTest {
  /** Far more than the few bytes and one 64 KiB chunk a recv of what arrived needs. */
  private static final long BOUND = 8L << 20;

  private static final int HUGE = Integer.MAX_VALUE - 8;

  private final Session session = new Session();

  @AfterEach
  void closeSession() {
    session.close();
  }

  @Test
  void recvOfAHugeBufsizeAllocatesWhatArrived() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    conn.setTimeout(Timeout.seconds(5));
    cli.sendAll(ByteString.utf8("hi"));

    Cost cost = Cost.start();
    assertEquals(ByteString.utf8("hi"), conn.recv(HUGE));
    cost.assertBelow(BOUND);
  }

  @Test
  void recvfromOfAHugeBufsizeAllocatesWhatArrived() throws SocketError {
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    u.bind(loopback(0));
    u.setTimeout(Timeout.seconds(5));
    NetSocket peer = session.open("peer", Family.AF_INET, SockType.SOCK_DGRAM);
    peer.sendTo(ByteString.utf8("hi"), u.localAddress());

    Cost cost = Cost.start();
    assertEquals(ByteString.utf8("hi"), u.recvFrom(2_000_000_000).data());
    cost.assertBelow(BOUND);
  }

  @Test
  void theLargestDatagramArrivesWholeAndASmallerBufsizeStillTruncates() throws SocketError {
    NetSocket u = session.open("u", Family.AF_INET, SockType.SOCK_DGRAM);
    u.bind(loopback(0));
    u.setTimeout(Timeout.seconds(5));
    u.setOption(SockOpt.SO_RCVBUF, 1 << 20);
    NetSocket peer = session.open("peer", Family.AF_INET, SockType.SOCK_DGRAM);
    ByteString largest = ByteString.wrap(new byte[65_507]); // IPv4's largest UDP payload
    peer.sendTo(largest, u.localAddress());
    peer.sendTo(largest, u.localAddress());
    assertEquals(largest, u.recvFrom(HUGE).data());
    assertEquals(100, u.recvFrom(100).data().size(), "the rest of the datagram is discarded");
  }

  @Test
  void aHugeBufsizeStillReturnsAllThatHadArrivedInOneRecv() throws SocketError {
    NetSocket srv = listening(session, "srv");
    NetSocket cli = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    cli.connect(srv.localAddress());
    StreamSocket conn = session.accept(srv, "conn");
    conn.setTimeout(Timeout.seconds(5));
    int sent = 100_000; // more than one 64 KiB read, less than a receive queue holds
    cli.sendAll(ByteString.wrap(new byte[sent]));
    cli.shutdown(ShutdownHow.SHUT_WR);
    // On loopback the bytes are queued at once; the wait is bounded all the same.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (conn.bytesWaiting() < sent && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(sent, conn.recv(HUGE).size());
    assertEquals(ByteString.EMPTY, conn.recv(HUGE));
  }

  /** Bytes this thread allocates on the heap, and direct memory in use, from a starting point. */
  private record Cost(long heap, long direct) {
    static Cost start() {
      return new Cost(heapAllocated(), directInUse());
    }

    void assertBelow(long bound) {
      long heapUsed = heapAllocated() - heap;
      long directUsed = directInUse() - direct;
      assertTrue(heapUsed < bound, "heap allocated: " + heapUsed);
      assertTrue(directUsed < bound, "direct memory taken: " + directUsed);
    }

    private static long heapAllocated() {
      return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
          .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long directInUse() {
      return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
          .filter(pool -> pool.getName().equals("direct"))
          .mapToLong(BufferPoolMXBean::getMemoryUsed)
          .sum();
    }
  }
}
