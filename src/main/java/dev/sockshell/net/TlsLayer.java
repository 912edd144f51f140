package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS under a connected stream: an {@link SSLEngine} between the non-blocking channel and {@link
 * StreamData}, which calls {@link #read} and {@link #write} where it would read and write the
 * channel, so everything above it (recv, framing, sendfile, select, the background) moves plain
 * bytes. Every method is non-blocking: it does what the kernel allows now and says so (0 bytes);
 * {@link #wants} tells the waiter what to wait for. The handshake goes on inside read and write
 * until it is done, so a connection the background accepted needs no blocking call.
 *
 * <p>Three buffers, each holding its bytes between position and limit: ciphertext read and not yet
 * decrypted ({@code netIn}), plaintext decrypted and not yet returned ({@code appIn}), ciphertext
 * made and not yet written ({@code netOut}). Their order is the stream's: bytes StreamData holds
 * for the next recv come before {@code appIn}, which comes before {@code netIn}.
 *
 * <p>Synchronized: the event watcher asks {@link #bytesWaiting} on its own thread while the prompt
 * waits (it decrypts what arrived, so what it counts is plaintext, not ciphertext).
 */
final class TlsLayer {
  /** Ciphertext read from the kernel at a time: several records, one system call. */
  private static final int NET_BUFFER = 64 << 10;

  private final SSLEngine engine;
  private final TlsContext context;
  private ByteBuffer netIn;
  private ByteBuffer appIn;
  private ByteBuffer netOut;

  /** The peer's close_notify arrived: reads return EOF. */
  private boolean closeNotifyReceived;

  /** The connection ended without the peer's close_notify (Python's recv returns b'' too). */
  private boolean eofWithoutCloseNotify;

  /** A failure met where it could not be raised (a watcher's look), raised by the next read. */
  private SocketError pendingError;

  /** A fatal TLS error: the connection cannot go on, every call raises it again. */
  private SocketError failure;

  private boolean handshakeDone;

  /** The first bytes the peer sent, kept while the handshake runs for an error's hint. */
  private ByteString firstBytes = ByteString.EMPTY;

  TlsLayer(SSLEngine engine, TlsContext context, ByteString alreadyReceived) throws SocketError {
    this.engine = engine;
    this.context = context;
    SSLSession session = engine.getSession();
    netIn = ByteBuffer.allocate(Math.max(NET_BUFFER, session.getPacketBufferSize()));
    netOut = ByteBuffer.allocate(Math.max(NET_BUFFER, session.getPacketBufferSize()));
    appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
    netIn.put(alreadyReceived.asByteBuffer()).flip();
    netOut.flip();
    appIn.flip();
    firstBytes = alreadyReceived.substring(0, Math.min(alreadyReceived.size(), 64));
    try {
      engine.beginHandshake();
    } catch (SSLException e) {
      throw TlsErrors.map(e, this);
    }
  }

  SSLEngine engine() {
    return engine;
  }

  TlsContext context() {
    return context;
  }

  synchronized boolean handshakeDone() {
    return handshakeDone;
  }

  /** The peer's first bytes (at most 64), for the hint of a peer that does not speak TLS. */
  ByteString firstBytes() {
    return firstBytes;
  }

  synchronized boolean closeNotifyReceived() {
    return closeNotifyReceived;
  }

  synchronized boolean eofWithoutCloseNotify() {
    return eofWithoutCloseNotify;
  }

  /** Plaintext decrypted and not yet returned. */
  synchronized int held() {
    return appIn.remaining();
  }

  /**
   * Plaintext to return, or a whole record read and not yet decrypted: a read returns something
   * without the kernel (half a record needs the kernel's next bytes, which wake the selector).
   */
  synchronized boolean holdsInput() {
    if (appIn.hasRemaining()) {
      return true;
    }
    int at = netIn.position();
    // A record: type, version (2 bytes), length (2 bytes), then that many bytes.
    return failure == null
        && netIn.remaining() >= 5
        && netIn.remaining()
            >= 5 + (((netIn.get(at + 3) & 0xff) << 8) | (netIn.get(at + 4) & 0xff));
  }

  /**
   * {@code ops} (a background handler's wish) with what TLS needs too: to write ciphertext that
   * waits, and during the handshake to read the peer's part of it.
   */
  synchronized int interest(int ops) {
    if (netOut.hasRemaining()) {
      ops |= SelectionKey.OP_WRITE;
    }
    if (!handshakeDone && failure == null) {
      ops |= SelectionKey.OP_READ;
    }
    return ops;
  }

  /** Ciphertext made and not yet written: the kernel's buffer was full. */
  synchronized boolean holdsOutput() {
    return netOut.hasRemaining();
  }

  /**
   * What to wait for before the next step can go on: the kernel's room for ciphertext made and not
   * written, else the peer's bytes ({@code usual} when the engine needs neither more than usual).
   */
  synchronized int wants(int usual) {
    if (netOut.hasRemaining()) {
      return SelectionKey.OP_WRITE;
    }
    if (!handshakeDone) {
      HandshakeStatus status = engine.getHandshakeStatus();
      return status == HandshakeStatus.NEED_WRAP ? SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    }
    return usual;
  }

  /**
   * Moves the handshake on as far as it goes without waiting.
   *
   * @return true once it is done and its last bytes went out
   */
  synchronized boolean handshake(SocketChannel channel) throws SocketError {
    checkFailure();
    try {
      while (true) {
        if (!flush(channel)) {
          return false;
        }
        if (handshakeDone) {
          return true;
        }
        switch (engine.getHandshakeStatus()) {
          case NEED_TASK -> runTasks();
          case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
          case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
            if (!unwrapOne() && fill(channel) == 0) {
              return false;
            }
          }
          default -> {
            handshakeDone = true;
            firstBytes = ByteString.EMPTY;
          }
        }
      }
    } catch (SocketError e) {
      sendAlert(channel);
      throw fail(e);
    }
  }

  /**
   * A failed handshake's alert goes out if the kernel takes it now (a best effort, as OpenSSL's):
   * the socket is closed next, and without it the peer sees a bare EOF that says nothing of why.
   */
  private void sendAlert(SocketChannel channel) {
    try {
      flush(channel);
    } catch (SocketError e) {
      // The connection is gone: the peer learns from that.
    }
  }

  /**
   * Reads plaintext into {@code into} without waiting: what was decrypted before, then what the
   * ciphertext already read holds, then one read from the kernel.
   *
   * @return bytes put in {@code into}; 0 when none are there now; -1 at the end of the stream (the
   *     peer's close_notify, or its EOF without one, which Python's recv also reports as b'')
   */
  synchronized int read(SocketChannel channel, ByteBuffer into) throws SocketError {
    int start = into.position();
    take(into);
    if (into.position() > start) {
      return into.position() - start;
    }
    raisePending();
    if (!handshakeDone && !handshake(channel)) {
      return 0;
    }
    boolean kernelRead = false;
    try {
      while (true) {
        unwrapInto(into);
        flush(channel); // a post-handshake message may need an answer (TLS 1.3 key update)
        if (into.position() > start) {
          return into.position() - start;
        }
        if (closeNotifyReceived || eofWithoutCloseNotify) {
          return -1;
        }
        if (kernelRead) {
          return 0;
        }
        kernelRead = true;
        int n = fill(channel);
        if (n == 0) {
          return 0;
        }
        if (n < 0) {
          return -1;
        }
      }
    } catch (SocketError e) {
      throw fail(e);
    }
  }

  /**
   * Encrypts from {@code from} what fits and writes it without waiting. Ciphertext the kernel did
   * not take stays in this layer (see {@link #holdsOutput}) and goes first next time.
   *
   * @return plaintext bytes taken from {@code from}; 0 while earlier ciphertext still waits
   */
  synchronized int write(SocketChannel channel, ByteBuffer from) throws SocketError {
    checkFailure();
    if (!handshakeDone && !handshake(channel)) {
      return 0;
    }
    try {
      if (!flush(channel)) {
        return 0;
      }
      int taken = 0;
      int packet = engine.getSession().getPacketBufferSize();
      // Records while a whole one fits after what waits: several per system call.
      while (from.hasRemaining() && netOut.capacity() - netOut.remaining() >= packet) {
        int n = wrap(from).bytesConsumed();
        if (n == 0) {
          break;
        }
        taken += n;
      }
      flush(channel);
      return taken;
    } catch (SocketError e) {
      throw fail(e);
    }
  }

  /**
   * Writes ciphertext made earlier, as much as the kernel takes now.
   *
   * @return true when none is left
   */
  synchronized boolean flush(SocketChannel channel) throws SocketError {
    while (netOut.hasRemaining()) {
      int n;
      try {
        n = channel.write(netOut);
      } catch (IOException e) {
        throw JdkErrors.map(e);
      }
      if (n == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Decrypts, without waiting, what has arrived: for a count of plaintext (the watcher, {@code
   * /list}, select), never losing a byte or an error, which the next read returns or raises.
   *
   * @param kernelHas whether the kernel holds bytes (FIONREAD): no read is made otherwise, so a
   *     pending error is not taken here
   */
  synchronized int absorb(SocketChannel channel, boolean kernelHas) {
    if (failure != null || pendingError != null || !handshakeDone) {
      return appIn.remaining();
    }
    try {
      if (kernelHas) {
        fill(channel);
      }
      unwrapInto(null);
    } catch (SocketError e) {
      pendingError = e;
    }
    return appIn.remaining();
  }

  /** A failure or EOF that the next read would report without waiting. */
  synchronized boolean readsAtOnce() {
    return pendingError != null || failure != null || closeNotifyReceived || eofWithoutCloseNotify;
  }

  /**
   * Python's {@code unwrap}, first half: sends close_notify (made here, written by {@link #flush}).
   */
  synchronized void closeOutbound() throws SocketError {
    checkFailure();
    engine.closeOutbound();
    try {
      while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
        if (wrap(ByteBuffer.allocate(0)).getStatus() == SSLEngineResult.Status.CLOSED) {
          break;
        }
      }
    } catch (SocketError e) {
      throw fail(e);
    }
  }

  /**
   * Python's {@code unwrap}, second half: reads until the peer's close_notify without waiting.
   * Plaintext that arrives before it is kept ({@link #held}).
   *
   * @return true once it arrived
   */
  synchronized boolean awaitCloseNotify(SocketChannel channel) throws SocketError {
    raisePending();
    try {
      while (!closeNotifyReceived) {
        if (eofWithoutCloseNotify) {
          throw TlsErrors.unexpectedEof();
        }
        growAppIn();
        if (!unwrapOne()) {
          int n = fill(channel);
          if (n == 0) {
            return false;
          }
        }
      }
      return flush(channel);
    } catch (SocketError e) {
      throw fail(e);
    }
  }

  /**
   * After {@code unwrap}: the plaintext decrypted and not returned, then the bytes that followed
   * the peer's close_notify, which are the plain stream's.
   */
  synchronized ByteString takeRemains() {
    ByteString plain = ByteString.read(appIn);
    return plain.concat(ByteString.read(netIn));
  }

  private void take(ByteBuffer into) {
    if (!appIn.hasRemaining() || into == null) {
      return;
    }
    int n = Math.min(into.remaining(), appIn.remaining());
    ByteBuffer part = appIn.duplicate();
    part.limit(part.position() + n);
    into.put(part);
    appIn.position(appIn.position() + n);
  }

  /**
   * Decrypts every complete record in {@code netIn}: straight into {@code into} while it has room
   * for a whole record, else into {@code appIn} (whose bytes go to {@code into} first, in order).
   */
  private void unwrapInto(ByteBuffer into) throws SocketError {
    int appSize = engine.getSession().getApplicationBufferSize();
    while (netIn.hasRemaining() && !closeNotifyReceived) {
      SSLEngineResult r;
      if (into != null && !appIn.hasRemaining() && into.remaining() >= appSize) {
        r = unwrap(into);
      } else {
        if (appIn.hasRemaining() && into == null) {
          growAppIn();
        } else if (appIn.hasRemaining()) {
          return; // into is full: the rest stays in netIn
        }
        r = unwrap(appIn.compact());
        appIn.flip();
        take(into);
      }
      if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
        return;
      }
      if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
        runTasks();
      }
      if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
        wrap(ByteBuffer.allocate(0));
      }
    }
  }

  /** Makes room in {@code appIn} for one more record after what it holds. */
  private void growAppIn() {
    int appSize = engine.getSession().getApplicationBufferSize();
    if (appIn.capacity() - appIn.remaining() < appSize) {
      ByteBuffer bigger = ByteBuffer.allocate(appIn.remaining() + appSize);
      bigger.put(appIn).flip();
      appIn = bigger;
    }
  }

  /** Decrypts one record from {@code netIn} into {@code appIn}: false if none is complete. */
  private boolean unwrapOne() throws SocketError {
    SSLEngineResult r = unwrap(appIn.compact());
    appIn.flip();
    if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
      runTasks();
    }
    return r.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW;
  }

  private SSLEngineResult unwrap(ByteBuffer into) throws SocketError {
    SSLEngineResult r;
    try {
      r = engine.unwrap(netIn, into);
    } catch (SSLException e) {
      throw alertSent(e);
    }
    switch (r.getStatus()) {
      case CLOSED -> closeNotifyReceived = true;
      case BUFFER_OVERFLOW -> throw new IllegalStateException("no room for a record: " + into);
      default -> {}
    }
    if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      handshakeDone = true;
    }
    return r;
  }

  private SSLEngineResult wrap(ByteBuffer from) throws SocketError {
    netOut.compact();
    SSLEngineResult r;
    try {
      r = engine.wrap(from, netOut);
    } catch (SSLException e) {
      // netOut back to reading first: alertSent adds the alert to what waits to be written.
      netOut.flip();
      throw alertSent(e);
    }
    netOut.flip();
    if (r.getStatus() == SSLEngineResult.Status.CLOSED && from.hasRemaining()) {
      throw TlsErrors.closed();
    }
    if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
      handshakeDone = true;
    }
    return r;
  }

  /**
   * The engine failed: it has made the alert that tells the peer why; it goes out if the kernel
   * takes it now (a best effort, as OpenSSL's).
   */
  private SocketError alertSent(SSLException e) {
    SocketError error = TlsErrors.map(e, this);
    try {
      netOut.compact();
      try {
        engine.wrap(ByteBuffer.allocate(0), netOut);
      } finally {
        netOut.flip();
      }
    } catch (SSLException again) {
      // The alert could not be made: the peer learns from the closed connection.
    }
    return error;
  }

  /**
   * Reads what the kernel holds into {@code netIn}.
   *
   * @return bytes read, 0 if none were there, -1 at EOF (remembered)
   */
  private int fill(SocketChannel channel) throws SocketError {
    if (netIn.capacity() - netIn.remaining() < engine.getSession().getPacketBufferSize()) {
      ByteBuffer bigger =
          ByteBuffer.allocate(netIn.remaining() + engine.getSession().getPacketBufferSize());
      bigger.put(netIn).flip();
      netIn = bigger;
    }
    netIn.compact();
    int n;
    try {
      n = channel.read(netIn);
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } finally {
      netIn.flip();
    }
    if (n > 0 && !handshakeDone && firstBytes.size() < 64) {
      ByteBuffer start = netIn.duplicate();
      start.position(netIn.limit() - n).limit(Math.min(netIn.limit(), netIn.limit() - n + 64));
      firstBytes = firstBytes.concat(ByteString.read(start));
    }
    if (n < 0) {
      endOfStream();
    }
    return n;
  }

  /** The kernel says EOF: before the handshake ended, or in a record, it is an SSLEOFError. */
  private void endOfStream() throws SocketError {
    if (closeNotifyReceived) {
      return;
    }
    if (!handshakeDone || netIn.hasRemaining()) {
      throw TlsErrors.unexpectedEof();
    }
    eofWithoutCloseNotify = true;
    try {
      engine.closeInbound();
    } catch (SSLException e) {
      // The engine objects to an EOF without close_notify; Python's recv returns b'' for it.
    }
  }

  private void runTasks() {
    for (Runnable task = engine.getDelegatedTask(); task != null; ) {
      task.run();
      task = engine.getDelegatedTask();
    }
  }

  private void raisePending() throws SocketError {
    checkFailure();
    if (pendingError != null) {
      SocketError e = pendingError;
      pendingError = null;
      throw fail(e);
    }
  }

  private void checkFailure() throws SocketError {
    if (failure != null) {
      throw failure;
    }
  }

  /** A TLS error ends the TLS connection (the engine is closed); a timeout or Ctrl-C does not. */
  private SocketError fail(SocketError e) {
    if (e.type().isSsl() || e.errno() != null) {
      failure = e;
    }
    return e;
  }
}
