package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The byte stream of a connected {@link StreamSocket}: send, sendall and recv with the socket's
 * timeout, the bytes sockshell holds for the next recv (given back by a framing read), EOF, and
 * which directions were shut down. The socket hands in its connected channel.
 */
final class StreamData {
  private final StreamSocket socket;
  private ByteString pending = ByteString.EMPTY;
  private boolean inputShut;
  private boolean outputShut;
  private boolean eofSeen;

  StreamData(StreamSocket socket) {
    this.socket = socket;
  }

  boolean eofSeen() {
    return eofSeen;
  }

  void markEof() {
    eofSeen = true;
  }

  boolean inputShut() {
    return inputShut;
  }

  boolean outputShut() {
    return outputShut;
  }

  int buffered() {
    return pending.size();
  }

  void unread(ByteString bytes) {
    pending = bytes.concat(pending);
  }

  /** Up to {@code max} of the bytes held for the next recv. */
  ByteString takePending(int max) {
    int n = Math.min(max, pending.size());
    ByteString head = pending.substring(0, n);
    pending = pending.substring(n, pending.size());
    return head;
  }

  /**
   * Bytes a recv would return at once: those held, plus FIONREAD (nothing is consumed), which the
   * JDK offers for TCP only.
   */
  int bytesWaiting(SocketChannel channel, Family family) {
    if (channel == null || inputShut) {
      return pending.size();
    }
    if (family == Family.AF_UNIX) {
      return pending.isEmpty() ? NetSocket.UNKNOWN : pending.size();
    }
    try {
      return pending.size() + channel.socket().getInputStream().available();
    } catch (IOException e) {
      return pending.size();
    }
  }

  void checkCanSend() throws SocketError {
    if (outputShut) {
      throw SocketError.of(Errno.EPIPE).withHint(socket.name() + " was shut down for writing");
    }
  }

  int send(SocketChannel channel, ByteString data) throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    if (!buffer.hasRemaining()) {
      return 0;
    }
    long deadline = socket.timeout.deadlineFromNow();
    while (true) {
      int n = write(channel, buffer);
      if (n > 0) {
        return n;
      }
      socket.checkMayWait();
      socket.context.waiter.await(
          channel, SelectionKey.OP_WRITE, deadline, "send on " + socket.name());
    }
  }

  void sendAll(SocketChannel channel, ByteString data) throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    long deadline = socket.timeout.deadlineFromNow();
    try {
      while (buffer.hasRemaining()) {
        if (write(channel, buffer) == 0) {
          socket.checkMayWait();
          socket.context.waiter.await(
              channel, SelectionKey.OP_WRITE, deadline, "sendall on " + socket.name());
        }
      }
    } catch (SocketError e) {
      throw e.withHint(buffer.position() + " of " + data.size() + " bytes were sent before this");
    }
  }

  private int write(SocketChannel channel, ByteBuffer buffer) throws SocketError {
    try {
      int n = channel.write(buffer);
      socket.bytesSent += n;
      return n;
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  ByteString recv(SocketChannel channel, int bufsize) throws SocketError {
    if (!pending.isEmpty()) {
      ByteString head = takePending(bufsize);
      // As if the bytes had never left the kernel: the recv also gets what has arrived since.
      int room = bufsize - head.size();
      return room > 0 && !inputShut ? head.concat(readArrived(channel, room)) : head;
    }
    if (bufsize == 0 || inputShut) {
      return ByteString.EMPTY;
    }
    long deadline = socket.timeout.deadlineFromNow();
    while (true) {
      ByteBuffer buffer = socket.context.scratch.get(bufsize);
      int n;
      try {
        n = channel.read(buffer);
      } catch (IOException e) {
        throw JdkErrors.map(e);
      }
      if (n > 0) {
        socket.bytesReceived += n;
        return ByteString.read(buffer.flip());
      }
      if (n < 0) {
        eofSeen = true;
        return ByteString.EMPTY;
      }
      socket.checkMayWait();
      socket.context.waiter.await(
          channel, SelectionKey.OP_READ, deadline, "recv on " + socket.name());
    }
  }

  /**
   * Up to {@code max} of the bytes the kernel already holds (FIONREAD), without waiting. With bytes
   * queued, Linux returns them before any pending error, so this read cannot lose an error. The JDK
   * has no FIONREAD for AF_UNIX: nothing is read then.
   */
  private ByteString readArrived(SocketChannel channel, int max) throws SocketError {
    int arrived = bytesWaiting(channel, socket.family()) - pending.size();
    if (arrived <= 0) {
      return ByteString.EMPTY;
    }
    ByteBuffer buffer = socket.context.scratch.get(Math.min(max, arrived));
    try {
      int n = channel.read(buffer);
      if (n <= 0) {
        return ByteString.EMPTY;
      }
      socket.bytesReceived += n;
      return ByteString.read(buffer.flip());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  void shutdown(SocketChannel channel, ShutdownHow how) throws SocketError {
    try {
      if (how != ShutdownHow.SHUT_WR) {
        channel.shutdownInput();
        inputShut = true;
      }
      if (how != ShutdownHow.SHUT_RD) {
        channel.shutdownOutput();
        outputShut = true;
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** For select: held bytes and a shut-down input make the socket readable at once. */
  int readyNow() {
    return !pending.isEmpty() || inputShut ? Readiness.READ : 0;
  }

  void clear() {
    pending = ByteString.EMPTY;
  }
}
