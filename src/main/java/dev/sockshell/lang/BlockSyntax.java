package dev.sockshell.lang;

/**
 * How lines group into a block that is read, parsed and run as one unit: a first line opens it, the
 * lines after it belong to it until it is complete. The console (its continuation prompt), scripts
 * and {@code /open} all ask the same syntaxes, so a block reads the same everywhere. The command
 * language has one ({@link RepeatBlocks}: {@code repeat … end}); another language plugs in its own
 * (say, Python's {@code while True:} and an indented body) through {@link Blocks}.
 */
public interface BlockSyntax {
  /** What a line does to the block being collected. */
  enum Fit {
    /** The line belongs to the block, and more lines are needed. */
    MORE,
    /** The line belongs to the block and completes it ({@code end}). */
    LAST,
    /**
     * The block was complete before this line, which is not part of it (a Python body ends at the
     * first line that is not indented). A script reads the line again as the next one; the console
     * never sees this, since a person ends a block with its closing line.
     */
    NOT_MINE
  }

  /**
   * The block {@code firstLine} opens, or null when under this syntax the line stands alone. Called
   * for every line read, so it must be cheap (a look at the first word, not a parse).
   */
  Block open(String firstLine);

  /** A block being collected, told each next line in turn. */
  interface Block {
    /** Takes the next line. */
    Fit add(String line);

    /** The console's prompt for the next line of the block ({@code " ...> "}). */
    String prompt();

    /**
     * True when a blank line typed at the console completes the block, as in Python's REPL (a blank
     * line inside a script's block is part of it).
     */
    default boolean endsAtBlankLine() {
      return false;
    }

    /** How many spaces the console starts the next line with (auto-indent). */
    default int indent() {
      return 0;
    }
  }
}
