package dev.sockshell.net;

import java.util.List;

/**
 * What the user can do about an error, when that is a command to type: the net layer says which
 * advice, for which socket and with which facts, and the commands layer words it ({@code
 * commands.Hints}), since only it knows the command language.
 *
 * @param details the facts the advice tells besides the socket (how many bytes were kept)
 */
public record Advice(Kind kind, String socket, List<Object> details) {
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
    USE_ACCEPTED,
    /** send on a UDP socket with no peer: connect it, or sendto an address. */
    CONNECT_OR_SENDTO,
    /** sendto on a stream socket: send, to its peer. */
    SEND_ON_STREAM,
    /** select given a closed socket: only open ones. */
    SELECT_OPEN_ONLY,
    /** connect while a connect is in progress: select, or wait. */
    WAIT_FOR_CONNECT,
    /** A stream call on a socket that is not connected: connect it, or accept. */
    CONNECT_OR_ACCEPT,
    /** recvfile stopped by the file: the bytes kept (details: written, kept) are for recv. */
    RECV_KEPT,
    /** setsockopt of a read-only option (details: the option): getsockopt reads it. */
    READ_WITH_GETSOCKOPT,
    /** AF_UNIX SOCK_DGRAM, which the JVM cannot make: AF_UNIX SOCK_STREAM. */
    UNIX_STREAM_INSTEAD,
    /** IPV6_V6ONLY 1, which the JVM cannot set: bind an IPv6 address instead. */
    BIND_IPV6_ONLY,
    /** A call on a closed socket: create a new one. */
    NEW_SOCKET,
    /** connect after a connect that failed and was reported: connect again. */
    CONNECT_FAILED_BEFORE,
    /** A connect that failed in the background, reported now: connect again. */
    CONNECT_FAILED_EARLIER,
    /** A call that needs the connection whose connect failed: connect again first. */
    CONNECT_FAILED_FIRST,
    /** connect on a connection that is over: connect again for another. */
    CONNECTION_OVER
  }

  public Advice {
    details = List.copyOf(details);
  }
}
