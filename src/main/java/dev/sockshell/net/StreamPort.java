package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What a stream socket keeps of its bind when sockshell must give it a new JDK channel (after a
 * failed connect, or after a shutdown that stopped it listening), as Linux keeps it on its one
 * socket, measured with Python: a port the user chose, and an AF_UNIX path, stay bound; a port 0
 * bind, or the port the kernel picked for a connect or listen, is released, though a specific
 * address given to bind stays the address of the next connect or listen (which gets a new port).
 * Until then {@code getsockname} still shows the old address and port.
 */
final class StreamPort {
  private final StreamSocket socket;

  /** What the user passed to bind, resolved; null if the socket was never bound. */
  private SockAddress requested;

  /** AF_UNIX: the file bind created, or null. */
  SocketFile socketFile;

  /** What getsockname shows while the released socket is unbound; null when unknown or bound. */
  private SockAddress released;

  StreamPort(StreamSocket socket) {
    this.socket = socket;
  }

  /** Binds the socket's channel, with hints for the two EADDRINUSE a learner meets. */
  void bind(SockAddress address) throws SocketError {
    try {
      socket.stream.bind(address.jdk());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      SocketError error = JdkErrors.map(e).at(address);
      if (socket.family() == Family.AF_UNIX && error.errno() == Errno.EADDRINUSE) {
        error = error.withHint(occupiedPathHint(((SockAddress.Unix) address).path()));
      } else if (error.errno() == Errno.EADDRINUSE && reusesAddress()) {
        error = error.withHint(Text.get("hint.port.held"));
      }
      throw error;
    }
    bound(address);
  }

  /**
   * Why an AF_UNIX bind found its path taken. Unlinking is the cure only for a socket's file: the
   * same EADDRINUSE for /etc/passwd must not suggest removing it.
   */
  private static String occupiedPathHint(Path path) {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return Text.get("hint.unix.path.directory");
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return Text.get("hint.unix.path.file");
    }
    return Text.get("hint.unix.path.socket");
  }

  /** True if SO_REUSEADDR is set, so a bind that failed was not held up by TIME_WAIT. */
  private boolean reusesAddress() {
    try {
      return socket.stream.getOption(StandardSocketOptions.SO_REUSEADDR);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private void bound(SockAddress address) {
    requested = address;
    released = null;
    if (address instanceof SockAddress.Unix u) {
      socketFile = SocketFile.created(u.path());
    }
  }

  /**
   * getsockname: the channel's address, or what Linux shows of a released port.
   *
   * @throws SocketError for a connect in progress, whose port the JDK does not tell
   */
  SockAddress localAddress() throws SocketError {
    SockAddress shown = socket.stateNow() == SocketState.UNBOUND ? shownWhileUnbound() : null;
    if (shown != null) {
      return shown;
    }
    SockAddress local = socket.channelAddress();
    if (socket.stateNow() == SocketState.CONNECTING
        && local.equals(SockAddress.unbound(socket.family()))) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.port.connecting"))
          .withHint(Text.get("hint.no.port.yet"));
    }
    return local;
  }

  /**
   * Gives the socket a fresh channel in the state Linux leaves it in after a failed connect, or
   * after a shutdown stopped it listening: unconnected, and still bound only where the user chose a
   * port or a path.
   *
   * @param shown what getsockname shows until the next bind, connect or listen; null if unknown
   * @throws SocketError if the kept bind cannot be made again (the socket is then unbound)
   */
  void reopen(SockAddress shown) throws SocketError {
    socket.stream = StreamChannels.open(socket.family());
    socket.reapplyOptions(socket.stream);
    socket.moveTo(SocketState.UNBOUND);
    released = keepsPort() ? null : shown;
    if (keepsPort()) {
      try {
        socketFile = StreamChannels.rebind(socket.stream, requested, socketFile);
      } catch (IOException e) {
        throw JdkErrors.map(e).withHint(Text.get("hint.bind.lost", socket.name(), requested));
      }
      socket.moveTo(SocketState.BOUND);
    }
  }

  /** Binds a socket whose port was released to the address Linux kept for its next port. */
  void bindLockedAddress() throws IOException {
    SockAddress locked = lockedAddress();
    if (socket.stateNow() == SocketState.UNBOUND && locked != null) {
      socket.stream.bind(locked.jdk());
    }
    released = null;
  }

  SockAddress requested() {
    return requested;
  }

  /** True when Linux keeps the bind through a failed connect or a stopped listen. */
  boolean keepsPort() {
    return requested instanceof SockAddress.Unix
        || requested instanceof SockAddress.Inet inet && inet.port() != 0;
  }

  /**
   * The address (with port 0) a connect or listen must bind first on a socket whose port was
   * released, or null: Linux keeps a specific bind address for the next port.
   */
  SockAddress lockedAddress() {
    return requested != null && !keepsPort() ? requested : null;
  }

  /**
   * What getsockname shows on a socket whose port was released: the old address and port where
   * known, else the address kept for the next port with port 0; null if nothing was released.
   */
  private SockAddress shownWhileUnbound() {
    return released != null ? released : lockedAddress();
  }

  /** A new bind, connect or listen: the old address is no longer what getsockname shows. */
  void forgetReleased() {
    released = null;
  }
}
