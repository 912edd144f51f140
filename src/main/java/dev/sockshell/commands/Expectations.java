package dev.sockshell.commands;

import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.value.Value;
import java.util.List;

/**
 * Whether a typed literal equals a result, reading the literal as the result's type: text is
 * encoded to compare with bytes, {@code ('127.0.0.1', 9999)} or {@code localhost:9999} is resolved
 * to compare with an address, {@code (b'ACK', ('127.0.0.1', 8888))} element by element.
 */
final class Expectations {
  private Expectations() {}

  static boolean matches(Literal expected, Value actual, Context ctx)
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
      return (b.value() ? "True" : "False").equals(word);
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
      try {
        return Double.parseDouble(w.text());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
