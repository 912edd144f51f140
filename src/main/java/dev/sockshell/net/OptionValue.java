package dev.sockshell.net;

/** A socket option's value as Python passes it: an int, or SO_LINGER's {@code struct linger}. */
public sealed interface OptionValue {
  /** Flags (0 or 1) and sizes. */
  record Int(int value) implements OptionValue {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  /** {@code struct linger}: {@code l_onoff} and {@code l_linger} in seconds. */
  record Linger(boolean on, int seconds) implements OptionValue {
    /** As Python unpacks it: {@code (1, 0)}. */
    @Override
    public String toString() {
      return "(" + (on ? 1 : 0) + ", " + seconds + ")";
    }
  }

  /**
   * An option's value as getsockopt found it.
   *
   * @param notFromOs null when the OS reported the value; else why and where it comes from
   */
  record Reading(OptionValue value, String notFromOs) {}
}
