package dev.sockshell.testing;

import java.util.regex.Pattern;

/**
 * Masks the times a loop's summary line gives ({@code per round min 30 µs, avg 41 µs, max 60 µs}),
 * which differ on every run, so transcripts compare; the words around them stay.
 */
public final class RoundTimes {
  private static final Pattern TIME =
      Pattern.compile("(per round min|, avg|, max) [0-9.]+ (µs|ms|s)(?=[,\\n]|$)");

  private RoundTimes() {}

  public static String mask(String text) {
    return TIME.matcher(text).replaceAll("$1 <t>");
  }
}
