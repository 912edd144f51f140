package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.List;

/**
 * Whether an expectation holds for a result. {@code expect VALUE} reads the literal as the result's
 * type: text is encoded to compare with bytes, {@code ('127.0.0.1', 9999)} or {@code
 * localhost:9999} is resolved to compare with an address, {@code (b'ACK', ('127.0.0.1', 8888))}
 * element by element. {@code contains} and {@code matches} look in the data of a {@code (data,
 * addr)} pair, in bytes or text, and otherwise in the result's repr.
 */
final class Expectations {
  private Expectations() {}

  /** Longer reprs are cut in messages, so a failed check on a megabyte stays readable. */
  private static final int SHOWN = 200;

  /** The result is bytes that do not decode, so no regular expression can apply to it. */
  static final class NotText extends Exception {
    private static final long serialVersionUID = 1L;

    NotText(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Whether {@code check} (an expect command other than expect error) holds for {@code outcome}.
   */
  static boolean holds(Command check, Outcome outcome, Context ctx)
      throws UsageError, SocketError, NotText {
    Value actual = outcome.value();
    if (check instanceof Command.Expect e) {
      return matches(e.value(), actual, ctx);
    } else if (check instanceof Command.ExpectEof) {
      return outcome instanceof Outcome.Returned r && r.endOfStream();
    }
    PyCodec encoding = ctx.settings().encoding();
    Value subject = subject(actual);
    if (check instanceof Command.ExpectContains e) {
      return bytesOf(subject, encoding).indexOf(Eval.data(ctx, e.data()), 0) >= 0;
    }
    Command.ExpectMatches m = (Command.ExpectMatches) check;
    return m.regex().matcher(textOf(subject, encoding)).find();
  }

  /** The value's repr, cut after {@value #SHOWN} characters. */
  static String shown(Value value) {
    String repr = Repr.of(value);
    if (repr.length() <= SHOWN) {
      return repr;
    }
    String size = value instanceof Value.Bytes b ? " (" + b.bytes().size() + " bytes)" : "";
    return repr.substring(0, SHOWN) + "…" + size;
  }

  /** What contains and matches look in: the data of a (data, addr) pair, else the result. */
  private static Value subject(Value v) {
    if (v instanceof Value.Tuple t
        && !t.items().isEmpty()
        && t.items().get(0) instanceof Value.Bytes data) {
      return data;
    }
    return v;
  }

  /** The value as bytes: a str encoded (a character the encoding lacks as {@code ?}). */
  private static ByteString bytesOf(Value v, PyCodec encoding) throws SocketError {
    if (v instanceof Value.Bytes b) {
      return b.bytes();
    }
    String text = v instanceof Value.Str s ? s.text() : Repr.of(v);
    try {
      return encoding.encode(text, "replace");
    } catch (CodecError e) {
      throw SessionText.error(e);
    }
  }

  /** The value as text: bytes decoded strictly (Python's {@code .decode()} raises too). */
  private static String textOf(Value v, PyCodec encoding) throws NotText {
    if (v instanceof Value.Bytes b) {
      try {
        return encoding.decode(b.bytes(), "strict");
      } catch (CodecError e) {
        throw new NotText(Text.get("expect.not.text", shown(v), encoding.name(), e.getMessage()));
      }
    }
    return v instanceof Value.Str s ? s.text() : Repr.of(v);
  }

  private static boolean matches(Literal expected, Value actual, Context ctx)
      throws UsageError, SocketError {
    if (expected instanceof Literal.Ref r) {
      return ctx.values().resolve(r).equals(actual);
    }
    if (actual instanceof Value.Bytes b) {
      return isData(expected) && Eval.data(ctx, DataExpr.of(expected, "")).equals(b.bytes());
    }
    if (actual instanceof Value.Address a) {
      return Eval.address(ctx, AddrExpr.of(expected, ""), a.address().family()).equals(a.address());
    }
    if (actual instanceof Value.Tuple t) {
      return expected instanceof Literal.Tuple lt && elementsMatch(lt.items(), t.items(), ctx);
    }
    if (actual instanceof Value.PyList l) {
      return expected instanceof Literal.ListOf ll && elementsMatch(ll.items(), l.items(), ctx);
    }
    if (actual instanceof Value.Int i) {
      return number(expected) == i.value();
    }
    if (actual instanceof Value.Float f) {
      return number(expected) == f.value();
    }
    String word =
        expected instanceof Literal.Word w
            ? w.text()
            : expected instanceof Literal.Text t ? t.text() : null;
    if (actual instanceof Value.Str s) {
      return s.text().equals(word);
    }
    if (actual instanceof Value.SocketRef s) {
      return s.name().equals(word);
    }
    if (actual instanceof Value.Bool b) {
      // Python: True == 1 and False == 0.
      return (b.value() ? "True" : "False").equals(word) || number(expected) == (b.value() ? 1 : 0);
    }
    return "None".equals(word);
  }

  private static boolean elementsMatch(List<Literal> expected, List<Value> actual, Context ctx)
      throws UsageError, SocketError {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!matches(expected.get(i), actual.get(i), ctx)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isData(Literal l) {
    return l instanceof Literal.Bytes
        || l instanceof Literal.Text
        || l instanceof Literal.Word
        || l instanceof Literal.FileRef;
  }

  /** The literal as a number, or NaN (which equals nothing). */
  private static double number(Literal l) {
    if (l instanceof Literal.Number n) {
      return n.value();
    }
    if (l instanceof Literal.Word w) {
      // Python: 1 == True, so expect True checks getsockopt's 1 as it would.
      if (w.text().equals("True") || w.text().equals("False")) {
        return w.text().equals("True") ? 1 : 0;
      }
      try {
        return Double.parseDouble(w.text());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
