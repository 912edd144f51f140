package dev.sockshell.net;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.IntSupplier;

/**
 * What a {@link StreamData} does differently while TLS is under it: bytes go through the {@link
 * TlsLayer}, what arrived counts once decrypted, a call may first have to wait for the other
 * direction (a handshake message), a send is done when its ciphertext reached the kernel, and the
 * end of the stream is told by close_notify before the FIN.
 */
final class TlsStream {
  private final StreamSocket socket;
  private final TlsLayer layer;

  TlsStream(StreamSocket socket, TlsLayer layer) {
    this.socket = socket;
    this.layer = layer;
  }

  TlsLayer layer() {
    return layer;
  }

  int read(SocketChannel channel, ByteBuffer into) throws SocketError {
    return layer.read(channel, into);
  }

  int write(SocketChannel channel, ByteBuffer from) throws SocketError {
    return layer.write(channel, from);
  }

  /** Plaintext decrypted and not yet returned. */
  int held() {
    return layer.held();
  }

  /** See {@link TlsLayer#holdsInput}. */
  boolean holdsInput() {
    return layer.holdsInput();
  }

  /** What a call that would wait for {@code usual} waits for: the other way first, maybe. */
  int waitFor(int usual) {
    return layer.wants(usual);
  }

  /** See {@link StreamData#backgroundInterest}. */
  int interest(int ops) {
    return layer.interest(ops);
  }

  /**
   * Plaintext a recv would return at once, not counting what StreamData holds: ciphertext is not
   * what recv returns, so what has arrived is decrypted here, and counted.
   */
  int bytesWaiting(SocketChannel channel, boolean kernelHas) {
    return layer.absorb(channel, kernelHas);
  }

  /**
   * Waits until the ciphertext of what was sent has gone to the kernel, as a plain send's bytes
   * have when it returns.
   */
  void drain(SocketChannel channel, long deadline, String what) throws SocketError {
    while (!layer.flush(channel)) {
      socket.checkMayWait();
      socket.context.waiter.await(channel, SelectionKey.OP_WRITE, deadline, what);
    }
  }

  /**
   * At close, a peer that sent close_notify gets ours, if the kernel takes it now: its unwrap (or
   * SSL_shutdown) then ends cleanly, where JDK's TLS 1.3 engine would leave it an EOF. Python's
   * close sends none unasked; neither does this.
   */
  void answerCloseNotify(SocketChannel channel) {
    if (layer.closeNotifyReceived()) {
      try {
        layer.closeOutbound();
        layer.flush(channel);
      } catch (SocketError e) {
        // The connection is going: a close_notify that cannot go is not worth an error.
      }
    }
  }

  /** Writes ciphertext made earlier without waiting; an error waits for the next call. */
  void flushNow(SocketChannel channel) {
    try {
      layer.flush(channel);
    } catch (SocketError e) {
      // The next read or write meets it again and reports it.
    }
  }

  /**
   * Over TLS the peer reads the end of the decrypted stream: close_notify goes before the FIN, so
   * its recv returns b'' (OpenSSL answers a FIN without it with a decode_error alert). The
   * background cannot wait: there it goes if the kernel has room now.
   */
  void sendCloseNotify(SocketChannel channel) throws SocketError {
    if (!layer.handshakeDone()) {
      return;
    }
    try {
      layer.closeOutbound();
    } catch (SocketError e) {
      return; // TLS failed earlier: no close_notify can go, the FIN still does
    }
    if (socket.inBackground()) {
      layer.flush(channel);
    } else {
      drain(channel, socket.timeout.deadlineFromNow(), "shutdown on " + socket.name());
    }
  }

  /**
   * How select finds out whether the socket is ready: the kernel's readability is not the socket's
   * (a session ticket, half a record): it only says to look again, after what arrived is decrypted
   * here.
   */
  Readiness.Probe probe(SocketChannel channel, boolean inputShut, IntSupplier readyNow) {
    if (!inputShut) {
      layer.absorb(channel, true);
    }
    return new Readiness.Probe(
        readyNow.getAsInt(),
        channel,
        0,
        SelectionKey.OP_WRITE,
        inputShut ? 0 : SelectionKey.OP_READ);
  }

  /** For select: decrypted bytes, or a failure or EOF a read reports at once. */
  boolean readyNow() {
    return layer.held() > 0 || layer.readsAtOnce();
  }
}
