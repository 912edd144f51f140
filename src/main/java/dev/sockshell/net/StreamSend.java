package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Python's {@code send} and {@code sendall} on a connected stream: how long each waits for room in
 * the kernel's buffer under the socket's timeout, and what it returns or raises when it stops part
 * way. The bytes go out through {@link StreamData#write}, so TLS encrypts them.
 */
final class StreamSend {
  private StreamSend() {}

  /**
   * Python's {@code send}, as Linux and CPython do it: a blocking socket waits until the kernel has
   * taken every byte (it returns fewer only if an error ends the wait after some went out); with a
   * timeout CPython first waits for the socket to be writable, then sends once, which may take
   * fewer; a non-blocking socket sends once or fails with EAGAIN.
   */
  static int send(StreamSocket socket, SocketChannel channel, ByteString data) throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    if (!buffer.hasRemaining()) {
      return 0;
    }
    String what = "send on " + socket.name();
    if (socket.timeout.isBlocking()) {
      try {
        writeAll(socket, channel, buffer, what, socket.timeout.deadlineFromNow());
      } catch (SocketError e) {
        if (buffer.position() == 0) {
          throw e;
        }
        if (e.type() == PyException.KeyboardInterrupt) {
          throw e.withHint(sentBefore(buffer.position(), data.size()));
        }
        // Linux returns the count sent; the error comes with the next call.
      }
      return buffer.position();
    }
    StreamData stream = socket.data();
    long deadline = socket.timeout.deadlineFromNow();
    while (true) {
      if (!socket.timeout.isNonBlocking()) {
        socket.context.waiter.await(channel, stream.waitFor(SelectionKey.OP_WRITE), deadline, what);
      }
      int n = stream.write(channel, buffer);
      if (n > 0) {
        if (!socket.timeout.isNonBlocking()) {
          stream.drain(channel, deadline, what);
        }
        return n;
      }
      socket.checkMayWait();
    }
  }

  /** Python's {@code sendall}: the socket's timeout bounds the whole call. */
  static void sendAll(StreamSocket socket, SocketChannel channel, ByteString data)
      throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    try {
      writeAll(
          socket, channel, buffer, "sendall on " + socket.name(), socket.timeout.deadlineFromNow());
    } catch (SocketError e) {
      throw e.withHint(sentBefore(buffer.position(), data.size()));
    }
  }

  /**
   * Writes until the buffer is empty, waiting up to {@code deadline} whenever the kernel's is full.
   */
  static void writeAll(
      StreamSocket socket, SocketChannel channel, ByteBuffer buffer, String what, long deadline)
      throws SocketError {
    StreamData stream = socket.data();
    while (buffer.hasRemaining()) {
      if (stream.write(channel, buffer) == 0) {
        socket.checkMayWait();
        socket.context.waiter.await(channel, stream.waitFor(SelectionKey.OP_WRITE), deadline, what);
      }
    }
    stream.drain(channel, deadline, what);
  }

  /** The hint of a send that failed part way: {@code 5 of 10 bytes were sent before this}. */
  static String sentBefore(long sent, long size) {
    return Text.get("hint.sent.before.of", sent, size);
  }
}
