package dev.sockshell.net;

import java.util.Collection;
import java.util.Map;

/**
 * Something that happened on a socket while nobody was calling it, found without consuming any
 * data: a client waiting to be accepted, bytes waiting to be read, the peer closing or resetting, a
 * connect finishing, a datagram waiting. Two equal events describe the same condition, so a
 * condition is reported once however often it is checked.
 *
 * @param socket the socket's name
 * @param count connections or bytes waiting; -1 when the OS cannot say
 * @param peer what the peer did, for {@link Kind#DATA}; {@link Peer#OPEN} otherwise
 */
public record SocketEvent(String socket, Kind kind, int count, Peer peer) {
  /**
   * What each of {@code sockets} has waiting now, told without a read or a wait (for {@code
   * /list}): bytes, and where the OS keeps socket tables (Linux), what the peer did, clients in the
   * backlog, datagrams. Sockets with nothing to tell are left out. Call on the thread that runs
   * commands.
   */
  public static Map<NetSocket, SocketEvent> waitingOn(Collection<NetSocket> sockets) {
    return Probe.peek(sockets);
  }

  /** What happened. */
  public enum Kind {
    /** Clients are waiting in a listening socket's backlog. */
    CONNECTIONS,
    /** A connected stream has {@code count} bytes to read, and maybe the peer closed after them. */
    DATA,
    /** A connect in progress finished. */
    CONNECTED,
    /** A connect in progress failed; the next call on the socket raises the error. */
    CONNECT_FAILED,
    /** A connect in progress ended, and only the next call can tell how (not Linux). */
    CONNECT_ENDED,
    /** A datagram is waiting. */
    DATAGRAM,
    /** A UDP socket has an error waiting, such as ECONNREFUSED from an earlier datagram. */
    DATAGRAM_ERROR,
    /** A datagram or an error is waiting, and only a call can tell which (not Linux). */
    DATAGRAM_OR_ERROR
  }

  /** What the peer of a connected stream did, as far as the OS says without a read. */
  public enum Peer {
    /** Nothing: the connection is open (or the OS cannot say and there is data). */
    OPEN,
    /** It closed its side (FIN): after the waiting bytes, recv returns b''. */
    EOF,
    /** It reset the connection (RST): after the waiting bytes, recv raises ECONNRESET. */
    RESET,
    /** It closed or reset, and only a recv can tell which (not Linux). */
    CLOSED_OR_RESET
  }
}
