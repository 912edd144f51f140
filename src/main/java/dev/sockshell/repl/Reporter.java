package dev.sockshell.repl;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.Settings;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.HexDump;
import dev.sockshell.render.Output;
import dev.sockshell.render.Repr;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.render.TextView;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what happened, JShell style: {@code $3 ==> b'hello'} for a value, {@code | } before
 * feedback, one line per error naming the Python class and errno, a caret under a usage error. How
 * much it says follows {@code /set feedback}; how received bytes look, {@code /set display}.
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

  /** The command {@code /N} is about to re-run, as JShell shows it. */
  void rerun(String line) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      out.println(Styled.of(Style.COMMAND, line));
    }
  }

  void value(int number, Value value, String note) {
    if (settings.feedback() == Settings.Feedback.SILENT) {
      return;
    }
    List<ByteString> dumps = new ArrayList<>();
    String shown = Repr.of(value, bytes -> shown(bytes, dumps));
    out.println(
        Styled.builder()
            .add(Style.VALUE_NAME, "$" + number)
            .plain(" ==> ")
            .add(Style.VALUE, shown)
            .build());
    for (ByteString dump : dumps) {
      HexDump.lines(dump).forEach(line -> out.println(Styled.of(Style.VALUE, "  " + line)));
    }
    if (note != null) {
      feedback(note);
    }
  }

  /** Bytes as {@code /set display} asks; a hex dump goes below the value line. */
  private String shown(ByteString bytes, List<ByteString> dumps) {
    if (bytes.isEmpty()) {
      return bytes.toString();
    }
    return switch (settings.display()) {
      case REPR -> bytes.toString();
      case TEXT -> TextView.of(bytes, settings.encoding());
      case HEX -> {
        dumps.add(bytes);
        yield bytes.size() + (bytes.size() == 1 ? " byte" : " bytes");
      }
    };
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
    if (talkative()) {
      out.println(Styled.of(Style.FEEDBACK, FEEDBACK + message));
    }
  }

  /** Verbose feedback: the command in Python, and what it did to the sockets' states. */
  void verbose(String python, List<String> stateChanges) {
    if (settings.feedback() != Settings.Feedback.VERBOSE) {
      return;
    }
    if (python != null) {
      out.println(
          Styled.builder()
              .add(Style.FEEDBACK, FEEDBACK + "Python: ")
              .add(Style.STRING, python)
              .build());
    }
    stateChanges.forEach(change -> out.println(Styled.of(Style.FEEDBACK, FEEDBACK + change)));
  }

  /** Normal and verbose feedback say what a command did; concise and silent only show results. */
  private boolean talkative() {
    return settings.feedback() == Settings.Feedback.NORMAL
        || settings.feedback() == Settings.Feedback.VERBOSE;
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
    if (e.hint() != null && talkative()) {
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
