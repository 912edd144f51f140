package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.net.NetSocket;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * An automatic reply: on {@link #socket}, when {@link #when} holds for what arrived, do {@link
 * #then}. {@code text} is the rule as typed, for {@code /rules}.
 */
public final class Rule {
  /** When a rule fires. */
  public sealed interface Trigger {
    /**
     * The bytes received so far, decoded with {@code encoding}, have a match: what came up to its
     * end is consumed, and its groups fill the reply's {@code \1}, {@code \2}… Bytes that do not
     * decode become lone surrogates (Python's {@code surrogateescape}), so the bytes a match
     * reached are exactly those that encode its text again.
     */
    record Matches(Pattern regex, PyCodec encoding) implements Trigger {}

    /** The bytes received so far contain {@code data}: consumed up to its end. */
    record Contains(ByteString data) implements Trigger {}

    /** Anything arrived: all of it is consumed. */
    record Any() implements Trigger {}

    /** A connection was accepted (a greeting). */
    record Connect() implements Trigger {}

    /** The peer closed its side. */
    record Eof() implements Trigger {}
  }

  /** What a rule does. */
  public sealed interface Action {
    /** Sends the reply, its group references filled in. */
    record Send(Template reply) implements Action {}

    /** Closes the connection (FIN). */
    record Close() implements Action {}

    /** Closes the connection with an RST (SO_LINGER 0). */
    record Reset() implements Action {}
  }

  /**
   * A reply with group references: each part is bytes, or the number of a group of the match
   * ({@code \1}), encoded as the match was decoded.
   */
  public record Template(List<Object> parts) {
    public Template {
      parts = List.copyOf(parts);
      for (Object p : parts) {
        if (!(p instanceof ByteString) && !(p instanceof Integer)) {
          throw new IllegalArgumentException("a template part is bytes or a group number: " + p);
        }
      }
    }

    public static Template of(ByteString bytes) {
      return new Template(List.of(bytes));
    }

    /** The highest group number it refers to, 0 if none. */
    public int highestGroup() {
      int highest = 0;
      for (Object p : parts) {
        if (p instanceof Integer g) {
          highest = Math.max(highest, g);
        }
      }
      return highest;
    }
  }

  private final int number;
  private final NetSocket socket;
  private final Trigger when;
  private final Action then;
  private final String text;
  private final LongAdder fired = new LongAdder();

  Rule(int number, NetSocket socket, Trigger when, Action then, String text) {
    this.number = number;
    this.socket = socket;
    this.when = when;
    this.then = then;
    this.text = text;
  }

  public int number() {
    return number;
  }

  public NetSocket socket() {
    return socket;
  }

  public Trigger when() {
    return when;
  }

  public Action then() {
    return then;
  }

  /** The rule as typed. */
  public String text() {
    return text;
  }

  /** How often it fired (any thread may ask). */
  public long fired() {
    return fired.sum();
  }

  void fire() {
    fired.increment();
  }
}
