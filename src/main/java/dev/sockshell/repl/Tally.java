package dev.sockshell.repl;

import dev.sockshell.i18n.Text;
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

  private long commands;
  private long passed;
  private final Places failedAt = new Places();
  private final Places errorsAt = new Places();
  private String stoppedAt;

  /** The tallies of scripts /open runs at the console, counting along with this one. */
  private final List<Tally> parts = new ArrayList<>(1);

  /**
   * Where things failed: how many, and the first few places. A loop can fail 10,000 times; the
   * summary names {@value #LISTED} places, so that is all this keeps.
   */
  private static final class Places {
    private final List<String> first = new ArrayList<>();
    private long count;

    void add(String where) {
      if (count++ < LISTED) {
        first.add(where == null ? "console" : where);
      }
    }

    boolean isEmpty() {
      return count == 0;
    }

    @Override
    public String toString() {
      return count == 0
          ? ""
          : Text.get("summary.places", String.join(", ", first) + (count > LISTED ? ", …" : ""));
    }
  }

  /** A tally of what is counted from now until {@link #endPart}: one script's, for its summary. */
  Tally startPart() {
    Tally part = new Tally();
    parts.add(part);
    return part;
  }

  void endPart(Tally part) {
    parts.remove(part);
  }

  /** How many commands have run so far. */
  long commands() {
    return commands;
  }

  void command() {
    commands++;
    parts.forEach(Tally::command);
  }

  void expectation(boolean ok, String where) {
    if (ok) {
      passed++;
    } else {
      failedAt.add(where);
    }
    parts.forEach(p -> p.expectation(ok, where));
  }

  /** A command failed and nothing expected it; {@code stopped}: the script ended there. */
  void unexpectedError(String where, boolean stopped) {
    errorsAt.add(where);
    if (stopped) {
      stoppedAt = where;
    }
    parts.forEach(p -> p.unexpectedError(where, stopped));
  }

  /** True when an expectation failed or a command failed unexpectedly. */
  boolean anyFailure() {
    return !failedAt.isEmpty() || !errorsAt.isEmpty();
  }

  Styled summary() {
    String text =
        Text.get(
            "summary.counts",
            count(commands, "summary.command"),
            count(passed, "summary.expectation"),
            failedAt.count,
            failedAt);
    if (stoppedAt != null) {
      text = Text.get("summary.stopped", text, stoppedAt);
    } else if (!errorsAt.isEmpty()) {
      text = Text.get("summary.errors", text, count(errorsAt.count, "summary.error"), errorsAt);
    }
    if (anyFailure()) {
      text = Text.get("summary.failed", text);
    }
    return Styled.of(anyFailure() ? Style.ERROR : Style.SUCCESS, text);
  }

  /** {@code 1 command}, {@code 3 commands}: the message {@code key.one} or {@code key.many}. */
  private static String count(long n, String key) {
    return Text.get(key + (n == 1 ? ".one" : ".many"), n);
  }
}
