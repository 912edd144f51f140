package dev.sockshell.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks what the clock says in a transcript, so that it can be compared. */
final class Times {
  private Times() {}

  private static final Pattern DURATION = Pattern.compile("\\b\\d+(?:\\.\\d+)? (?:µs|ms|s)\\b");

  /** A diagram's time column: seconds with milliseconds at the start of a row. */
  private static final Pattern TIME_COLUMN = Pattern.compile("(?m)^( *)(\\d+\\.\\d{3})(?= )");

  static String mask(String text) {
    String durations = DURATION.matcher(text).replaceAll("<t>");
    Matcher m = TIME_COLUMN.matcher(durations);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, m.group(1) + m.group(2).replaceAll("\\d", "#"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
