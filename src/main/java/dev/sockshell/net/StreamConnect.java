package dev.sockshell.net;

import java.io.IOException;
import java.nio.channels.SelectionKey;

/**
 * The connect of a stream socket, blocking or not. A non-blocking connect finishes later, noticed
 * by the next call or by select, and its failure is reported once, as Linux reports a socket's
 * pending error. The JDK closes the channel of a failed connect, where Linux keeps the socket,
 * unconnected and still bound to its port (the user's bind, or the one the kernel chose for the
 * connect), so a new channel bound there takes its place.
 */
final class StreamConnect {
  private final StreamSocket socket;
  private SockAddress target;

  /** The error of a non-blocking connect that failed, reported once by the next call. */
  private SocketError error;

  StreamConnect(StreamSocket socket) {
    this.socket = socket;
  }

  /** Where the last connect went. */
  SockAddress target() {
    return target;
  }

  /** Connects an unconnected socket: at once, or after a wait, or EINPROGRESS (non-blocking). */
  void start(SockAddress address) throws SocketError {
    try {
      target = address;
      if (!socket.stream.connect(address.jdk())) {
        socket.state = SocketState.CONNECTING;
        if (socket.keptBind == null) {
          socket.keptBind = autoBoundPort();
        }
        if (socket.timeout.isNonBlocking()) {
          throw SocketError.of(Errno.EINPROGRESS).at(address);
        }
        finish();
      }
      socket.state = SocketState.CONNECTED;
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw failed(JdkErrors.map(e).at(address));
    }
  }

  /** The port the kernel bound for a connect, on the wildcard address, as Linux keeps it. */
  private SockAddress autoBoundPort() throws IOException {
    SockAddress local = SockAddress.fromJdk(socket.stream.getLocalAddress(), socket.family());
    return local instanceof SockAddress.Inet inet
        ? new SockAddress.Inet(Resolver.wildcard(socket.family()), inet.port())
        : null;
  }

  /** Waits for a pending connect and completes it. */
  private void finish() throws SocketError, IOException {
    String what = "connect " + socket.name() + " to " + target;
    socket.context.waiter.await(
        socket.stream, SelectionKey.OP_CONNECT, socket.timeout.deadlineFromNow(), what);
    socket.stream.finishConnect();
    socket.state = SocketState.CONNECTED;
  }

  /** Replaces the channel the JDK closed after a failed connect; returns {@code error}. */
  private SocketError failed(SocketError error) throws SocketError {
    if (!socket.stream.isOpen()) {
      socket.state = SocketState.UNBOUND;
      socket.stream = StreamChannels.open(socket.family());
      socket.reapplyOptions(socket.stream);
      if (socket.keptBind != null) {
        try {
          socket.socketFile =
              StreamChannels.rebind(socket.stream, socket.keptBind, socket.socketFile);
          socket.state = SocketState.BOUND;
        } catch (IOException e) {
          return error.withHint("and " + socket.name() + " lost its bind to " + socket.keptBind);
        }
      }
    }
    return error;
  }

  /** Notices a non-blocking connect that finished (or failed) since the last call. */
  void refresh() {
    if (socket.state != SocketState.CONNECTING) {
      return;
    }
    try {
      if (socket.stream.finishConnect()) {
        socket.state = SocketState.CONNECTED;
      }
    } catch (IOException e) {
      // The failure itself is reported by the next call that needs the connection.
      error =
          JdkErrors.map(e)
              .at(target)
              .withHint(
                  "the connect "
                      + socket.name()
                      + " started earlier failed; connect again to retry");
      try {
        failed(error);
      } catch (SocketError ignored) {
        // The socket could not be rebuilt; the next call reports the connect error.
      }
    }
  }

  /** Reports, once, how a non-blocking connect failed. */
  void throwError() throws SocketError {
    if (error != null) {
      SocketError e = error;
      error = null;
      throw e;
    }
  }

  /** Makes sure the socket is connected for send/recv, finishing a pending connect. */
  void awaitConnected(Errno unconnected) throws SocketError {
    refresh();
    throwError();
    if (socket.state == SocketState.CONNECTING) {
      socket.checkMayWait();
      try {
        finish();
      } catch (IOException e) {
        throw failed(JdkErrors.map(e).at(target));
      }
    }
    if (socket.state == SocketState.LISTENING) {
      throw SocketError.of(unconnected)
          .withHint(
              socket.name()
                  + " is a listening socket; send and recv on the connection accept "
                  + socket.name()
                  + " returns");
    }
    if (socket.state != SocketState.CONNECTED) {
      throw SocketError.of(unconnected)
          .withHint(socket.name() + " is not connected; connect it, or accept a connection");
    }
  }
}
