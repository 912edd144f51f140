package dev.sockshell.python;

/**
 * One token of Python source.
 *
 * @param text the token as written (for a string, with its prefix and quotes)
 * @param line 1-based line of its first character
 * @param column 0-based column of its first character
 */
record Token(Kind kind, String text, int line, int column) {
  enum Kind {
    NAME,
    NUMBER,
    STRING,
    /** {@code $3} or {@code _}-style reference to a value a command kept (sockshell's own). */
    VALUE_REF,
    OP,
    NEWLINE,
    INDENT,
    DEDENT,
    END
  }

  boolean is(String op) {
    return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
  }

  boolean isKeyword(String word) {
    return kind == Kind.NAME && text.equals(word);
  }
}
