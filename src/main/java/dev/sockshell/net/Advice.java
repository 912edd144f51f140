package dev.sockshell.net;

/**
 * What the user can do about an error, when that is a command to type: the net layer says which
 * advice and for which socket, and the commands layer words it ({@code commands.Hints}), since only
 * it knows the command language.
 */
public record Advice(Kind kind, String socket) {
  /** The advices, each a next step on the socket. */
  public enum Kind {
    /** sendfile on a non-blocking socket: make it blocking. */
    BLOCKING_FOR_SENDFILE,
    /** A connected UDP socket sending elsewhere: connect it there, or use another. */
    CONNECT_THERE,
    /** sendto a broadcast address: set SO_BROADCAST. */
    BROADCAST_OPTION,
    /** listen with backlog 0 while one connection waits: a larger backlog. */
    LARGER_BACKLOG,
    /** accept on a socket that does not listen: listen first. */
    LISTEN_FIRST,
    /** A listening socket asked to do what only closing it does. */
    CLOSE_TO_STOP_LISTENING,
    /** A TLS handshake on a non-blocking socket: make it blocking. */
    BLOCKING_FOR_HANDSHAKE,
    /** TLS on a listening socket without --server. */
    TLS_SERVER,
    /** TLS on a socket that is neither connected nor listening. */
    CONNECT_BEFORE_TLS,
    /** shutdown of a socket that never connected. */
    CONNECT_BEFORE_SHUTDOWN,
    /** TLS again on a socket that already uses it: unwrap first. */
    UNWRAP_FIRST,
    /** A TLS call on a socket without TLS. */
    START_TLS,
    /** send or recv on a listening socket: use the connection accept returns. */
    USE_ACCEPTED
  }
}
