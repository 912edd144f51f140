package dev.sockshell.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable sequence of bytes: what goes over a socket. Equality is by content; {@link
 * #toString} is the Python bytes literal, so a ByteString can never write a raw control byte
 * anywhere.
 */
public final class ByteString implements Comparable<ByteString> {

  public static final ByteString EMPTY = new ByteString(new byte[0]);

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private final byte[] data;

  private ByteString(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code bytes}. */
  public static ByteString of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
  }

  /** A copy of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static ByteString of(byte[] bytes, int offset, int length) {
    return length == 0 ? EMPTY : new ByteString(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /** The remaining bytes of {@code buffer}, which is consumed. */
  public static ByteString read(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes.length == 0 ? EMPTY : new ByteString(bytes);
  }

  public static ByteString utf8(String text) {
    return encode(text, StandardCharsets.UTF_8);
  }

  public static ByteString encode(String text, Charset charset) {
    return wrap(text.getBytes(charset));
  }

  /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
  public static ByteString wrap(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new ByteString(bytes);
  }

  /**
   * Decodes hex digits, ignoring whitespace between byte pairs ({@code "48 65 6c"}), as Python's
   * {@code bytes.fromhex}.
   *
   * @throws BadHex naming the offending character and its position
   */
  public static ByteString hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    int n = 0;
    int i = 0;
    while (i < hex.length()) {
      char c = hex.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int hi = Character.digit(c, 16);
      if (hi < 0) {
        throw new BadHex(c, i, false);
      }
      if (i + 1 >= hex.length()) {
        throw new BadHex(c, i, true);
      }
      int lo = Character.digit(hex.charAt(i + 1), 16);
      if (lo < 0) {
        throw new BadHex(hex.charAt(i + 1), i + 1, false);
      }
      out[n++] = (byte) (hi << 4 | lo);
      i += 2;
    }
    return wrap(Arrays.copyOf(out, n));
  }

  /**
   * Why {@link #hex} refused its text, in parts, so that a message in the session's language can be
   * made of them: the character at the position its English message names is not a hex digit, or is
   * a digit left without its pair ({@code odd}).
   */
  public static final class BadHex extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final char character;
    private final boolean odd;

    BadHex(char character, int index, boolean odd) {
      super(
          (odd ? "odd number of hex digits: '" : "non-hexadecimal character '")
              + character
              + "' at "
              + index);
      this.character = character;
      this.odd = odd;
    }

    /** The character that is not a hex digit, or the digit without a pair. */
    public char character() {
      return character;
    }

    /** Whether the digits ran out in the middle of a pair. */
    public boolean odd() {
      return odd;
    }
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  /** The byte at {@code index} as 0..255. */
  public int get(int index) {
    return data[index] & 0xff;
  }

  public byte[] toByteArray() {
    return data.clone();
  }

  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** Puts every byte into {@code buffer} at its position, which moves past them. */
  public void putInto(ByteBuffer buffer) {
    buffer.put(data);
  }

  public String decode(Charset charset) {
    return new String(data, charset);
  }

  public String hex() {
    char[] out = new char[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = HEX_DIGITS[(data[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX_DIGITS[data[i] & 0xf];
    }
    return new String(out);
  }

  public ByteString substring(int from, int to) {
    return of(data, from, to - from);
  }

  public ByteString concat(ByteString other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    byte[] out = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, out, data.length, other.data.length);
    return new ByteString(out);
  }

  /** All of {@code parts}, one after another, copied once. */
  public static ByteString concat(List<ByteString> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int size = 0;
    for (ByteString part : parts) {
      size = Math.addExact(size, part.data.length);
    }
    byte[] out = new byte[size];
    int at = 0;
    for (ByteString part : parts) {
      System.arraycopy(part.data, 0, out, at, part.data.length);
      at += part.data.length;
    }
    return wrap(out);
  }

  /** The first index of {@code needle} at or after {@code from}, or -1. */
  public int indexOf(ByteString needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - needle.data.length; i++) {
      for (int j = 0; j < needle.data.length; j++) {
        if (data[i + j] != needle.data[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteString other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public int compareTo(ByteString other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  /** The Python literal, e.g. {@code b'hi\r\n'}: every byte outside printable ASCII is escaped. */
  @Override
  public String toString() {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : data) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    // Python's rule: single quotes unless the bytes hold a ' and no ".
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder sb = new StringBuilder(data.length + 3).append('b').append(quote);
    for (byte raw : data) {
      int b = raw & 0xff;
      switch (b) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (b == quote) {
            sb.append('\\').append((char) b);
          } else if (b < 0x20 || b >= 0x7f) {
            sb.append("\\x").append(HEX_DIGITS[b >> 4]).append(HEX_DIGITS[b & 0xf]);
          } else {
            sb.append((char) b);
          }
        }
      }
    }
    return sb.append(quote).toString();
  }
}
