package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The end of a connected stream as Linux sees it and the JDK does not tell: whether the connection
 * is closed (the kernel's TCP table), a reset no call reported yet (SO_ERROR), and {@code
 * shutdown}, which fails with ENOTCONN on a closed connection and keeps the bytes that arrived
 * before SHUT_RD for recv.
 */
final class StreamShutdown {
  /** See {@link #arrivedBound}. */
  private static final long UNIX_QUEUE_BOUND = 16L << 20;

  private StreamShutdown() {}

  /**
   * True when Linux's end of the connection is closed: a reset a recv reported, or on TCP the
   * kernel's table says so (such a socket has no row, or only the TIME_WAIT row that took its
   * place). False for an AF_UNIX stream otherwise, and where there are no tables.
   */
  static boolean closed(StreamSocket socket, SocketChannel channel) {
    if (socket.data().resetReported()) {
      return true;
    }
    if (socket.family() == Family.AF_UNIX) {
      return false;
    }
    try {
      if (channel.getLocalAddress() instanceof InetSocketAddress local
          && channel.getRemoteAddress() instanceof InetSocketAddress remote) {
        return ProcNet.read()
            .map(t -> t.tcp(socket.family(), local, remote))
            .map(row -> row.isEmpty() || row.get().state() == ProcNet.TIME_WAIT)
            .orElse(false);
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /**
   * SO_ERROR (and a connect that finds the connection closed): true when the connection was closed
   * by a reset no call reported yet. The JDK lets the kernel's pending error out only through a
   * read, which clears it as SO_ERROR would; bytes that arrived before it are kept for recv.
   */
  static boolean takeUnreportedReset(StreamSocket socket, SocketChannel channel) {
    if (socket.data().resetReported() || !closed(socket, channel)) {
      return false;
    }
    // The connection is closed: nothing more can arrive, so reading until the error ends.
    SocketError error = keepArrived(socket, channel, Long.MAX_VALUE);
    if (error != null && error.errno() == Errno.ECONNRESET) {
      socket.data().markResetReported();
      return true;
    }
    return false;
  }

  /**
   * Linux's shutdown on a TCP socket whose connection is closed (a reset, both FINs done, or
   * TIME_WAIT after its own FIN) takes the flags but fails with ENOTCONN. The JDK never says so: it
   * skips a direction already shut and ignores ENOTCONN, so the kernel's table is asked first.
   */
  static void shutdown(StreamSocket socket, SocketChannel channel, ShutdownHow how)
      throws SocketError {
    boolean closed = closed(socket, channel);
    if (how != ShutdownHow.SHUT_RD && !closed) {
      socket.data().sendCloseNotify(channel);
    }
    apply(socket, channel, how);
    if (closed) {
      throw SocketError.of(Errno.ENOTCONN);
    }
  }

  private static void apply(StreamSocket socket, SocketChannel channel, ShutdownHow how)
      throws SocketError {
    try {
      if (how != ShutdownHow.SHUT_WR) {
        keepArrived(socket, channel, arrivedBound(socket, channel));
        channel.shutdownInput();
        socket.data().markInputShut();
      }
      if (how != ShutdownHow.SHUT_RD) {
        channel.shutdownOutput();
        socket.data().markOutputShut();
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /**
   * The most bytes SHUT_RD keeps: those that have arrived (FIONREAD) and no more, for a peer that
   * goes on sending would otherwise keep the read going, and the memory growing, as long as it
   * sends. The JDK has no FIONREAD for AF_UNIX: there the bound is more than Linux queues on one
   * (the sender's SO_SNDBUF, at most twice net.core.wmem_max: 8 MiB by default).
   */
  private static long arrivedBound(StreamSocket socket, SocketChannel channel) {
    return socket.family() == Family.AF_UNIX ? UNIX_QUEUE_BOUND : StreamData.kernelBytes(channel);
  }

  /**
   * Reads what has arrived, up to {@code bound} bytes, into the bytes held for the next recv, and
   * returns the error the read met, if any. Before SHUT_RD: Linux still returns the bytes that had
   * arrived, but the JDK answers every read after it with EOF. (Bytes arriving later Linux's TCP
   * would still deliver; the JDK cannot.) A reset met there the JDK reports again at the next read.
   */
  private static SocketError keepArrived(StreamSocket socket, SocketChannel channel, long bound) {
    StreamData stream = socket.data();
    if (stream.inputShut()) {
      return null;
    }
    ByteArrayOutputStream arrived = new ByteArrayOutputStream();
    SocketError error = null;
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024); // rare: not the shared scratch buffer
      // The first read always happens, so an error waiting there is met, as before any bound.
      do {
        int room = (int) Math.min(buffer.capacity(), Math.max(1, bound - arrived.size()));
        // With TLS the bound counts ciphertext, not what a read returns: no room per read.
        int n =
            stream.readUnremembered(
                channel, stream.tls() != null ? buffer.clear() : buffer.clear().limit(room));
        if (n <= 0) {
          break;
        }
        arrived.write(buffer.array(), 0, n);
      } while (arrived.size() < bound);
    } catch (IOException e) {
      error = JdkErrors.map(e);
    } catch (SocketError e) {
      error = e;
    }
    socket.bytesReceived += arrived.size();
    stream.held().add(ByteString.wrap(arrived.toByteArray()));
    return error;
  }
}
