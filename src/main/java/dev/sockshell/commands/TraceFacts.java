package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.net.Errno;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.trace.TraceEvent;
import java.util.Locale;

/** What {@link TraceRecorder} reads off a command and a socket: names, addresses, failures. */
final class TraceFacts {
  private TraceFacts() {}

  /** The socket a command is about, or null for one that touches none on its own. */
  static String socketName(Command c) {
    if (c instanceof Command.Socket x) {
      return x.name();
    } else if (c instanceof Command.Bind x) {
      return x.name();
    } else if (c instanceof Command.Listen x) {
      return x.name();
    } else if (c instanceof Command.Accept x) {
      return x.name();
    } else if (c instanceof Command.Connect x) {
      return x.name();
    } else if (c instanceof Command.Send x) {
      return x.name();
    } else if (c instanceof Command.SendAll x) {
      return x.name();
    } else if (c instanceof Command.Recv x) {
      return x.name();
    } else if (c instanceof Command.SendTo x) {
      return x.name();
    } else if (c instanceof Command.RecvFrom x) {
      return x.name();
    } else if (c instanceof Command.Shutdown x) {
      return x.name();
    } else if (c instanceof Command.Close x) {
      return x.name();
    } else if (c instanceof Command.SendFile x) {
      return x.name();
    } else if (c instanceof Command.RecvFile x) {
      return x.name();
    }
    return null;
  }

  /** The call as Python names it: {@code sendall}, {@code recvfrom}. */
  static String callOf(Command c) {
    return c == null ? "send" : CALLS.get(c.getClass());
  }

  /** A command class's call, worked out once: asked for every send a command makes. */
  private static final ClassValue<String> CALLS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          return type.getSimpleName().toLowerCase(Locale.ROOT);
        }
      };

  /** The failure of a background call, from its error as Python prints it. */
  static TraceEvent.Failure failureOf(String error) {
    if (error.startsWith("TimeoutError")) {
      return TraceEvent.Failure.TIMEOUT;
    } else if (error.contains("ECONNREFUSED")) {
      return TraceEvent.Failure.REFUSED;
    } else if (error.contains("ECONNRESET")) {
      return TraceEvent.Failure.RESET;
    }
    return TraceEvent.Failure.OTHER;
  }

  static TraceEvent.Failure failureOf(SocketError error) {
    if (error.type() == PyException.TimeoutError) {
      return TraceEvent.Failure.TIMEOUT;
    }
    Errno errno = error.errno();
    if (errno == Errno.ECONNREFUSED) {
      return TraceEvent.Failure.REFUSED;
    }
    if (errno == Errno.ECONNRESET) {
      return TraceEvent.Failure.RESET;
    }
    return TraceEvent.Failure.OTHER;
  }

  /**
   * Why closing {@code s} sends RST instead of FIN, or null if it sends FIN: bytes received that
   * nobody read, or SO_LINGER on with 0 seconds (Linux's tcp_close).
   */
  static String whyReset(NetSocket s) {
    if (s.bytesWaiting() > 0) {
      return Text.get("diagram.reset.unread");
    }
    try {
      boolean abort =
          s.getOption(SockOpt.SO_LINGER).value() instanceof OptionValue.Linger l
              && l.on()
              && l.seconds() == 0;
      return abort ? "SO_LINGER 0" : null;
    } catch (SocketError e) {
      return null;
    }
  }

  static SockAddress peerOf(NetSocket s) {
    if (s.state() == SocketState.CLOSED) {
      return null;
    }
    try {
      return s.state() == SocketState.CONNECTED ? s.peerAddress() : null;
    } catch (SocketError e) {
      return null;
    }
  }

  /** The socket's address, or null while it has none (port 0, an unbound AF_UNIX socket). */
  static SockAddress localOf(NetSocket s) {
    try {
      SockAddress a = s.localAddress();
      if (a instanceof SockAddress.Inet inet && inet.port() == 0) {
        return null;
      }
      if (a instanceof SockAddress.Unix unix && unix.path().toString().isEmpty()) {
        return null;
      }
      return a;
    } catch (SocketError e) {
      return null;
    }
  }
}
