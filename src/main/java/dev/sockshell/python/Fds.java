package dev.sockshell.python;

import dev.sockshell.net.NetSocket;
import java.lang.reflect.Method;
import java.nio.channels.SelectableChannel;

/**
 * A socket's file descriptor, for {@code fileno()} and the repr. The JDK keeps it inside its
 * channel implementation; the jar's manifest opens {@code sun.nio.ch} so it can be read. Where the
 * JVM refuses, the number is unknown: {@code fileno()} says so instead of inventing one.
 */
final class Fds {
  private Fds() {}

  /** The descriptor, or -1 if the JVM does not tell. */
  static int of(NetSocket socket) {
    SelectableChannel channel = socket.watchable();
    if (channel == null) {
      return -1;
    }
    try {
      Method m = channel.getClass().getMethod("getFDVal");
      m.setAccessible(true);
      return (Integer) m.invoke(channel);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }
}
