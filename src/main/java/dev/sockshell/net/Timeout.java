package dev.sockshell.net;

/**
 * A socket's timeout as Python keeps it: {@code None} blocks forever, {@code 0.0} is non-blocking,
 * and a positive number bounds every blocking call separately.
 */
public record Timeout(Double seconds) {
  public static final Timeout BLOCKING = new Timeout(null);
  public static final Timeout NON_BLOCKING = new Timeout(0.0);

  public Timeout {
    if (seconds != null && !(seconds >= 0 && seconds <= Long.MAX_VALUE / 1e9)) {
      throw new IllegalArgumentException(PyMessages.TIMEOUT_RANGE);
    }
  }

  public static Timeout seconds(double seconds) {
    return seconds == 0 ? NON_BLOCKING : new Timeout(seconds);
  }

  public boolean isBlocking() {
    return seconds == null;
  }

  public boolean isNonBlocking() {
    return seconds != null && seconds == 0;
  }

  /** The {@link System#nanoTime} at which a call started now must give up, or MAX_VALUE. */
  long deadlineFromNow() {
    return seconds == null ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
  }
}
