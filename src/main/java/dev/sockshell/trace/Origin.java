package dev.sockshell.trace;

/**
 * Which command line made an event.
 *
 * @param step the line's number in the whole run, never reused (a picture links to it)
 * @param command its number in {@code /history}, or 0 for a line /history does not keep or for work
 *     done in the background
 */
public record Origin(int step, int command) {
  /** Background work: no command line. */
  public static final Origin BACKGROUND = new Origin(0, 0);

  public boolean isBackground() {
    return step == 0;
  }
}
