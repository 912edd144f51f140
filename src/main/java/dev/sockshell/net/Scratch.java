package dev.sockshell.net;

import java.nio.ByteBuffer;

/**
 * One receive buffer shared by every socket of a session (only one command runs at a time), so
 * {@code recv c 65536} does not allocate 64 KiB when 20 bytes arrive. Direct, so the JDK reads into
 * it without an extra copy. A recv reads at most {@link #CHUNK} bytes into it at a time, whatever
 * BUFSIZE asks for, so a huge BUFSIZE costs what arrives, not what is asked; a request sized by
 * what has arrived (or a recvfile's chunk) may grow it, and one above {@link #MAX_KEPT} gets a
 * one-off buffer.
 */
final class Scratch {
  /** What one read of a recv asks for at most; also more than the largest datagram (65,535). */
  static final int CHUNK = 64 << 10;

  static final int MAX_KEPT = 4 << 20;

  private ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);

  /** A cleared buffer whose limit is {@code size}. */
  ByteBuffer get(int size) {
    if (size > buffer.capacity()) {
      if (size > MAX_KEPT) {
        return ByteBuffer.allocate(size);
      }
      buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(size - 1) << 1);
    }
    buffer.clear().limit(size);
    return buffer;
  }

  /** A cleared buffer whose limit is {@code max}, or {@link #CHUNK} if that is less. */
  ByteBuffer chunk(int max) {
    return get(Math.min(max, CHUNK));
  }
}
