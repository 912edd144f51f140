package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The byte stream of a connected {@link StreamSocket}: its one read and write path, the bytes
 * sockshell holds for the next recv ({@link HeldBytes}), what is known of its ends (EOF, a reset
 * reported, which directions were shut down), and what select and the background loop see of it.
 * The blocking calls are built on it: {@link StreamSend}, {@link StreamRecv}, {@link
 * StreamShutdown}, {@link FileTransfer}. The socket hands in its connected channel.
 *
 * <p>Every byte goes through {@link #read} and {@link #write}: with TLS ({@link #tls}) they decrypt
 * and encrypt, so everything here and above moves plain bytes. What else TLS changes is {@link
 * TlsStream}'s.
 */
final class StreamData {
  private final StreamSocket socket;
  private final HeldBytes held = new HeldBytes();
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

  void markResetReported() {
    resetReported = true;
  }

  boolean inputShut() {
    return inputShut;
  }

  void markInputShut() {
    inputShut = true;
  }

  boolean outputShut() {
    return outputShut;
  }

  void markOutputShut() {
    outputShut = true;
  }

  /** The bytes held for the next recv. */
  HeldBytes held() {
    return held;
  }

  TlsLayer tls() {
    return tls == null ? null : tls.layer();
  }

  /** Puts TLS under the stream, or takes it away (null). */
  void setTls(TlsLayer layer) {
    this.tls = layer == null ? null : new TlsStream(socket, layer);
  }

  int buffered() {
    return held.size() + (tls == null ? 0 : tls.held());
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
      return held.size() + tls.bytesWaiting(channel, kernelHas);
    }
    if (family == Family.AF_UNIX) {
      return held.isEmpty() ? NetSocket.UNKNOWN : held.size();
    }
    return held.size() + kernelBytes(channel);
  }

  /** FIONREAD: bytes the kernel holds for the next read (TCP only). */
  static int kernelBytes(SocketChannel channel) {
    try {
      return channel.socket().getInputStream().available();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * With TLS, true when nothing the kernel held decrypted to bytes yet (part of a record): a read
   * would have nothing to return.
   */
  boolean decryptsNothingYet() {
    return tls != null && tls.held() == 0;
  }

  void checkCanSend() throws SocketError {
    if (outputShut) {
      throw SocketError.of(Errno.EPIPE).withHint(Text.get("hint.shut.for.writing", socket.name()));
    }
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

  /**
   * Bytes a read returns without the kernel's help: held ones, and with TLS what was decrypted or
   * read as ciphertext and not yet decrypted (the selector would not wake for those).
   */
  boolean holdsBytes() {
    return !held.isEmpty() || (tls != null && tls.holdsInput());
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

  /** See {@link TlsStream#sendCloseNotify}: with TLS, before the FIN of a shutdown. */
  void sendCloseNotify(SocketChannel channel) throws SocketError {
    if (tls != null && !outputShut) {
      tls.sendCloseNotify(channel);
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
    if (!held.isEmpty()) {
      int n = Math.min(into.remaining(), held.size());
      into.put(held.take(n).asByteBuffer());
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

  /** One read from the kernel; a reset it reports is remembered ({@link #resetReported}). */
  int read(SocketChannel channel, ByteBuffer buffer) throws SocketError {
    try {
      return readUnremembered(channel, buffer);
    } catch (IOException | SocketError e) {
      SocketError error = e instanceof SocketError se ? se : JdkErrors.map((IOException) e);
      resetReported |= error.errno() == Errno.ECONNRESET;
      throw error;
    }
  }

  /**
   * One read from the kernel whose error is not remembered: for a read that gives its error up, to
   * return the bytes it has, or keeps it aside, as SHUT_RD does (the next read meets it again).
   */
  int readUnremembered(SocketChannel channel, ByteBuffer buffer) throws IOException, SocketError {
    return tls != null ? tls.read(channel, buffer) : channel.read(buffer);
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
    return !held.isEmpty() || inputShut || tlsReady ? Readiness.READ : 0;
  }

  /** Forgets the old connection: the socket has a new channel for another. */
  void reset() {
    held.clear();
    tls = null;
    inputShut = false;
    outputShut = false;
    eofSeen = false;
    resetReported = false;
  }
}
