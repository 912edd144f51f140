package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import java.util.Arrays;

/**
 * Cuts one message out of a stream socket's bytes, the three ways the tutorial gives against sticky
 * packets (粘包): a fixed length, a delimiter, a 4-byte length header. Nothing is ever lost: bytes
 * read past the message go back in front of the socket's next recv ({@link StreamSocket#unread}),
 * and so do the bytes of an unfinished message when a wait times out, is cancelled or fails.
 *
 * <p>Each wait for more bytes is bounded by the socket's timeout separately, as in Python's loop
 * {@code while len(buf) < n: buf += s.recv(n - len(buf))}; unlike that loop, which loses the bytes
 * in {@code buf} when a recv raises, the partial message stays buffered, so the same command can
 * simply be run again. At EOF, {@code --exact} and {@code --until} return what came (as {@code
 * makefile('rb').read(n)} and {@code readline()} do) and a frame cut short raises EOFError (as
 * asyncio's {@code readexactly} raises {@code IncompleteReadError}, an EOFError).
 */
final class Framing {

  private static final String THE_PEER_CLOSED_THE_STREAM_AFTER =
      "the peer closed the stream after ";

  /** One message, and whether the stream ended (EOF) before or while it was read. */
  record Message(ByteString data, boolean endOfStream) {}

  /** The length header of a len32 frame. */
  static final int HEADER = 4;

  /** The most bytes asked of the kernel at once, so a 16 MiB frame does not need a 16 MiB read. */
  private static final int CHUNK = 64 << 10;

  private final StreamSocket socket;
  private byte[] taken = new byte[256];
  private int size;

  private Framing(StreamSocket socket) {
    this.socket = socket;
  }

  /** {@code n} bytes, or fewer when the peer closes first. */
  static Message exact(StreamSocket socket, int n) throws SocketError {
    Framing r = new Framing(socket);
    try {
      boolean whole = r.fill(n);
      return new Message(r.take(r.size), !whole);
    } catch (SocketError e) {
      throw r.giveBack(e);
    }
  }

  /**
   * Bytes up to and including {@code delimiter}; at most {@code limit} bytes (then without the
   * delimiter, as Python's {@code readline(limit)}), or what came before EOF.
   */
  static Message until(StreamSocket socket, ByteString delimiter, int limit) throws SocketError {
    Framing r = new Framing(socket);
    try {
      int from = 0;
      while (true) {
        int at = r.indexOf(delimiter, from);
        if (at >= 0 && at + delimiter.size() <= limit) {
          return new Message(r.take(at + delimiter.size()), false);
        }
        if (r.size >= limit) {
          return new Message(r.take(limit), false);
        }
        from = Math.max(0, r.size - delimiter.size() + 1);
        if (!r.readMore(limit - r.size)) {
          return new Message(r.take(r.size), true);
        }
      }
    } catch (SocketError e) {
      throw r.giveBack(e);
    }
  }

  /**
   * One len32 frame's payload; b'' with EOF when the stream ends cleanly between frames.
   *
   * @throws SocketError EOFError when the stream ends inside a frame, ValueError when the header
   *     announces more than {@code maxLength} bytes (likely not a len32 stream at all)
   */
  static Message len32(StreamSocket socket, int maxLength) throws SocketError {
    Framing r = new Framing(socket);
    try {
      if (!r.fill(HEADER)) {
        if (r.size == 0) {
          return new Message(ByteString.EMPTY, true);
        }
        throw r.cutShort(
            THE_PEER_CLOSED_THE_STREAM_AFTER + r.size + " of the 4 header bytes of a frame");
      }
      long length = r.header();
      if (length > maxLength) {
        throw SocketError.python(
                PyException.ValueError,
                "the frame header "
                    + ByteString.of(r.taken, 0, HEADER)
                    + " announces "
                    + length
                    + " bytes, more than the limit of "
                    + maxLength)
            .withHint(Text.get("hint.frame.limit", socket.name()));
      }
      int total = HEADER + (int) length;
      if (!r.fill(total)) {
        throw r.cutShort(
            THE_PEER_CLOSED_THE_STREAM_AFTER
                + r.size
                + " of the frame's "
                + total
                + " bytes (4-byte header + "
                + length
                + ")");
      }
      ByteString frame = r.take(total);
      return new Message(frame.substring(HEADER, total), false);
    } catch (SocketError e) {
      throw r.giveBack(e);
    }
  }

  /** {@code data} as a len32 frame: its length as 4 big-endian bytes, then the data. */
  static ByteString frame(ByteString data) {
    int n = data.size();
    return ByteString.of((byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n)
        .concat(data);
  }

  /** Reads until {@code target} bytes are taken; false if the stream ended first. */
  private boolean fill(int target) throws SocketError {
    while (size < target) {
      if (!readMore(target - size)) {
        return false;
      }
    }
    return true;
  }

  /** One recv of up to {@code max} bytes (at most {@link #CHUNK}); false at EOF. */
  private boolean readMore(int max) throws SocketError {
    ByteString chunk = socket.recv(Math.min(max, CHUNK));
    if (chunk.isEmpty()) {
      return false;
    }
    if (size + chunk.size() > taken.length) {
      taken = Arrays.copyOf(taken, Math.max(taken.length * 2, size + chunk.size()));
    }
    for (int i = 0; i < chunk.size(); i++) {
      taken[size + i] = (byte) chunk.get(i);
    }
    size += chunk.size();
    return true;
  }

  /** The first {@code n} bytes taken; the rest go back to the socket for its next recv. */
  private ByteString take(int n) {
    ByteString message = ByteString.of(taken, 0, n);
    if (size > n) {
      socket.unread(ByteString.of(taken, n, size - n));
    }
    size = 0;
    return message;
  }

  private int indexOf(ByteString needle, int from) {
    outer:
    for (int i = from; i <= size - needle.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (taken[i + j] != (byte) needle.get(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The length in a len32 header: unsigned, so up to 4 GiB - 1. */
  private long header() {
    long n = 0;
    for (int i = 0; i < HEADER; i++) {
      n = n << 8 | (taken[i] & 0xff);
    }
    return n;
  }

  private SocketError cutShort(String what) {
    return SocketError.python(PyException.EOFError, what)
        .withHint(
            "the "
                + size
                + " bytes that came stay buffered: recv "
                + socket.name()
                + " returns them");
  }

  /**
   * Puts the bytes of the unfinished message back in front of the socket's next recv, and says so
   * in the error (unless it already has a hint of its own).
   */
  private SocketError giveBack(SocketError e) {
    if (size == 0) {
      return e;
    }
    int n = size;
    socket.unread(ByteString.of(taken, 0, n));
    size = 0;
    return e.hint() != null || e.advice() != null
        ? e
        : e.withHint(
            n == 1 ? Text.get("hint.frame.partial.one") : Text.get("hint.frame.partial", n));
  }
}
