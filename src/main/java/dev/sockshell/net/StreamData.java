package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte stream of a connected {@link StreamSocket}: send, sendall and recv with the socket's
 * timeout, the bytes sockshell holds for the next recv (given back by a framing read), EOF, and
 * which directions were shut down. The socket hands in its connected channel.
 *
 * <p>Every byte goes through {@link #read} and {@link #write}: with TLS ({@link #tls}) they decrypt
 * and encrypt, so everything here and above moves plain bytes. What else TLS changes is {@link
 * TlsStream}'s.
 */
final class StreamData {
  /** See {@link #arrivedBound}. */
  private static final long UNIX_QUEUE_BOUND = 16L << 20;

  private final StreamSocket socket;
  private ByteString pending = ByteString.EMPTY;
  private boolean inputShut;
  private boolean outputShut;
  private boolean eofSeen;

  /**
   * A recv reported ECONNRESET. Linux's socket is then closed and a later recv returns b''; the JDK
   * would report the reset again, so the OS is not asked.
   */
  private boolean resetReported;

  /** TLS under this stream, or null. */
  private TlsStream tls;

  StreamData(StreamSocket socket) {
    this.socket = socket;
  }

  /** A recv returned b'', or a send found the peer gone (EPIPE): recv returns b'' when empty. */
  boolean eofSeen() {
    return eofSeen;
  }

  void markEof() {
    eofSeen = true;
  }

  boolean resetReported() {
    return resetReported;
  }

  /**
   * True when Linux's end of the connection is closed: a reset a recv reported, or on TCP the
   * kernel's table says so (such a socket has no row, or only the TIME_WAIT row that took its
   * place). False for an AF_UNIX stream otherwise, and where there are no tables.
   */
  boolean closed(SocketChannel channel) {
    if (resetReported) {
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
  boolean takeUnreportedReset(SocketChannel channel) {
    if (resetReported || !closed(channel)) {
      return false;
    }
    // The connection is closed: nothing more can arrive, so reading until the error ends.
    SocketError error = keepArrived(channel, Long.MAX_VALUE);
    resetReported = error != null && error.errno() == Errno.ECONNRESET;
    return resetReported;
  }

  boolean inputShut() {
    return inputShut;
  }

  TlsLayer tls() {
    return tls == null ? null : tls.layer();
  }

  /** Puts TLS under the stream, or takes it away (null). */
  void setTls(TlsLayer layer) {
    this.tls = layer == null ? null : new TlsStream(socket, layer);
  }

  /**
   * The bytes held for the next recv, taken away: ciphertext that arrived before a handshake, or
   * the peer's first bytes when TLS starts.
   */
  ByteString takeAllPending() {
    ByteString all = pending;
    pending = ByteString.EMPTY;
    return all;
  }

  boolean outputShut() {
    return outputShut;
  }

  int buffered() {
    return pending.size() + (tls == null ? 0 : tls.held());
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
      return buffered();
    }
    if (tls != null) {
      // AF_UNIX has no FIONREAD: a read is tried.
      boolean kernelHas = family == Family.AF_UNIX || kernelBytes(channel) > 0;
      return pending.size() + tls.bytesWaiting(channel, kernelHas);
    }
    if (family == Family.AF_UNIX) {
      return pending.isEmpty() ? NetSocket.UNKNOWN : pending.size();
    }
    return pending.size() + kernelBytes(channel);
  }

  /** FIONREAD: bytes the kernel holds for the next read (TCP only). */
  private static int kernelBytes(SocketChannel channel) {
    try {
      return channel.socket().getInputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  void checkCanSend() throws SocketError {
    if (outputShut) {
      throw SocketError.of(Errno.EPIPE).withHint(Text.get("hint.shut.for.writing", socket.name()));
    }
  }

  /**
   * Python's {@code send}, as Linux and CPython do it: a blocking socket waits until the kernel has
   * taken every byte (it returns fewer only if an error ends the wait after some went out); with a
   * timeout CPython first waits for the socket to be writable, then sends once, which may take
   * fewer; a non-blocking socket sends once or fails with EAGAIN.
   */
  int send(SocketChannel channel, ByteString data) throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    if (!buffer.hasRemaining()) {
      return 0;
    }
    if (socket.timeout.isBlocking()) {
      try {
        writeAll(channel, buffer, "send on " + socket.name());
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
    long deadline = socket.timeout.deadlineFromNow();
    while (true) {
      if (!socket.timeout.isNonBlocking()) {
        socket.context.waiter.await(
            channel, waitFor(SelectionKey.OP_WRITE), deadline, "send on " + socket.name());
      }
      int n = write(channel, buffer);
      if (n > 0) {
        if (!socket.timeout.isNonBlocking()) {
          drain(channel, deadline, "send on " + socket.name());
        }
        return n;
      }
      socket.checkMayWait();
    }
  }

  void sendAll(SocketChannel channel, ByteString data) throws SocketError {
    ByteBuffer buffer = data.asByteBuffer();
    try {
      writeAll(channel, buffer, "sendall on " + socket.name());
    } catch (SocketError e) {
      throw e.withHint(sentBefore(buffer.position(), data.size()));
    }
  }

  /** Writes until the buffer is empty, waiting (up to the socket's timeout) whenever it is full. */
  void writeAll(SocketChannel channel, ByteBuffer buffer, String what) throws SocketError {
    writeAll(channel, buffer, what, socket.timeout.deadlineFromNow());
  }

  /** The same, up to {@code deadline} (the socket's timeout bounds a whole sendall). */
  void writeAll(SocketChannel channel, ByteBuffer buffer, String what, long deadline)
      throws SocketError {
    while (buffer.hasRemaining()) {
      if (write(channel, buffer) == 0) {
        socket.checkMayWait();
        socket.context.waiter.await(channel, waitFor(SelectionKey.OP_WRITE), deadline, what);
      }
    }
    drain(channel, deadline, what);
  }

  /** With TLS, waits until the ciphertext of what was sent has gone to the kernel. */
  void drain(SocketChannel channel, long deadline, String what) throws SocketError {
    if (tls != null) {
      tls.drain(channel, deadline, what);
    }
  }

  /** What a call that would wait for {@code usual} waits for: TLS may need the other way first. */
  int waitFor(int usual) {
    return tls == null ? usual : tls.waitFor(usual);
  }

  int write(SocketChannel channel, ByteBuffer buffer) throws SocketError {
    try {
      int n = tls != null ? tls.write(channel, buffer) : channel.write(buffer);
      socket.countSent(buffer, n, null);
      return n;
    } catch (IOException | SocketError e) {
      SocketError error = e instanceof SocketError se ? se : JdkErrors.map((IOException) e);
      // The kernel's EPIPE (ours for SHUT_WR comes before any write): the peer closed, then
      // answered a send with a reset. Linux's recv returns b'' after what is waiting, as at EOF,
      // and its tables cannot tell this from a reset recv would raise, so it is remembered here.
      eofSeen |= error.errno() == Errno.EPIPE;
      throw error;
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
      ByteBuffer buffer = socket.context.scratch.chunk(bufsize);
      int n = read(channel, buffer);
      if (n > 0) {
        socket.bytesReceived += n;
        boolean full = n == buffer.limit();
        ByteString first = ByteString.read(buffer.flip());
        return full && n < bufsize ? readOn(channel, first, bufsize) : first;
      }
      if (n < 0) {
        eofSeen = true;
        return ByteString.EMPTY;
      }
      socket.checkMayWait();
      socket.context.waiter.await(
          channel, waitFor(SelectionKey.OP_READ), deadline, "recv on " + socket.name());
    }
  }

  /**
   * Bytes a read returns without the kernel's help: held ones, and with TLS what was decrypted or
   * read as ciphertext and not yet decrypted (the selector would not wake for those).
   */
  boolean holdsBytes() {
    return !pending.isEmpty() || (tls != null && tls.holdsInput());
  }

  /**
   * What the background loop must also wait for, beyond what its handler asked ({@code ops}): with
   * TLS, room for ciphertext not yet written, and the peer's part of a handshake.
   */
  int backgroundInterest(int ops) {
    return tls == null ? ops : tls.interest(ops);
  }

  /** See {@link TlsStream#answerCloseNotify}. */
  void answerCloseNotify(SocketChannel channel) {
    if (tls != null && !outputShut) {
      tls.answerCloseNotify(channel);
    }
  }

  /** With TLS, writes ciphertext made earlier without waiting; an error waits for the next call. */
  void flushNow(SocketChannel channel) {
    if (tls != null && channel != null) {
      tls.flushNow(channel);
    }
  }

  /** One read without waiting: held bytes first; 0 when nothing is there, -1 at EOF. */
  int readNow(SocketChannel channel, ByteBuffer into) throws SocketError {
    if (!pending.isEmpty()) {
      int n = Math.min(into.remaining(), pending.size());
      into.put(takePending(n).asByteBuffer());
      return n;
    }
    if (inputShut) {
      return -1;
    }
    int n = read(channel, into);
    if (n > 0) {
      socket.bytesReceived += n;
    } else if (n < 0) {
      eofSeen = true;
    }
    return n;
  }

  /** One write without waiting: what fits in the kernel's buffer now. */
  int writeNow(SocketChannel channel, ByteBuffer from) throws SocketError {
    return from.hasRemaining() ? write(channel, from) : 0;
  }

  /**
   * The rest of a recv whose first read filled a chunk: what else has arrived, up to {@code
   * bufsize} in all, read a chunk at a time without waiting, as Linux's recv copies what the queue
   * holds. It stops at a short read (the queue is empty), at EOF or an error (which the next read
   * meets again, and which would lose these bytes if raised now), or at Ctrl-C, returning what it
   * has.
   */
  private ByteString readOn(SocketChannel channel, ByteString first, int bufsize) {
    List<ByteString> parts = new ArrayList<>();
    parts.add(first);
    int total = first.size();
    try {
      while (total < bufsize && !socket.context.waiter.isCancelled()) {
        ByteBuffer buffer = socket.context.scratch.chunk(bufsize - total);
        int n = tls != null ? tls.read(channel, buffer) : channel.read(buffer);
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
  private ByteString readArrived(SocketChannel channel, int max) throws SocketError {
    int arrived = bytesWaiting(channel, socket.family()) - pending.size();
    if (arrived <= 0) {
      return ByteString.EMPTY;
    }
    if (tls != null && tls.held() == 0) {
      return ByteString.EMPTY; // what the kernel holds did not decrypt to bytes yet
    }
    ByteBuffer buffer = socket.context.scratch.get(Math.min(max, arrived));
    int n = read(channel, buffer);
    if (n <= 0) {
      return ByteString.EMPTY;
    }
    socket.bytesReceived += n;
    return ByteString.read(buffer.flip());
  }

  /** One read from the kernel; a reset it reports is remembered ({@link #resetReported}). */
  int read(SocketChannel channel, ByteBuffer buffer) throws SocketError {
    try {
      return tls != null ? tls.read(channel, buffer) : channel.read(buffer);
    } catch (IOException | SocketError e) {
      SocketError error = e instanceof SocketError se ? se : JdkErrors.map((IOException) e);
      resetReported |= error.errno() == Errno.ECONNRESET;
      throw error;
    }
  }

  /**
   * Linux's shutdown on a TCP socket whose connection is closed (a reset, both FINs done, or
   * TIME_WAIT after its own FIN) takes the flags but fails with ENOTCONN. The JDK never says so: it
   * skips a direction already shut and ignores ENOTCONN, so the kernel's table is asked first.
   */
  void shutdown(SocketChannel channel, ShutdownHow how) throws SocketError {
    boolean closed = closed(channel);
    if (tls != null && how != ShutdownHow.SHUT_RD && !outputShut && !closed) {
      tls.sendCloseNotify(channel);
    }
    apply(channel, how);
    if (closed) {
      throw SocketError.of(Errno.ENOTCONN);
    }
  }

  private void apply(SocketChannel channel, ShutdownHow how) throws SocketError {
    try {
      if (how != ShutdownHow.SHUT_WR) {
        keepArrived(channel, arrivedBound(channel));
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

  /**
   * The most bytes SHUT_RD keeps: those that have arrived (FIONREAD) and no more, for a peer that
   * goes on sending would otherwise keep the read going, and the memory growing, as long as it
   * sends. The JDK has no FIONREAD for AF_UNIX: there the bound is more than Linux queues on one
   * (the sender's SO_SNDBUF, at most twice net.core.wmem_max: 8 MiB by default).
   */
  private long arrivedBound(SocketChannel channel) {
    if (socket.family() == Family.AF_UNIX) {
      return UNIX_QUEUE_BOUND;
    }
    try {
      return channel.socket().getInputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Reads what has arrived, up to {@code bound} bytes, into the bytes held for the next recv, and
   * returns the error the read met, if any. Before SHUT_RD: Linux still returns the bytes that had
   * arrived, but the JDK answers every read after it with EOF. (Bytes arriving later Linux's TCP
   * would still deliver; the JDK cannot.) A reset met there the JDK reports again at the next read.
   */
  private SocketError keepArrived(SocketChannel channel, long bound) {
    if (inputShut) {
      return null;
    }
    ByteArrayOutputStream arrived = new ByteArrayOutputStream();
    SocketError error = null;
    try {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024); // rare: not the shared scratch buffer
      // The first read always happens, so an error waiting there is met, as before any bound.
      do {
        int room = (int) Math.min(buffer.capacity(), Math.max(1, bound - arrived.size()));
        int n =
            tls != null
                ? tls.read(channel, buffer.clear())
                : channel.read(buffer.clear().limit(room));
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
    pending = pending.concat(ByteString.wrap(arrived.toByteArray()));
    return error;
  }

  /** How select finds out whether the socket is ready (with TLS: {@link TlsStream#probe}). */
  Readiness.Probe probe(SocketChannel channel) {
    return tls == null
        ? Readiness.readWrite(readyNow(), channel)
        : tls.probe(channel, inputShut, this::readyNow);
  }

  /** For select: held bytes and a shut-down input make the socket readable at once. */
  int readyNow() {
    boolean tlsReady = tls != null && tls.readyNow();
    return !pending.isEmpty() || inputShut || tlsReady ? Readiness.READ : 0;
  }

  void clear() {
    pending = ByteString.EMPTY;
  }

  /** Forgets the old connection: the socket has a new channel for another. */
  void reset() {
    clear();
    tls = null;
    inputShut = false;
    outputShut = false;
    eofSeen = false;
    resetReported = false;
  }

  /** The hint of a send that failed part way: {@code 5 of 10 bytes were sent before this}. */
  static String sentBefore(long sent, long size) {
    return Text.get("hint.sent.before.of", sent, size);
  }
}
