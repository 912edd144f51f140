package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The listening side of a {@link StreamSocket}: listen swaps the socket's channel for a {@code
 * ServerSocketChannel} bound to the same address (BSD decides client or server at listen, the JDK
 * at construction), accept hands out connections with what Linux's accepted sockets inherit, and
 * shutdown stops it listening as Linux does.
 */
final class StreamListener {
  private final StreamSocket socket;
  private ServerSocketChannel server;
  private int backlog;

  StreamListener(StreamSocket socket) {
    this.socket = socket;
  }

  /** TLS for every connection accepted ({@code tls NAME --server}), or null. */
  TlsContext tls;

  /** The listening channel, or null when the socket is not listening. */
  ServerSocketChannel server() {
    return server;
  }

  /** The listening backlog, 0 when not listening. */
  int backlog() {
    return backlog;
  }

  /** Python's {@code listen} on an open socket whose pending connect was looked at. */
  void listen(int backlog) throws SocketError {
    switch (socket.stateNow()) {
      case CONNECTED, CONNECTING ->
          throw SocketError.of(Errno.EINVAL)
              .withHint(Text.get("hint.listen.connected", socket.name()));
      case LISTENING -> {
        if (backlog != this.backlog) {
          throw SocketError.jvmCannot(Text.get("jvm.cannot.backlog.change", backlog))
              .withHint(Text.get("hint.backlog.kept", socket.name(), this.backlog));
        }
        return; // the same backlog again: nothing changes, as on Linux
      }
      case UNBOUND -> {
        if (socket.family() == Family.AF_UNIX) {
          throw SocketError.of(Errno.EINVAL).withHint(Text.get("hint.unix.listen.unbound"));
        }
      }
      default -> {}
    }
    if (backlog == 0) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.backlog.zero"))
          .withAdvice(Advice.Kind.LARGER_BACKLOG, socket.name());
    }
    if (socket.connectFailedAndReported()) {
      throw SocketError.of(Errno.EINVAL)
          .withAdvice(Advice.Kind.CONNECT_FAILED_FIRST, socket.name());
    }
    StreamPort port = socket.port;
    // Listening on a socket whose port was released binds a new one (on the kept address).
    SockAddress local =
        socket.stateNow() == SocketState.BOUND
            ? socket.channelAddress()
            : Objects.requireNonNullElse(
                port.lockedAddress(), SockAddress.unbound(socket.family()));
    ServerSocketChannel listener;
    try {
      listener = StreamChannels.listener(socket, socket.stream, local, backlog, port.socketFile);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      SocketError error = JdkErrors.map(e).at(local);
      socket.stream = StreamChannels.open(socket.family());
      socket.moveTo(SocketState.UNBOUND);
      throw error;
    }
    if (port.socketFile != null) {
      port.socketFile = SocketFile.created(port.socketFile.path());
    }
    port.forgetReleased();
    server = listener;
    socket.stream = null;
    this.backlog = backlog;
    socket.moveTo(SocketState.LISTENING);
  }

  /** Python's {@code accept}: the next connection as a new socket called {@code newName}. */
  StreamSocket accept(Supplier<String> newName) throws SocketError {
    if (socket.stateNow() != SocketState.LISTENING) {
      if (socket.stateNow() == SocketState.CONNECTED) {
        // Unconnected sockets are readable at once for poll (hang-up); a connection is not.
        socket.waitLikeCPython(SelectionKey.OP_READ, "accept on " + socket.name());
      }
      throw SocketError.of(Errno.EINVAL).withAdvice(Advice.Kind.LISTEN_FIRST, socket.name());
    }
    long deadline = socket.timeout.deadlineFromNow();
    try {
      while (true) {
        SocketChannel accepted = server.accept();
        if (accepted != null) {
          accepted.configureBlocking(false);
          passOptionsTo(accepted);
          return StreamSocket.accepted(newName.get(), socket, accepted);
        }
        socket.checkMayWait();
        socket.context.waiter.await(
            server, SelectionKey.OP_ACCEPT, deadline, "accept on " + socket.name());
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** A connection waiting now, named by {@code name} once there is one; else null. */
  StreamSocket acceptNow(Supplier<String> name) throws SocketError {
    if (socket.stateNow() != SocketState.LISTENING) {
      throw SocketError.of(Errno.EINVAL)
          .withHint(Text.get("hint.not.listening.short", socket.name()));
    }
    try {
      SocketChannel accepted = server.accept();
      if (accepted == null) {
        return null;
      }
      accepted.configureBlocking(false);
      passOptionsTo(accepted);
      return StreamSocket.accepted(name.get(), socket, accepted);
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** What Linux's accepted sockets inherit from the listener, set by hand. */
  private void passOptionsTo(SocketChannel accepted) throws SocketError {
    for (Map.Entry<SockOpt, OptionValue> e : socket.userOptions.entrySet()) {
      if (socket.passedToAccepted(e.getKey())) {
        try {
          socket.applyOption(accepted, e.getKey(), e.getValue());
        } catch (SocketError error) {
          socket.context.waiter.release(accepted);
          throw error;
        }
      }
    }
  }

  /**
   * Linux's shutdown of a listening socket: SHUT_WR changes nothing; SHUT_RD (and SHUT_RDWR) stops
   * it listening, resets the connections not yet accepted and leaves it unconnected, keeping only a
   * port the user chose (measured with Python). The JDK's listening channel has no shutdown, so it
   * is closed, which resets the queued connections the same way.
   */
  void shutdown(ShutdownHow how) throws SocketError {
    if (how == ShutdownHow.SHUT_WR) {
      return;
    }
    if (socket.family() == Family.AF_UNIX) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.unix.listener.shutdown"))
          .withAdvice(Advice.Kind.CLOSE_TO_STOP_LISTENING, socket.name());
    }
    SockAddress listened = socket.channelAddress();
    close();
    socket.reopen(listened);
  }

  /** Closes the listening channel, if any. */
  void close() {
    if (server != null) {
      socket.context.waiter.release(server);
      server = null;
      backlog = 0;
      tls = null;
    }
  }
}
