package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import java.nio.ByteBuffer;

/** What a connection the background handles does with what arrives: echo, a fixed reply, rules. */
interface Responder {
  /** The connection is the background's now (a {@code connect} rule greets here). */
  default void opened(Connection connection) {}

  /** {@code data} arrived (its position to its limit); answer through the connection. */
  void received(Connection connection, ByteBuffer data);

  /** The peer closed its side. */
  default void eof(Connection connection) {}

  /** True when there is nothing left to do once the peer closed and every reply went out. */
  default boolean closesAtEof() {
    return true;
  }

  /** Bytes received and not used yet, which a hand-over gives back to recv; taken. */
  default ByteString takeHeld() {
    return ByteString.EMPTY;
  }

  /** How many bytes are held unused. */
  default int heldSize() {
    return 0;
  }

  /** True while what is held has reached its bound: the connection stops reading for now. */
  default boolean full() {
    return false;
  }

  /** Sends back every byte: {@code serve --echo}. */
  Responder ECHO =
      new Responder() {
        @Override
        public void received(Connection connection, ByteBuffer data) {
          connection.reply(data, "echo");
        }
      };

  /** Answers each chunk with {@code reply}: {@code serve --reply DATA}. */
  static Responder reply(ByteString reply) {
    return (connection, data) -> connection.reply(reply.asByteBuffer(), "--reply");
  }
}
