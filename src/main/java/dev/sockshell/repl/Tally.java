package dev.sockshell.repl;

import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, for the summary line at its end: {@code 12 commands, 5 expectations passed, 1
 * failed (demo.socks:7)}. Where something failed is kept, so the summary points at it.
 */
final class Tally {
  /** Locations listed in the summary before it says "…". */
  private static final int LISTED = 5;

  private int commands;
  private int passed;
  private final List<String> failedAt = new ArrayList<>();
  private final List<String> errorsAt = new ArrayList<>();
  private String stoppedAt;

  void command() {
    commands++;
  }

  void expectation(boolean ok, String where) {
    if (ok) {
      passed++;
    } else {
      failedAt.add(where == null ? "console" : where);
    }
  }

  /** A command failed and nothing expected it; {@code stopped}: the script ended there. */
  void unexpectedError(String where, boolean stopped) {
    errorsAt.add(where == null ? "console" : where);
    if (stopped) {
      stoppedAt = where;
    }
  }

  /** True when an expectation failed or a command failed unexpectedly. */
  boolean anyFailure() {
    return !failedAt.isEmpty() || !errorsAt.isEmpty();
  }

  Styled summary() {
    StringBuilder sb = new StringBuilder();
    if (anyFailure()) {
      sb.append("FAILED: ");
    }
    sb.append(count(commands, "command", "commands"))
        .append(", ")
        .append(count(passed, "expectation", "expectations"))
        .append(" passed, ")
        .append(failedAt.size())
        .append(" failed")
        .append(where(failedAt));
    if (stoppedAt != null) {
      sb.append("; stopped by an unexpected error at ").append(stoppedAt);
    } else if (!errorsAt.isEmpty()) {
      sb.append("; ")
          .append(count(errorsAt.size(), "unexpected error", "unexpected errors"))
          .append(where(errorsAt));
    }
    return Styled.of(anyFailure() ? Style.ERROR : Style.SUCCESS, sb.toString());
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String where(List<String> places) {
    if (places.isEmpty()) {
      return "";
    }
    List<String> shown = places.size() > LISTED ? places.subList(0, LISTED) : places;
    return " (" + String.join(", ", shown) + (places.size() > LISTED ? ", …" : "") + ")";
  }
}
