package dev.sockshell.python;

/** Control flow leaving a block: break, continue and return, as Java exceptions without traces. */
final class Signals {
  private Signals() {}

  static final class Break extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Break INSTANCE = new Break();

    private Break() {
      super(null, null, false, false);
    }
  }

  static final class Continue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Continue INSTANCE = new Continue();

    private Continue() {
      super(null, null, false, false);
    }
  }

  static final class Return extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Object value;

    Return(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /**
   * A construct outside the subset met while running ({@code socket.socketpair is not supported}):
   * ends the program, past every {@code except}, because no Python class would be right.
   */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where it happened: set by the innermost statement it passes through. */
    int line = -1;

    String file;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }
}
