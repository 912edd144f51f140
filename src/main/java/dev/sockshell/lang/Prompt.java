package dev.sockshell.lang;

/**
 * The console's prompts, which transcripts show before each line as typed: {@link #FIRST} before a
 * command, {@link #MORE} before each further line of a block (a repeat's, a Python block's), as
 * JShell's {@code jshell>} and {@code ...>}.
 */
public final class Prompt {
  private Prompt() {}

  public static final String FIRST = "sockshell> ";
  public static final String MORE = "   ...> ";
}
