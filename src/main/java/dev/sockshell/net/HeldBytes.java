package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;

/**
 * The bytes sockshell holds for a stream's next recv, in the stream's order: those a framing read
 * gave back ({@link #putBack}), those read from the kernel before SHUT_RD ({@link #add}), plain
 * bytes left over when TLS stops. A recv takes them before it asks the kernel.
 */
final class HeldBytes {
  private ByteString bytes = ByteString.EMPTY;

  int size() {
    return bytes.size();
  }

  boolean isEmpty() {
    return bytes.isEmpty();
  }

  /** Puts {@code front} before what is held: the next recv returns it first. */
  void putBack(ByteString front) {
    bytes = front.concat(bytes);
  }

  /** Adds {@code later} after what is held, as bytes that arrived after it. */
  void add(ByteString later) {
    bytes = bytes.concat(later);
  }

  /** Up to {@code max} of the held bytes, taken away from the front. */
  ByteString take(int max) {
    int n = Math.min(max, bytes.size());
    ByteString head = bytes.substring(0, n);
    bytes = bytes.substring(n, bytes.size());
    return head;
  }

  /** All the held bytes, taken away. */
  ByteString takeAll() {
    ByteString all = bytes;
    bytes = ByteString.EMPTY;
    return all;
  }

  void clear() {
    bytes = ByteString.EMPTY;
  }
}
