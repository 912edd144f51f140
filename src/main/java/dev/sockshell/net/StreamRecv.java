package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code recv} on a connected stream: the bytes sockshell holds first, then the kernel's,
 * waiting under the socket's timeout until some are there, and returning as many as Linux's recv
 * would: everything queued up to the bufsize, not just one read's worth.
 */
final class StreamRecv {
  private StreamRecv() {}

  static ByteString recv(StreamSocket socket, SocketChannel channel, int bufsize)
      throws SocketError {
    StreamData stream = socket.data();
    if (!stream.held().isEmpty()) {
      ByteString head = stream.held().take(bufsize);
      // As if the bytes had never left the kernel: the recv also gets what has arrived since.
      int room = bufsize - head.size();
      return room > 0 && !stream.inputShut()
          ? head.concat(readArrived(socket, channel, room))
          : head;
    }
    if (bufsize == 0 || stream.inputShut()) {
      return ByteString.EMPTY;
    }
    long deadline = socket.timeout.deadlineFromNow();
    while (true) {
      ByteBuffer buffer = socket.context.scratch.chunk(bufsize);
      int n = stream.read(channel, buffer);
      if (n > 0) {
        socket.bytesReceived += n;
        boolean full = n == buffer.limit();
        ByteString first = ByteString.read(buffer.flip());
        return full && n < bufsize ? readOn(socket, channel, first, bufsize) : first;
      }
      if (n < 0) {
        stream.markEof();
        return ByteString.EMPTY;
      }
      socket.checkMayWait();
      socket.context.waiter.await(
          channel, stream.waitFor(SelectionKey.OP_READ), deadline, "recv on " + socket.name());
    }
  }

  /**
   * The rest of a recv whose first read filled a chunk: what else has arrived, up to {@code
   * bufsize} in all, read a chunk at a time without waiting, as Linux's recv copies what the queue
   * holds. It stops at a short read (the queue is empty), at EOF or an error (which the next read
   * meets again, and which would lose these bytes if raised now), or at Ctrl-C, returning what it
   * has.
   */
  private static ByteString readOn(
      StreamSocket socket, SocketChannel channel, ByteString first, int bufsize) {
    List<ByteString> parts = new ArrayList<>();
    parts.add(first);
    int total = first.size();
    try {
      while (total < bufsize && !socket.context.waiter.isCancelled()) {
        ByteBuffer buffer = socket.context.scratch.chunk(bufsize - total);
        int n = socket.data().readUnremembered(channel, buffer);
        if (n <= 0) {
          break;
        }
        socket.bytesReceived += n;
        total += n;
        parts.add(ByteString.read(buffer.flip()));
        if (n < buffer.limit()) {
          break;
        }
      }
    } catch (IOException | SocketError e) {
      // Met again by the next read, once these bytes are returned (TLS keeps its failure).
    }
    return ByteString.concat(parts);
  }

  /**
   * Up to {@code max} of the bytes the kernel already holds (FIONREAD), without waiting. With bytes
   * queued, Linux returns them before any pending error, so this read cannot lose an error. The JDK
   * has no FIONREAD for AF_UNIX: nothing is read then.
   */
  private static ByteString readArrived(StreamSocket socket, SocketChannel channel, int max)
      throws SocketError {
    StreamData stream = socket.data();
    int arrived = stream.bytesWaiting(channel, socket.family()) - stream.held().size();
    if (arrived <= 0 || stream.decryptsNothingYet()) {
      return ByteString.EMPTY;
    }
    ByteBuffer buffer = socket.context.scratch.get(Math.min(max, arrived));
    int n = stream.read(channel, buffer);
    if (n <= 0) {
      return ByteString.EMPTY;
    }
    socket.bytesReceived += n;
    return ByteString.read(buffer.flip());
  }
}
