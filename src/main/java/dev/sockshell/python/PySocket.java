package dev.sockshell.python;

import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;

/**
 * A Python socket object that is one of the session's named sockets: the same socket {@code /list}
 * shows and the commands use by its name.
 *
 * @param madeByPython created by a Python line (so, once no name refers to it, Python's garbage
 *     collector would have closed it); false for a socket a command made
 */
record PySocket(NetSocket socket, boolean madeByPython) {
  String name() {
    return socket.name();
  }

  boolean isClosed() {
    return socket.state() == SocketState.CLOSED;
  }

  /** {@code <socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 9999)>}. */
  String repr() {
    StringBuilder sb = new StringBuilder("<socket.socket ");
    if (isClosed()) {
      sb.append("[closed] fd=-1");
    } else {
      int fd = Fds.of(socket);
      sb.append("fd=").append(fd < 0 ? "?" : String.valueOf(fd));
    }
    sb.append(", family=").append(socket.family().number());
    sb.append(", type=").append(socket.type().number());
    sb.append(", proto=0");
    if (!isClosed()) {
      try {
        sb.append(", laddr=").append(Reprs.repr(Convert.address(socket.localAddress())));
      } catch (SocketError e) {
        // Python leaves laddr out when getsockname fails.
      }
      try {
        SockAddress peer = socket.peerAddress();
        sb.append(", raddr=").append(Reprs.repr(Convert.address(peer)));
      } catch (SocketError e) {
        // not connected
      }
    }
    return sb.append('>').toString();
  }
}
