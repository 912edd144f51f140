package dev.sockshell.python;

/**
 * A Python exception in flight through the interpreter: {@code raise}, or an error in a call.
 * {@code try/except} catches it; uncaught, it ends the line or the program with a traceback.
 */
final class PyRaise extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient PyExc exception;

  PyRaise(PyExc exception) {
    super(null, null, false, false);
    this.exception = exception;
  }

  @Override
  public String getMessage() {
    return exception.type.name + ": " + exception.str();
  }
}
