package dev.sockshell.trace;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Family;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;

/**
 * One thing that happened on a socket of the session. Sockets are numbered ({@code socket}) in the
 * order they appear, so a name used again after {@code close} is a new socket. Addresses are as the
 * socket saw them when it happened.
 */
public sealed interface TraceEvent {
  /** How many of the first bytes of a send or recv are kept (the rest is only counted). */
  int HEAD = dev.sockshell.net.SendListener.HEAD;

  /** When, in nanoseconds since the trace began. */
  long nanos();

  Origin origin();

  /** The socket it happened on. */
  int socket();

  /** {@code socket NAME}, or a socket the background created. */
  record Opened(long nanos, Origin origin, int socket, String name, Family family, SockType type)
      implements TraceEvent {}

  /** {@code accept}: the listener {@code socket} made {@code accepted}, called {@code name}. */
  record Accepted(
      long nanos,
      Origin origin,
      int socket,
      int accepted,
      String name,
      SockAddress local,
      SockAddress peer)
      implements TraceEvent {}

  /** The socket has an address: bind, or the one the OS chose at connect or sendto. */
  record Bound(long nanos, Origin origin, int socket, SockAddress local) implements TraceEvent {}

  record Listening(long nanos, Origin origin, int socket, SockAddress local, int backlog)
      implements TraceEvent {}

  /** A stream's handshake completed, or a datagram socket got its default peer. */
  record Connected(
      long nanos, Origin origin, int socket, SockAddress local, SockAddress peer, boolean stream)
      implements TraceEvent {}

  /**
   * Bytes the socket sent ({@code call}: send, sendall, sendto, sendfile): {@code size} in all, the
   * first {@link #HEAD} kept. {@code offset}: how many the socket had sent on this connection
   * before (-1 for a datagram), so the recv that took them can be found.
   */
  record Sent(
      long nanos,
      Origin origin,
      int socket,
      String call,
      SockAddress to,
      long size,
      ByteString head,
      long offset)
      implements TraceEvent {}

  /**
   * Bytes a {@code call} (recv, recvfrom, recvfile) returned ({@code size} 0 with {@code eof}: the
   * peer's FIN). {@code offset}: how many the socket had received on this connection before (-1 for
   * a datagram).
   */
  record Received(
      long nanos,
      Origin origin,
      int socket,
      String call,
      SockAddress from,
      long size,
      ByteString head,
      long offset,
      boolean eof)
      implements TraceEvent {}

  record Shutdown(long nanos, Origin origin, int socket, ShutdownHow how, SockAddress peer)
      implements TraceEvent {}

  /**
   * The socket was closed; {@code peer} is who its stream was connected to (null: nobody), {@code
   * reset} why the close sent RST rather than FIN (null: it sent FIN).
   */
  record Closed(long nanos, Origin origin, int socket, SockAddress peer, String reset)
      implements TraceEvent {}

  /** What kind of failure, as the pictures mark it. */
  enum Failure {
    /** ECONNREFUSED: nothing listens there (or an ICMP port unreachable came back). */
    REFUSED,
    /** The timeout passed with nothing to show. */
    TIMEOUT,
    /** ECONNRESET or EPIPE after a reset: the peer answered with RST. */
    RESET,
    OTHER
  }

  /**
   * A call that raised: {@code call} (connect, recv…), {@code error} as Python prints it (with the
   * address it was about, if any), {@code peer} the peer of a connected socket, or null.
   */
  record Failed(
      long nanos,
      Origin origin,
      int socket,
      String call,
      Failure failure,
      String error,
      SockAddress peer)
      implements TraceEvent {}

  /** Background work said in words (a served connection, an automatic reply, a relay). */
  record Note(long nanos, Origin origin, int socket, String text) implements TraceEvent {}
}
