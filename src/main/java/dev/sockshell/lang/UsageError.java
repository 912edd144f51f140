package dev.sockshell.lang;

/**
 * The user typed something that cannot be run: what was wrong, where (a column of the line), and
 * the synopsis of the command when one is known. No socket has been touched when this is thrown.
 */
public final class UsageError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String usage;
  private final String about;
  private final boolean aboutLast;

  /** The line of a block the error is on (0: the block's first), and that line, or null. */
  private final int blockLine;

  private final String lineText;

  public UsageError(String message, int column) {
    this(message, column, null, null, false, 0, null);
  }

  private UsageError(
      String message,
      int column,
      String usage,
      String about,
      boolean aboutLast,
      int blockLine,
      String lineText) {
    super(message, null, false, false);
    this.column = column;
    this.usage = usage;
    this.about = about;
    this.aboutLast = aboutLast;
    this.blockLine = blockLine;
    this.lineText = lineText;
  }

  /** An error about the whole line rather than one place in it. */
  public static UsageError general(String message) {
    return new UsageError(message, -1);
  }

  /**
   * An error about an argument, found when the command runs and its column is no longer known
   * ({@code no socket named 'svr'}); {@link #locatedIn} finds it again.
   */
  public static UsageError about(String argument, String message) {
    return new UsageError(message, -1, null, argument, false, 0, null);
  }

  /**
   * As {@link #about}, for an argument that comes last (an ADDR): in {@code sendto a x a} the error
   * about the address {@code a} points at the second {@code a}, not at the socket NAME.
   */
  public static UsageError aboutLast(String argument, String message) {
    return new UsageError(message, -1, null, argument, true, 0, null);
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
    return this.usage != null
        ? this
        : new UsageError(getMessage(), column, usage, about, aboutLast, blockLine, lineText);
  }

  /**
   * The same error, found in {@code text}, the line {@code line} lines below the first of a block;
   * an error already placed in a block nested there is placed that much further down.
   */
  public UsageError onBlockLine(int line, String text) {
    return lineText != null
        ? new UsageError(getMessage(), column, usage, about, aboutLast, blockLine + line, lineText)
        : new UsageError(getMessage(), column, usage, about, aboutLast, line, text);
  }

  /** How many lines below a block's first line the error is (0 for a single line). */
  public int blockLine() {
    return blockLine;
  }

  /** The line of a block the error is on, or null when it is on the line read. */
  public String lineText() {
    return lineText;
  }

  /** The same error at a column of the whole line, for errors found inside one token. */
  public UsageError shifted(int offset) {
    return column < 0
        ? this
        : new UsageError(
            getMessage(), column + offset, usage, about, aboutLast, blockLine, lineText);
  }

  /**
   * The same error pointing at the argument it is about, the first one of {@code line} (after the
   * command word) typed exactly so, or the last one for {@link #aboutLast}; unchanged if it has a
   * column already or none is found.
   */
  public UsageError locatedIn(String line) {
    if (column >= 0 || about == null) {
      return this;
    }
    try {
      Scanner scanner = new Scanner(line);
      scanner.next();
      int found = -1;
      for (Token t = scanner.next(); t != null; t = scanner.next()) {
        if (t.text().equals(about)) {
          found = t.start();
          if (!aboutLast) {
            break;
          }
        }
      }
      if (found >= 0) {
        return new UsageError(getMessage(), found, usage, about, aboutLast, blockLine, lineText);
      }
    } catch (UsageError e) {
      // The line was read once already; if it cannot be now, there is simply no caret.
    }
    return this;
  }
}
