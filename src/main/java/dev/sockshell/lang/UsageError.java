package dev.sockshell.lang;

/**
 * The user typed something that cannot be run: what was wrong, where (a column of the line), and
 * the synopsis of the command when one is known. No socket has been touched when this is thrown.
 */
public final class UsageError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String usage;

  public UsageError(String message, int column) {
    this(message, column, null);
  }

  private UsageError(String message, int column, String usage) {
    super(message, null, false, false);
    this.column = column;
    this.usage = usage;
  }

  /** An error about the whole line rather than one place in it. */
  public static UsageError general(String message) {
    return new UsageError(message, -1);
  }

  /** The 0-based column the error points at, or -1. */
  public int column() {
    return column;
  }

  /** The command's synopsis ({@code bind NAME ADDR}), or null. */
  public String usage() {
    return usage;
  }

  public UsageError withUsage(String usage) {
    return this.usage != null ? this : new UsageError(getMessage(), column, usage);
  }

  /** The same error at a column of the whole line, for errors found inside one token. */
  public UsageError shifted(int offset) {
    return column < 0 ? this : new UsageError(getMessage(), column + offset, usage);
  }
}
