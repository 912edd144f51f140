package dev.sockshell.net;

/** Test helpers for the net layer: loopback addresses and sessions. */
final class Sockets {
  private Sockets() {}

  static SockAddress.Inet loopback(int port) throws SocketError {
    return Resolver.resolve("127.0.0.1", port, Family.AF_INET);
  }

  /** A listening TCP socket on an ephemeral loopback port. */
  static NetSocket listening(Session session, String name) throws SocketError {
    NetSocket s = session.open(name, Family.AF_INET, SockType.SOCK_STREAM);
    s.bind(loopback(0));
    s.listen(5);
    return s;
  }

  /** A port where nothing listens, held by a bound-but-not-listening socket so none can take it. */
  static NetSocket closedPort(Session session, String name) throws SocketError {
    NetSocket s = session.open(name, Family.AF_INET, SockType.SOCK_STREAM);
    s.bind(loopback(0));
    return s;
  }

  static int port(NetSocket s) throws SocketError {
    return ((SockAddress.Inet) s.localAddress()).port();
  }
}
