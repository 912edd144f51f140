package dev.sockshell.net;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Optional;

/**
 * Turns what the JDK throws back into the errno the OS reported. The JDK folds errno into a few
 * exception types, so this looks at the type first and then at the message, which for socket calls
 * is the OS's {@code strerror} text. Each row is pinned by a test that provokes the real error on
 * loopback ({@code JdkErrorsTest}).
 */
final class JdkErrors {
  private JdkErrors() {}

  static SocketError map(Exception e) {
    if ("Unix domain path too long".equals(e.getMessage())) {
      // Python checks the length itself and raises OSError without an errno.
      return SocketError.python(PyException.OSError, "AF_UNIX path too long");
    }
    Errno errno = errnoOf(e).orElse(null);
    if (errno != null) {
      return SocketError.of(errno);
    }
    // Not a socket error the table knows: still an OSError, with the JDK's own words.
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return SocketError.python(PyException.OSError, message);
  }

  static Optional<Errno> errnoOf(Exception e) {
    if (e instanceof ClosedChannelException) {
      return Optional.of(Errno.EBADF);
    }
    if (e instanceof AlreadyConnectedException) {
      return Optional.of(Errno.EISCONN);
    }
    if (e instanceof ConnectionPendingException) {
      return Optional.of(Errno.EALREADY);
    }
    if (e instanceof NoConnectionPendingException || e instanceof NotYetConnectedException) {
      return Optional.of(Errno.ENOTCONN);
    }
    if (e instanceof AlreadyBoundException || e instanceof NotYetBoundException) {
      return Optional.of(Errno.EINVAL);
    }
    if (e instanceof UnresolvedAddressException) {
      return Optional.of(Errno.EAI_NONAME);
    }
    if (e instanceof UnsupportedAddressTypeException) {
      return Optional.of(Errno.EAFNOSUPPORT);
    }
    if (e instanceof PortUnreachableException) {
      // An ICMP port-unreachable reported on a later call of a connected UDP socket.
      return Optional.of(Errno.ECONNREFUSED);
    }
    if (e instanceof IOException && e.getMessage() != null) {
      return fromMessage(e.getMessage());
    }
    return Optional.empty();
  }

  private static Optional<Errno> fromMessage(String message) {
    Optional<Errno> exact = Errno.byMessage(message);
    if (exact.isPresent()) {
      return exact;
    }
    // The JDK shortens ECONNRESET on reads to "Connection reset".
    if (message.startsWith("Connection reset")) {
      return Optional.of(Errno.ECONNRESET);
    }
    // Some paths decorate the text ("Address already in use (Bind failed)").
    for (Errno errno : Errno.values()) {
      if (errno.number() > 0 && message.contains(errno.message())) {
        return Optional.of(errno);
      }
    }
    return Optional.empty();
  }
}
