package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Files through a connected stream socket at the OS's speed, never through strings: {@code
 * sendfile} reads the file into the session's direct buffer and writes it to the socket (over
 * loopback; to another machine it hands the file to the kernel with {@link FileChannel#transferTo},
 * sendfile(2)), and {@code recvfile} reads into the same buffer and writes it straight to the file
 * ({@link FileChannel#transferFrom} from a socket is a loop through an 8 KiB buffer in JDK 17:
 * 2.5–3 s for 1 GiB where this loop took about 1 s, PERFORMANCE.md "Bulk"). Like Python's {@code
 * socket.sendfile}, the socket's timeout bounds each wait, not the whole transfer, and Ctrl-C stops
 * it between chunks; what was moved before an error stays moved.
 */
public final class FileTransfer {

  /**
   * Bytes read or written in one system call by sendfile's copy, {@code sendall @FILE} and
   * recvfile. 4 MiB, the most the session's buffer keeps ({@link Scratch#MAX_KEPT}): 1 GiB over
   * loopback into a Python recv_into sink took 0.46–0.52 s against 0.53–0.69 s with 1 MiB, and the
   * sink spent less CPU (five runs each, interleaved; PERFORMANCE.md "Bulk").
   */
  static final int CHUNK = Scratch.MAX_KEPT;

  /**
   * What a recvfile wrote.
   *
   * @param eof true if the peer closed its side (always, unless a count was reached)
   */
  public record Received(long bytes, boolean eof) {}

  private FileTransfer() {}

  /**
   * Python's {@code sock.sendfile(file, offset, count)}: sends from {@code offset} until the end of
   * the file, or {@code count} bytes ({@code -1}: no limit), and returns how many were sent.
   */
  static long send(StreamSocket socket, FileChannel file, long offset, long count)
      throws SocketError {
    return send(socket, file, offset, count, null);
  }

  /** How a file's bytes go into a socket. */
  enum Way {
    /** sendfile(2): the kernel reads the page cache into the socket, no copy in sockshell. */
    SENDFILE,
    /** read(2) into the session's direct buffer, write(2) from it. */
    COPY;

    /**
     * SENDFILE to another machine, where the network card reads the file's pages from the page
     * cache. Over loopback (and AF_UNIX) the receiver copies the bytes anyway, and on Linux 6.x
     * loopback sendfile(2) took about twice as long as COPY with a {@link #CHUNK} buffer, in one
     * call to a blocking channel or in many to sockshell's non-blocking one, and the receiver's CPU
     * time doubled (it copies from page-cache pages, not from ones the sender just wrote: the
     * likely reason). Measured in src/docs/PERFORMANCE.md, "Bulk".
     */
    static Way to(SocketChannel channel) throws IOException {
      return channel.getRemoteAddress() instanceof InetSocketAddress inet
              && !inet.getAddress().isLoopbackAddress()
              && !isLocal(inet.getAddress())
          ? SENDFILE
          : COPY;
    }

    /** An address of this machine: a connection to one's own LAN address stays in the kernel. */
    private static boolean isLocal(InetAddress address) {
      try {
        return NetworkInterface.getByInetAddress(address) != null;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** {@link #send} the given way, or (null) the way {@link Way#to} chooses. */
  static long send(StreamSocket socket, FileChannel file, long offset, long count, Way way)
      throws SocketError {
    checkBlocking(socket);
    socket.checkOpen();
    try {
      if (offset >= file.size()) {
        // Nothing to read: Linux's sendfile(2) returns 0 before it looks at the socket, and Python
        // returns 0 for an empty file, so neither fails on a socket that is not connected.
        return 0;
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
    SocketChannel channel = socket.sendingChannel();
    Progress sent = new Progress();
    try {
      // The kernel cannot encrypt: over TLS the file's bytes go through the socket's TLS.
      boolean tls = socket.data().tls() != null;
      if (!tls && (way != null ? way : Way.to(channel)) == Way.SENDFILE) {
        sendByKernel(socket, channel, file, offset, count, sent);
      } else {
        sendByCopy(socket, channel, file, offset, count, sent);
      }
      return sent.bytes;
    } catch (IOException e) {
      throw JdkErrors.map(e).withHint(Text.get("hint.sent.before", sent.bytes));
    } catch (SocketError e) {
      throw e.withHint(Text.get("hint.sent.before", sent.bytes));
    }
  }

  /** Bytes sent so far, for the hint of an error that stops a transfer. */
  private static final class Progress {
    long bytes;
  }

  /** sendfile(2) through {@link FileChannel#transferTo}, waiting whenever the socket is full. */
  private static void sendByKernel(
      StreamSocket socket,
      SocketChannel channel,
      FileChannel file,
      long offset,
      long count,
      Progress sent)
      throws IOException, SocketError {
    String what = "sendfile on " + socket.name();
    while (count < 0 || sent.bytes < count) {
      long want = count < 0 ? Long.MAX_VALUE : count - sent.bytes;
      long n = file.transferTo(offset + sent.bytes, want, channel);
      if (n > 0) {
        sent.bytes += n;
        socket.countSent(null, n, null);
        socket.context.waiter.checkCancelled(what);
      } else if (offset + sent.bytes >= file.size()) {
        break; // end of the file
      } else {
        socket.context.waiter.await(
            channel, SelectionKey.OP_WRITE, socket.timeout.deadlineFromNow(), what);
      }
    }
  }

  /**
   * The file read into the session's direct buffer, {@link #CHUNK} at a time, and written to the
   * socket from there: one copy into the buffer, none by the JDK (the buffer is direct). Written
   * through the socket's data path, so TLS encrypts it.
   */
  private static void sendByCopy(
      StreamSocket socket,
      SocketChannel channel,
      FileChannel file,
      long offset,
      long count,
      Progress sent)
      throws IOException, SocketError {
    String what = "sendfile on " + socket.name();
    StreamData data = socket.data();
    ByteBuffer buffer = socket.context.scratch.get(CHUNK).limit(0);
    long read = 0;
    while (true) {
      if (!buffer.hasRemaining()) {
        long want = count < 0 ? CHUNK : Math.min(CHUNK, count - read);
        buffer.clear().limit((int) want);
        if (want == 0 || file.read(buffer, offset + read) <= 0) {
          data.drain(channel, socket.timeout.deadlineFromNow(), what);
          return; // the count reached, or the end of the file
        }
        read += buffer.position();
        buffer.flip();
      }
      int n = data.write(channel, buffer);
      if (n > 0) {
        sent.bytes += n;
        socket.context.waiter.checkCancelled(what);
      } else {
        socket.context.waiter.await(
            channel, data.waitFor(SelectionKey.OP_WRITE), socket.timeout.deadlineFromNow(), what);
      }
    }
  }

  /**
   * sendall of a file's bytes ({@code sendall NAME @FILE}): read {@link #CHUNK} at a time into the
   * session's direct buffer and written from there, so memory stays bounded whatever the file's
   * size (it was read whole: up to 256 MiB of heap), and the bytes are those a read of the whole
   * file gives. As for sendall of bytes, the socket's timeout bounds the whole call, and what goes
   * out goes through the stream's own write path.
   *
   * @param size the file's size when opened, for the hint of an error
   * @return the bytes sent: all the file had
   * @throws IOException reading the file failed
   */
  static long sendAll(StreamSocket socket, FileChannel file, long size)
      throws SocketError, IOException {
    SocketChannel channel = socket.sendingChannel();
    String what = "sendall on " + socket.name();
    long deadline = socket.timeout.deadlineFromNow();
    ByteBuffer buffer = socket.context.scratch.get(CHUNK);
    long before = socket.bytesSent;
    try {
      while (file.read(buffer.clear()) > 0) {
        StreamSend.writeAll(socket, channel, buffer.flip(), what, deadline);
        socket.context.waiter.checkCancelled(what);
      }
      return socket.bytesSent - before;
    } catch (SocketError e) {
      long sent = socket.bytesSent - before;
      throw e.withHint(StreamSend.sentBefore(sent, size));
    }
  }

  /**
   * Receives until EOF, or until {@code count} bytes ({@code -1}: no limit), writing each chunk to
   * {@code file} at its position. Bytes sockshell held for the next recv come first.
   */
  static Received receive(StreamSocket socket, FileChannel file, long count) throws SocketError {
    checkBlocking(socket);
    socket.checkOpen();
    StreamData data = socket.data();
    // After a reported reset or failed connect Linux reads EOF; the JDK would raise again.
    boolean ended = socket.readsEof();
    SocketChannel channel = ended ? null : socket.receivingChannel();
    String what = "recvfile on " + socket.name();
    long written = 0;
    try {
      ByteString held = data.held().take((int) Math.min(Integer.MAX_VALUE, limit(count)));
      writeOrGiveBack(file, held.asByteBuffer(), data);
      written += held.size();
      if (ended || data.inputShut()) {
        return new Received(written, true);
      }
      while (count < 0 || written < count) {
        ByteBuffer buffer =
            socket.context.scratch.get((int) Math.min(CHUNK, limit(count - written)));
        int n = data.read(channel, buffer);
        if (n > 0) {
          socket.bytesReceived += n;
          writeOrGiveBack(file, buffer.flip(), data);
          written += n;
          socket.context.waiter.checkCancelled(what);
        } else if (n < 0) {
          data.markEof();
          return new Received(written, true);
        } else {
          socket.context.waiter.await(
              channel, data.waitFor(SelectionKey.OP_READ), socket.timeout.deadlineFromNow(), what);
        }
      }
      return new Received(written, false);
    } catch (IOException e) {
      // The file failed (a full disk): what came from the socket and was not written is kept.
      int kept = data.buffered();
      SocketError error = JdkErrors.map(e);
      throw kept > 0
          ? error.withAdvice(Advice.Kind.RECV_KEPT, socket.name(), written, kept)
          : error.withHint(Text.get("hint.written.before", written));
    } catch (SocketError e) {
      throw e.withHint(Text.get("hint.written.before", written));
    }
  }

  private static long limit(long count) {
    return count < 0 ? Long.MAX_VALUE : count;
  }

  /**
   * Writes the bytes to the file; those it cannot write (a full disk) go back in front of the
   * socket's next recv, so a failed recvfile loses nothing that came from the network.
   */
  private static void writeOrGiveBack(FileChannel file, ByteBuffer buffer, StreamData data)
      throws IOException {
    try {
      writeFully(file, buffer);
    } catch (IOException e) {
      data.held().putBack(ByteString.read(buffer));
      throw e;
    }
  }

  private static void writeFully(FileChannel file, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      file.write(buffer);
    }
  }

  /** Python refuses sendfile on a non-blocking socket; recvfile follows it. */
  private static void checkBlocking(StreamSocket socket) throws SocketError {
    if (socket.timeout().isNonBlocking()) {
      throw SocketError.python(PyException.ValueError, "non-blocking sockets are not supported")
          .withAdvice(Advice.Kind.BLOCKING_FOR_SENDFILE, socket.name());
    }
  }
}
