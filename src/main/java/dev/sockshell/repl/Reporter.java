package dev.sockshell.repl;

import dev.sockshell.commands.Settings;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Output;
import dev.sockshell.render.Repr;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.value.Value;

/**
 * Prints what happened, JShell style: {@code $3 ==> b'hello'} for a value, {@code | } before
 * feedback, one line per error naming the Python class and errno, a caret under a usage error.
 */
final class Reporter {
  static final String PROMPT = "sockshell> ";
  static final String FEEDBACK = "|  ";

  private final Output out;
  private final Settings settings;

  Reporter(Output out, Settings settings) {
    this.out = out;
    this.settings = settings;
  }

  Output out() {
    return out;
  }

  /** A script line, shown as if typed at the prompt. */
  void echo(String line) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      out.println(Styled.builder().add(Style.PROMPT, PROMPT).plain(line).build());
    }
  }

  void value(int number, Value value, String note) {
    if (settings.feedback() == Settings.Feedback.SILENT) {
      return;
    }
    out.println(
        Styled.builder()
            .add(Style.VALUE_NAME, "$" + number)
            .plain(" ==> ")
            .add(Style.VALUE, Repr.of(value))
            .build());
    if (note != null) {
      feedback(note);
    }
  }

  void created(String name, String description) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      out.println(
          Styled.builder()
              .add(Style.SOCKET, name)
              .plain(" ==> ")
              .add(Style.VALUE, description)
              .build());
    }
  }

  void feedback(String message) {
    if (settings.feedback() == Settings.Feedback.NORMAL
        || settings.feedback() == Settings.Feedback.VERBOSE) {
      out.println(Styled.of(Style.FEEDBACK, FEEDBACK + message));
    }
  }

  void passed(String message) {
    feedback(message);
  }

  /** A failed expectation: never silenced. */
  void failed(String where, String message) {
    out.println(Styled.of(Style.ERROR, prefix(where) + "expectation failed: " + message));
  }

  void socketError(String where, SocketError e) {
    out.println(Styled.of(Style.ERROR, prefix(where) + e));
    if (e.hint() != null && settings.feedback() != Settings.Feedback.SILENT) {
      out.println(Styled.of(Style.HINT, FEEDBACK + "hint: " + e.hint()));
    }
  }

  /**
   * {@code demo.socks:7:17: error: …}, then the line with a caret under the column, then the usage.
   */
  void usageError(String where, int lineNumber, String line, UsageError e) {
    String location =
        where == null
            ? ""
            : where + ":" + lineNumber + (e.column() >= 0 ? ":" + (e.column() + 1) : "") + ": ";
    out.println(Styled.of(Style.ERROR, location + "error: " + e.getMessage()));
    if (e.column() >= 0 && line != null) {
      out.println(Styled.plain("  " + line));
      out.println(Styled.of(Style.ERROR, "  " + " ".repeat(e.column()) + "^"));
    }
    if (e.usage() != null) {
      out.println(Styled.of(Style.DIM, "usage: " + e.usage()));
    }
  }

  /** Something sockshell did not foresee: one line, never a stack trace. */
  void internalError(String where, RuntimeException e) {
    out.println(
        Styled.of(
            Style.ERROR,
            prefix(where)
                + "internal error: "
                + e
                + " (this is a sockshell bug; please report it with the command that caused it)"));
  }

  void stopped(String where, String why) {
    out.println(Styled.of(Style.ERROR, prefix(where) + why));
  }

  private static String prefix(String where) {
    return where == null ? "" : where + ": ";
  }
}
