package dev.sockshell.python;

/**
 * Source that cannot run: Python's SyntaxError or IndentationError, or a construct outside the
 * subset sockshell runs ({@code classes are not supported}). Carries the line and column; no stack
 * trace, since users never see one.
 */
final class PySyntaxError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  enum Kind {
    SYNTAX("SyntaxError"),
    INDENTATION("IndentationError"),
    /** Valid Python that sockshell does not run: the message names the construct. */
    UNSUPPORTED(null),
    /** The source ended inside a block, a bracket or a string: more lines would complete it. */
    INCOMPLETE("SyntaxError");

    final String pythonName;

    Kind(String pythonName) {
      this.pythonName = pythonName;
    }
  }

  final Kind kind;
  final int line;
  final int column;

  PySyntaxError(Kind kind, String message, int line, int column) {
    super(message, null, false, false);
    this.kind = kind;
    this.line = line;
    this.column = column;
  }

  static PySyntaxError syntax(String message, int line, int column) {
    return new PySyntaxError(Kind.SYNTAX, message, line, column);
  }

  static PySyntaxError syntax(String message, Token at) {
    return syntax(message, at.line(), at.column());
  }

  static PySyntaxError unsupported(String what, Token at) {
    return new PySyntaxError(Kind.UNSUPPORTED, what, at.line(), at.column());
  }

  static PySyntaxError incomplete(String message, int line, int column) {
    return new PySyntaxError(Kind.INCOMPLETE, message, line, column);
  }
}
