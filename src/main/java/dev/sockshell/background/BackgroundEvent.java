package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.SockAddress;

/**
 * Something the background did, as a value: the console prints it above the prompt, a script as a
 * line of its output, and a log can keep it (see {@link Events}). {@link #socket} is the socket it
 * happened on.
 */
public sealed interface BackgroundEvent {
  /** The socket the event is about. */
  String socket();

  /**
   * A served listener accepted a connection, named as {@code accept} names them; {@code peer} is
   * null with {@code /set events off}, which looks no address up and tells the event to no one but
   * the session's log.
   */
  record Accepted(String socket, String connection, SockAddress peer) implements BackgroundEvent {}

  /**
   * An automatic reply went out: {@code data} is its start (at most {@link Events#PREVIEW} bytes),
   * {@code size} its length, {@code to} the datagram's receiver (null on a connection), {@code why}
   * what answered ("echo", "--reply", "rule 2").
   */
  record Replied(String socket, ByteString data, int size, SockAddress to, String why)
      implements BackgroundEvent {}

  /** A relay forwarded a chunk, shown because the relay traces ({@code --trace}). */
  record Relayed(String socket, String to, ByteString data, boolean hex)
      implements BackgroundEvent {}

  /**
   * The peer of {@code socket} closed its side; the relay passed it on as SHUT_WR on {@code to}.
   */
  record HalfClosed(String socket, String to) implements BackgroundEvent {}

  /** A connection the background had ended: how, and the bytes it moved. */
  record Closed(String socket, Why why, long bytesIn, long bytesOut) implements BackgroundEvent {}

  /** Why a connection ended. */
  enum Why {
    PEER_CLOSED("the peer closed it"),
    PEER_RESET("the peer reset it"),
    FAILED("the error above ended it"),
    STOPPED("stop ended it"),
    RULE_CLOSE("a rule closed it"),
    RULE_RESET("a rule reset it"),
    RESET_PASSED_ON("its relay partner was reset, so it was reset too");

    private final String text;

    Why(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * The background stopped reading {@code socket} for now: {@code bytes} are waiting to be sent to
   * a peer that does not read, or wait unmatched by any rule.
   */
  record Stalled(String socket, int bytes, boolean unsent) implements BackgroundEvent {}

  /** A call on {@code socket} failed in the background: its Python error, as a line shows it. */
  record Failed(String socket, String error) implements BackgroundEvent {}

  /** A piece of background work ended, and why: {@code srv served 3 connections (--max 3)}. */
  record Ended(String socket, String what) implements BackgroundEvent {}
}
