package dev.sockshell.net;

import java.io.IOException;
import java.nio.channels.SelectionKey;

/**
 * The connect of a stream socket, blocking or not. A non-blocking connect finishes later, noticed
 * by the next call or by select, and its failure is reported once, as Linux reports a socket's
 * pending error. The JDK closes the channel of a failed connect, where Linux keeps the socket,
 * unconnected, so a new channel takes its place ({@link StreamSocket#reopen}).
 *
 * <p>Linux's socket layer also remembers that a connect was started when the call returned before
 * the handshake ended (EINPROGRESS, and Python's timeouts, which wait in {@code poll} and read
 * SO_ERROR instead of waiting in connect): measured with Python, the next connect then returns
 * success once if the connection was made, and fails with ECONNABORTED if the failure was already
 * reported by another call (recv, send, or Python's timeout wait).
 */
final class StreamConnect {
  private final StreamSocket socket;
  private SockAddress target;

  /** The host name the last connect was given (not an address literal), or null: for TLS. */
  private String host;

  /** The error of a non-blocking connect that failed, reported once by the next call. */
  private SocketError error;

  /** Connected after the connect call returned: the next connect returns success once. */
  private boolean successUnreported;

  /**
   * The connect failed and another call reported it: until the next connect (ECONNABORTED) the
   * socket reads EOF, sends EPIPE and cannot listen.
   */
  private boolean aborted;

  StreamConnect(StreamSocket socket) {
    this.socket = socket;
  }

  /** Where the last connect went. */
  SockAddress target() {
    return target;
  }

  boolean aborted() {
    return aborted;
  }

  /** A shutdown settles the socket layer's state: a later connect says EISCONN at once. */
  void settle() {
    successUnreported = false;
  }

  /** The host name the last connect was given, or null for an address. */
  String host() {
    return host;
  }

  /** Python's {@code connect} on a socket that is open, in any state. */
  void connect(SockAddress address) throws SocketError {
    host = address instanceof SockAddress.Inet inet ? hostName(inet) : null;
    refresh();
    // Linux: connect again after a non-blocking connect failed returns that failure first.
    throwError();
    if (aborted) {
      aborted = false;
      throw SocketError.of(Errno.ECONNABORTED)
          .at(address)
          .withAdvice(Advice.Kind.CONNECT_FAILED_BEFORE, socket.name());
    }
    switch (socket.stateNow()) {
      case CONNECTED -> {
        if (!successUnreported) {
          throw SocketError.of(Errno.EISCONN).at(address);
        }
        // Linux returns 0 once, then EISCONN; but on a connection already closed it reports the
        // socket's error (a reset no call reported yet), else ECONNABORTED, and leaves the socket
        // unconnected. Only a reset closes a socket that has not sent its own FIN.
        successUnreported = false;
        boolean reset = StreamShutdown.takeUnreportedReset(socket, socket.stream);
        if (reset || socket.connectionClosed()) {
          socket.context.waiter.release(socket.stream);
          throw failed(
              SocketError.of(reset ? Errno.ECONNRESET : Errno.ECONNABORTED)
                  .at(address)
                  .withAdvice(Advice.Kind.CONNECTION_OVER, socket.name()));
        }
      }
      case LISTENING -> throw SocketError.of(Errno.EISCONN).at(address);
      case CONNECTING ->
          throw SocketError.of(Errno.EALREADY)
              .at(target)
              .withAdvice(Advice.Kind.WAIT_FOR_CONNECT, socket.name());
      default -> start(address);
    }
  }

  /** Connects an unconnected socket: at once, or after a wait, or EINPROGRESS (non-blocking). */
  private void start(SockAddress address) throws SocketError {
    target = address;
    successUnreported = false;
    boolean pending;
    try {
      socket.port.bindLockedAddress();
      pending = !socket.stream.connect(address.jdk());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw failed(JdkErrors.map(e).at(address)); // connect(2) itself failed
    }
    if (!pending) {
      socket.moveTo(SocketState.CONNECTED);
      return;
    }
    socket.moveTo(SocketState.CONNECTING);
    // Until a blocking connect returns, Linux's socket layer says connecting (so does the
    // kernel after Ctrl-C, or after Python's timeout wait).
    successUnreported = true;
    if (socket.timeout.isNonBlocking()) {
      throw SocketError.of(Errno.EINPROGRESS).at(address);
    }
    try {
      finish();
    } catch (IOException e) {
      SocketError failure = failed(JdkErrors.map(e).at(address));
      // A blocking connect reports its failure itself; Python's timeout wait reads SO_ERROR.
      aborted = !socket.timeout.isBlocking();
      throw failure;
    }
    successUnreported = !socket.timeout.isBlocking();
  }

  /** Waits for a pending connect and completes it. */
  private void finish() throws SocketError, IOException {
    String what = "connect " + socket.name() + " to " + target;
    socket.context.waiter.await(
        socket.stream, SelectionKey.OP_CONNECT, socket.timeout.deadlineFromNow(), what);
    socket.stream.finishConnect();
    socket.moveTo(SocketState.CONNECTED);
  }

  /** Replaces the channel the JDK closed after a failed connect; returns {@code error}. */
  private SocketError failed(SocketError error) throws SocketError {
    successUnreported = false;
    if (!socket.stream.isOpen()) {
      // The JDK closed it, but a selector key it waited with still holds its port until flushed.
      socket.context.waiter.release(socket.stream);
      try {
        socket.reopen(null);
      } catch (SocketError lost) {
        return lost.hint() == null ? error : error.withHint("and " + lost.hint());
      }
    }
    return error;
  }

  /** Notices a non-blocking connect that finished (or failed) since the last call. */
  void refresh() {
    if (socket.stateNow() != SocketState.CONNECTING) {
      return;
    }
    try {
      if (socket.stream.finishConnect()) {
        socket.moveTo(SocketState.CONNECTED);
      }
    } catch (IOException e) {
      // The failure itself is reported by the next call that needs the connection.
      error =
          JdkErrors.map(e).at(target).withAdvice(Advice.Kind.CONNECT_FAILED_EARLIER, socket.name());
      try {
        failed(error);
      } catch (SocketError ignored) {
        // The socket could not be rebuilt; the next call reports the connect error.
      }
    }
  }

  /**
   * getsockopt SO_ERROR: takes the error of a failed non-blocking connect (null if none), which
   * leaves the socket {@link #aborted} as the kernel does once SO_ERROR was read.
   */
  Errno takeError() {
    refresh();
    if (error == null) {
      return null;
    }
    Errno errno = error.errno();
    error = null;
    aborted = true;
    return errno;
  }

  /** Reports, once, how a non-blocking connect failed. */
  private void throwError() throws SocketError {
    if (error != null) {
      SocketError e = error;
      error = null;
      throw e;
    }
  }

  /**
   * Makes sure the socket is connected for send/recv, finishing a pending connect. A failure it
   * reports leaves the socket {@link #aborted}.
   */
  void awaitConnected(Errno unconnected) throws SocketError {
    refresh();
    if (error != null) {
      aborted = true;
      throwError();
    }
    if (socket.stateNow() == SocketState.CONNECTING) {
      socket.checkMayWait();
      try {
        finish();
      } catch (IOException e) {
        SocketError failure = failed(JdkErrors.map(e).at(target));
        aborted = true;
        throw failure;
      }
    }
    if (socket.stateNow() == SocketState.LISTENING) {
      throw SocketError.of(unconnected).withAdvice(Advice.Kind.USE_ACCEPTED, socket.name());
    }
    if (socket.stateNow() != SocketState.CONNECTED) {
      throw SocketError.of(unconnected).withAdvice(Advice.Kind.CONNECT_OR_ACCEPT, socket.name());
    }
  }

  /** The name {@code address} was resolved from, never a reverse lookup; null for a literal. */
  private static String hostName(SockAddress.Inet address) {
    String text = address.address().toString(); // "name/1.2.3.4", or "/1.2.3.4" for a literal
    int slash = text.indexOf('/');
    return slash > 0 ? text.substring(0, slash) : null;
  }
}
