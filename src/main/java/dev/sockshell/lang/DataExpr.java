package dev.sockshell.lang;

import dev.sockshell.bytes.ByteString;

/**
 * The DATA argument of send and friends, as typed: text (encoded when sent, in the session's
 * encoding), bytes, a file's contents, or a kept value. Evaluated when the command runs.
 */
public sealed interface DataExpr {
  /** How it was typed, for messages and the Python equivalent. */
  String source();

  /** {@code "text"} or a bare word: a str, encoded when the command runs. */
  record Text(String text, String source) implements DataExpr {}

  record Bytes(ByteString bytes, String source) implements DataExpr {}

  /** {@code @PATH}, relative to the script that names it (or the working directory). */
  record File(String path, String source) implements DataExpr {}

  record Ref(Literal.Ref ref) implements DataExpr {
    @Override
    public String source() {
      return ref.text();
    }
  }

  static DataExpr of(Literal literal, String source) throws UsageError {
    if (literal instanceof Literal.Text t) {
      return new Text(t.text(), source);
    } else if (literal instanceof Literal.Word w) {
      return new Text(w.text(), source);
    } else if (literal instanceof Literal.Bytes b) {
      return new Bytes(b.bytes(), source);
    } else if (literal instanceof Literal.FileRef f) {
      return new File(f.path(), source);
    } else if (literal instanceof Literal.Ref r) {
      return new Ref(r);
    }
    throw new UsageError(dev.sockshell.i18n.Text.get("usage.data.form"), literal.start());
  }
}
