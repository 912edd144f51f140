package dev.sockshell.net;

import java.nio.ByteBuffer;

/**
 * One receive buffer shared by every socket of a session (only one command runs at a time), so
 * {@code recv c 65536} does not allocate 64 KiB when 20 bytes arrive. Direct, so the JDK reads into
 * it without an extra copy. Requests above {@link #MAX_KEPT} get a one-off buffer.
 */
final class Scratch {
  static final int MAX_KEPT = 4 << 20;

  private ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 10);

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
}
