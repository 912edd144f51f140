package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.net.NetSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Applies the rules to one connection. What arrives is kept until a rule consumes it: a message
 * that came in pieces matches once its last piece is there. What no rule matched stays for the next
 * rule, or for a manual recv ({@link #takeHeld}). A peer cannot grow it without limit: past {@link
 * #MAX_HELD} bytes the connection stops reading until a recv takes them.
 */
final class RuleResponder implements Responder {
  /** The most unmatched bytes kept before the connection stops reading. */
  static final int MAX_HELD = 64 << 10;

  private final RuleBook book;
  private final NetSocket listener;
  private byte[] held = new byte[0];
  private int size;

  RuleResponder(RuleBook book, NetSocket listener) {
    this.book = book;
    this.listener = listener;
  }

  @Override
  public void opened(Connection c) {
    for (Rule rule : rules(c)) {
      if (rule.when() instanceof Rule.Trigger.Connect) {
        act(c, rule, null, null);
      }
    }
  }

  @Override
  public void received(Connection c, ByteBuffer data) {
    int n = data.remaining();
    if (held.length - size < n) {
      held = Arrays.copyOf(held, Math.max(size + n, held.length * 2));
    }
    data.get(held, size, n);
    size += n;
    match(c);
  }

  /** Fires the first rule that matches, consumes what it matched, and again until none does. */
  private void match(Connection c) {
    boolean fired = true;
    while (fired && size > 0 && !c.ended()) {
      fired = false;
      for (Rule rule : rules(c)) {
        int end = -1;
        Matcher groups = null;
        PyCodec encoding = null;
        if (rule.when() instanceof Rule.Trigger.Any) {
          end = size;
        } else if (rule.when() instanceof Rule.Trigger.Contains contains) {
          int at = ByteString.of(held, 0, size).indexOf(contains.data(), 0);
          end = at < 0 ? -1 : at + contains.data().size();
        } else if (rule.when() instanceof Rule.Trigger.Matches matches) {
          encoding = matches.encoding();
          String text = decode(ByteString.of(held, 0, size), encoding);
          Matcher m = matches.regex().matcher(text);
          if (m.find()) {
            groups = m;
            // What the match reached, in bytes: its text encoded again.
            end = encode(text.substring(0, m.end()), encoding).size();
          }
        }
        if (end >= 0) {
          consume(Math.min(end, size));
          act(c, rule, groups, encoding);
          fired = true;
          break;
        }
      }
    }
  }

  private void consume(int n) {
    System.arraycopy(held, n, held, 0, size - n);
    size -= n;
    if (size == 0 && held.length > MAX_HELD) {
      held = new byte[0]; // a burst does not keep its buffer
    }
  }

  @Override
  public void eof(Connection c) {
    for (Rule rule : rules(c)) {
      if (rule.when() instanceof Rule.Trigger.Eof) {
        act(c, rule, null, null);
      }
    }
  }

  private void act(Connection c, Rule rule, Matcher groups, PyCodec encoding) {
    if (c.ended()) {
      return;
    }
    rule.fire();
    if (rule.then() instanceof Rule.Action.Send send) {
      c.reply(expand(send.reply(), groups, encoding).asByteBuffer(), "rule " + rule.number());
    } else {
      c.close(rule.then() instanceof Rule.Action.Reset);
    }
  }

  /** The reply with {@code \1}, {@code \2}… replaced by the match's groups (empty if unmatched). */
  static ByteString expand(Rule.Template template, Matcher groups, PyCodec encoding) {
    if (template.parts().size() == 1 && template.parts().get(0) instanceof ByteString only) {
      return only;
    }
    ByteString out = ByteString.EMPTY;
    for (Object part : template.parts()) {
      if (part instanceof ByteString bytes) {
        out = out.concat(bytes);
      } else if (groups != null && (Integer) part <= groups.groupCount()) {
        String group = groups.group((Integer) part);
        out = out.concat(group == null ? ByteString.EMPTY : encode(group, encoding));
      }
    }
    return out;
  }

  /** {@code bytes} as text, undecodable bytes as lone surrogates (surrogateescape never fails). */
  static String decode(ByteString bytes, PyCodec encoding) {
    try {
      return encoding.decode(bytes, "surrogateescape");
    } catch (CodecError e) {
      throw new IllegalStateException("surrogateescape cannot fail", e);
    }
  }

  /** {@code text} as bytes, its lone surrogates as the bytes they escaped. */
  static ByteString encode(String text, PyCodec encoding) {
    try {
      return encoding.encode(text, "surrogateescape");
    } catch (CodecError e) {
      // A character of the reply's group the encoding has no bytes for: Python's re would give
      // the text, and encoding it would raise; the reply leaves it out.
      return ByteString.EMPTY;
    }
  }

  private List<Rule> rules(Connection c) {
    return book.rulesFor(c.socket(), listener);
  }

  @Override
  public boolean closesAtEof() {
    return listener != null;
  }

  @Override
  public ByteString takeHeld() {
    ByteString bytes = ByteString.of(held, 0, size);
    size = 0;
    return bytes;
  }

  @Override
  public int heldSize() {
    return size;
  }

  @Override
  public boolean full() {
    return size >= MAX_HELD;
  }
}
