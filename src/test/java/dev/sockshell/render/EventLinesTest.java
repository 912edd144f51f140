package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.SocketEvent;
import dev.sockshell.net.SocketEvent.Kind;
import dev.sockshell.net.SocketEvent.Peer;
import org.junit.jupiter.api.Test;

/** Each event says what happened and which call shows it. */
class EventLinesTest {
  private static String line(Kind kind, int count, Peer peer) {
    return EventLines.of(new SocketEvent("s", kind, count, peer)).text();
  }

  @Test
  void connectionsWaiting() {
    assertEquals(
        "|  event: s has a connection waiting (accept s)", line(Kind.CONNECTIONS, 1, Peer.OPEN));
    assertEquals(
        "|  event: s has a connection waiting (accept s)", line(Kind.CONNECTIONS, -1, Peer.OPEN));
    assertEquals(
        "|  event: s has 3 connections waiting (accept s)", line(Kind.CONNECTIONS, 3, Peer.OPEN));
  }

  @Test
  void bytesAndWhatThePeerDidAfterThem() {
    assertEquals("|  event: s has 1 byte waiting (recv s)", line(Kind.DATA, 1, Peer.OPEN));
    assertEquals(
        "|  event: s has 12 bytes waiting, then EOF: the peer closed its side (recv s)",
        line(Kind.DATA, 12, Peer.EOF));
    assertEquals(
        "|  event: s has 3 bytes waiting, then the peer reset the connection (recv s)",
        line(Kind.DATA, 3, Peer.RESET));
    assertEquals(
        "|  event: s reached EOF: the peer closed its side (recv s returns b'')",
        line(Kind.DATA, 0, Peer.EOF));
    assertEquals(
        "|  event: s was reset by the peer (recv s raises ConnectionResetError)",
        line(Kind.DATA, 0, Peer.RESET));
    assertEquals(
        "|  event: s's peer closed or reset the connection (recv s tells which)",
        line(Kind.DATA, 0, Peer.CLOSED_OR_RESET));
  }

  @Test
  void connectsAndDatagrams() {
    assertEquals(
        "|  event: s is connected: its connect finished", line(Kind.CONNECTED, -1, Peer.OPEN));
    assertEquals(
        "|  event: s failed to connect (the next call on s raises the error)",
        line(Kind.CONNECT_FAILED, -1, Peer.OPEN));
    assertEquals(
        "|  event: s has a datagram waiting (recvfrom s)", line(Kind.DATAGRAM, -1, Peer.OPEN));
    assertEquals(
        "|  event: s has an error waiting, likely ECONNREFUSED: an earlier datagram hit a closed"
            + " port (the next call on s raises it)",
        line(Kind.DATAGRAM_ERROR, -1, Peer.OPEN));
  }

  @Test
  void inChineseTheSocketAndTheCallStayAsTyped() {
    Text.use(Lang.ZH);
    try {
      assertEquals("|  事件：s 有 12 个字节在等待，之后是 EOF：对端关闭了它那一端（recv s）", line(Kind.DATA, 12, Peer.EOF));
      assertEquals("|  事件：s 有 3 个连接在等待（accept s）", line(Kind.CONNECTIONS, 3, Peer.OPEN));
    } finally {
      Text.use(Lang.EN);
    }
  }
}
