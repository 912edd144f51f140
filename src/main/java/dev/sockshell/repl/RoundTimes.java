package dev.sockshell.repl;

import dev.sockshell.i18n.Text;
import dev.sockshell.render.Durations;

/**
 * How long a loop's whole rounds took (one cut short by a break, an error or Ctrl-C is not
 * counted): the shortest, the mean and the longest, in constant memory.
 */
final class RoundTimes {
  private long rounds;
  private long total;
  private long min = Long.MAX_VALUE;
  private long max;

  void add(long nanos) {
    rounds++;
    total += nanos;
    min = Math.min(min, nanos);
    max = Math.max(max, nanos);
  }

  /** {@code ; per round min 30 µs, avg 41 µs, max 60 µs}, or "" for one whole round or none. */
  String summary() {
    if (rounds < 2) {
      return "";
    }
    return Text.get(
        "loop.times", Durations.of(min), Durations.of(total / rounds), Durations.of(max));
  }
}
