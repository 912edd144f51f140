package dev.sockshell.python;

/** Python's {@code None} and {@code Ellipsis}, the two singletons that are not numbers. */
final class PyNone {
  static final PyNone NONE = new PyNone("None");
  static final PyNone ELLIPSIS = new PyNone("Ellipsis");

  private final String repr;

  private PyNone(String repr) {
    this.repr = repr;
  }

  @Override
  public String toString() {
    return repr;
  }
}
