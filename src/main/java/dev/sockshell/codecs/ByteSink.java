package dev.sockshell.codecs;

import dev.sockshell.bytes.ByteString;
import java.util.Arrays;

/**
 * The bytes an encoder writes, growing as needed (unsynchronized, unlike ByteArrayOutputStream).
 */
final class ByteSink {
  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  void write(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) b;
  }

  /** Writes the {@code length} low bytes of {@code value}, most significant first. */
  void writeBigEndian(int value, int length) {
    for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
      write(value >>> shift);
    }
  }

  /** Writes the {@code length} low bytes of {@code value}, least significant first. */
  void writeLittleEndian(int value, int length) {
    for (int i = 0; i < length; i++) {
      write(value >>> (8 * i));
    }
  }

  ByteString toByteString() {
    return ByteString.wrap(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
  }
}
