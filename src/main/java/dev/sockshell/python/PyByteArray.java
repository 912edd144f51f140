package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.io.ByteArrayOutputStream;

/** Python's bytearray: mutable bytes, as a buffer for what recv returns piece by piece. */
final class PyByteArray {
  private byte[] bytes;
  private int size;

  PyByteArray(ByteString initial) {
    this.bytes = initial.toByteArray();
    this.size = bytes.length;
  }

  int size() {
    return size;
  }

  int get(int i) {
    return bytes[i] & 0xff;
  }

  void set(int i, int value) {
    bytes[i] = (byte) value;
  }

  ByteString snapshot() {
    return ByteString.of(bytes, 0, size);
  }

  void extend(ByteString more) {
    ensure(size + more.size());
    byte[] add = more.toByteArray();
    System.arraycopy(add, 0, bytes, size, add.length);
    size += add.length;
  }

  void append(int b) {
    ensure(size + 1);
    bytes[size++] = (byte) b;
  }

  /** Replaces bytes [from, to) with {@code with}. */
  void replace(int from, int to, ByteString with) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(size - (to - from) + with.size());
    out.write(bytes, 0, from);
    out.writeBytes(with.toByteArray());
    out.write(bytes, to, size - to);
    bytes = out.toByteArray();
    size = bytes.length;
  }

  void clear() {
    size = 0;
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      byte[] grown = new byte[Math.max(capacity, bytes.length * 2 + 16)];
      System.arraycopy(bytes, 0, grown, 0, size);
      bytes = grown;
    }
  }
}
