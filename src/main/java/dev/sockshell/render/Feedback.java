package dev.sockshell.render;

/**
 * The mark before every line sockshell itself says (feedback, hints, events, listings), as JShell
 * marks its own: the lines without it are results a command returned, or an error.
 */
public final class Feedback {
  private Feedback() {}

  public static final String PREFIX = "|  ";
}
