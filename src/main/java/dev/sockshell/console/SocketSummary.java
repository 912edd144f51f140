package dev.sockshell.console;

import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;

/** One short phrase saying what a socket is now, for the completion menu: "TCP listening on …". */
final class SocketSummary {
  private SocketSummary() {}

  static String of(NetSocket s) {
    String kind = s.type() == SockType.SOCK_STREAM ? "TCP" : "UDP";
    SocketState state = s.state();
    return switch (state) {
      case UNBOUND -> kind + ", not bound yet";
      case BOUND -> kind + " bound to " + local(s);
      case LISTENING -> kind + " listening on " + local(s);
      case CONNECTING -> kind + " connecting";
      case CONNECTED -> kind + " connected to " + peer(s);
      case CLOSED -> kind + ", closed";
    };
  }

  /** The socket's bound address, or null if it has none a peer could reach. */
  static SockAddress boundAddress(NetSocket s) {
    if (s.state() == SocketState.CLOSED || s.state() == SocketState.UNBOUND) {
      return null;
    }
    try {
      SockAddress local = s.localAddress();
      boolean unbound =
          local instanceof SockAddress.Inet inet && inet.port() == 0
              || local instanceof SockAddress.Unix u && u.path().toString().isEmpty();
      return unbound ? null : local;
    } catch (SocketError e) {
      return null;
    }
  }

  private static String local(NetSocket s) {
    SockAddress local = boundAddress(s);
    return local == null ? "?" : local.toString();
  }

  private static String peer(NetSocket s) {
    try {
      return s.peerAddress().toString();
    } catch (SocketError e) {
      return "?";
    }
  }
}
