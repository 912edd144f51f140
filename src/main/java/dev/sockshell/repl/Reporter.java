package dev.sockshell.repl;

import dev.sockshell.bytes.Printable;
import dev.sockshell.commands.Settings;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Prompt;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Columns;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Output;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Prints what happened, JShell style: {@code $3 ==> b'hello'} for a value, {@code | } before
 * feedback, one line per error naming the Python class and errno, a caret under a usage error. How
 * much it says follows {@code /set feedback}; how received bytes look, {@code /set display}.
 *
 * <p>Lines go to the screen and, when one is kept, to a transcript file. With {@code --quiet} the
 * screen gets only what went wrong (unexpected errors, failed expectations); the transcript always
 * gets everything, without colour.
 */
final class Reporter {
  private final Settings settings;
  private Output screen;
  private Output transcript;
  private Output record;
  private boolean quiet;

  /** Where a Python program's standard error goes; null: the screen. */
  private Output errors;

  /**
   * Where a Python program's print goes; null: the screen. A program run with {@code --events}
   * prints there (stdout, as python3's), while the screen with sockshell's lines is stderr.
   */
  private Output programOut;

  /** What Python's print wrote after the last newline, held until the line is complete. */
  private final StringBuilder partialLine = new StringBuilder();

  /** Added to the next result line: {@code /set timing}'s {@code (0.42 ms)}. */
  private String resultSuffix = "";

  /** What commands print themselves (/list, /help): routine output, as {@link #show} routes it. */
  private final Output routine =
      new Output() {
        @Override
        public void println(Styled line) {
          show(line);
        }

        @Override
        public void println(Styled line, Styled continuation) {
          show(line, continuation);
        }

        @Override
        public void flush() {
          Reporter.this.flush();
        }

        @Override
        public int width() {
          return screen.width();
        }

        @Override
        public boolean unicode() {
          return screen.unicode();
        }
      };

  Reporter(Output screen, Settings settings) {
    this.screen = screen;
    this.settings = settings;
  }

  /** The output commands print to. */
  Output out() {
    return routine;
  }

  void setScreen(Output screen) {
    flush();
    this.screen = screen;
  }

  /** Also writes every line to {@code transcript} (null: none). */
  void setTranscript(Output transcript) {
    this.transcript = transcript;
  }

  /** Also keeps every line in {@code record}: the session as it looked, for /export. */
  void setRecord(Output record) {
    this.record = record;
  }

  void setQuiet(boolean quiet) {
    this.quiet = quiet;
  }

  /** Ends the command's next result line (its value, feedback or error) with {@code suffix}. */
  void endResultWith(String suffix) {
    resultSuffix = suffix;
  }

  /** The suffix for the line being printed, once. */
  private String takeSuffix() {
    String suffix = resultSuffix;
    resultSuffix = "";
    return suffix;
  }

  void flush() {
    endPartialLine();
    if (programOut != null) {
      programOut.flush();
    }
    screen.flush();
    if (errors != null) {
      errors.flush();
    }
    if (transcript != null) {
      transcript.flush();
    }
  }

  /** Routine output: hidden from the screen by --quiet. */
  private void show(Styled line) {
    if (!quiet) {
      flushProgramOut();
      screen.println(line);
    }
    record(line);
  }

  /** A line about what the background did: routine, so --quiet hides it. */
  void event(Styled line) {
    show(line);
  }

  /**
   * Routine prose (feedback, a hint): on the screen broken at spaces to fit the window, each line
   * after the first starting with {@code continuation}; one line in the transcript.
   */
  private void show(Styled line, Styled continuation) {
    if (!quiet) {
      flushProgramOut();
      screen.println(line, continuation);
    }
    record(line);
  }

  /** What went wrong: always shown, broken at spaces to fit the window as {@link #show} does. */
  private void alert(Styled line, Styled continuation) {
    flushProgramOut();
    screen.println(line, continuation);
    record(line);
  }

  /** What went wrong, as it is (a line of the script with a caret under it must not move). */
  private void alert(Styled line) {
    flushProgramOut();
    screen.println(line);
    record(line);
  }

  /** Also what the console printed itself (an event above the prompt): the transcript's copy. */
  void record(Styled line) {
    if (record != null) {
      record.println(line);
    }
    if (transcript != null) {
      transcript.println(line);
    }
  }

  /** A Python program's standard error goes to {@code errors} from now on (null: the screen). */
  void setErrors(Output errors) {
    this.errors = errors;
  }

  /** A Python program's print goes to {@code out} from now on (null: the screen). */
  void setProgramOutput(Output out) {
    this.programOut = out;
  }

  /**
   * Before a line of sockshell's goes to the screen, what the program printed goes out: two streams
   * on one terminal show in the order they were written.
   */
  private void flushProgramOut() {
    if (programOut != null) {
      programOut.flush();
    }
  }

  /**
   * What Python's {@code print} writes: the program's own output, shown even with --quiet. Whole
   * lines go out as they complete; the rest waits for its newline (or the end of the run).
   */
  void programOutput(String text) {
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      partialLine.append(text, start, nl);
      Styled line = Styled.plain(partialLine.toString());
      partialLine.setLength(0);
      if (programOut != null) {
        screen.flush();
        programOut.println(line);
      } else {
        screen.println(line);
      }
      record(line);
      start = nl + 1;
    }
    partialLine.append(text, start, text.length());
  }

  /** What print wrote since the last newline (an input prompt), taken out of the buffer. */
  String takePartialLine() {
    String text = partialLine.toString();
    partialLine.setLength(0);
    return text;
  }

  /** A line that print left without its newline ends here, as the terminal would show it. */
  void endPartialLine() {
    if (partialLine.length() > 0) {
      programOutput("\n");
    }
  }

  /** What a Python program writes to standard error: its tracebacks, print(file=sys.stderr). */
  void programError(String text) {
    endPartialLine();
    Output to = errors != null ? errors : screen;
    flushProgramOut();
    screen.flush();
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      to.println(Styled.plain(line));
      record(Styled.plain(line));
    }
    to.flush();
  }

  /** A Python error at the console or in a script, as sockshell shows errors: one line. */
  void pythonError(String where, String text) {
    alert(Styled.of(Style.ERROR, prefix(where) + text));
  }

  /** Verbose feedback of a call a Python line made: the same call as a sockshell command. */
  void verboseCommand(String command, List<String> stateChanges) {
    if (settings.feedback() != Settings.Feedback.VERBOSE) {
      return;
    }
    show(
        Styled.builder()
            .add(Style.FEEDBACK, Feedback.PREFIX + "sockshell: ")
            .add(Style.COMMAND, command)
            .build());
    stateChanges.forEach(change -> show(Styled.of(Style.FEEDBACK, Feedback.PREFIX + change)));
  }

  /** A script line (or block), shown as if typed at the prompt. */
  void echo(String text) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      for (Styled line : prompted(text)) {
        show(line);
      }
    }
  }

  /** A line typed at the console: the terminal shows it already, the transcript needs it. */
  void typed(String text) {
    for (Styled line : prompted(text)) {
      record(line);
    }
  }

  /** A line after the prompt; a block's further lines after the continuation prompt. */
  private static List<Styled> prompted(String text) {
    if (!text.isEmpty() && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      // One line, as almost every script line is: no stream and lambda per line.
      return List.of(Styled.of(PROMPT, new Styled.Span(Style.PLAIN, text)));
    }
    List<Styled> lines = new ArrayList<>();
    text.lines()
        .forEach(
            line ->
                lines.add(
                    Styled.builder()
                        .add(Style.PROMPT, lines.isEmpty() ? Prompt.FIRST : Prompt.MORE)
                        .plain(line)
                        .build()));
    return lines;
  }

  private static final Styled.Span PROMPT = new Styled.Span(Style.PROMPT, Prompt.FIRST);

  /** The command {@code /N} is about to re-run, as JShell shows it. */
  void rerun(String text) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      text.lines().forEach(line -> show(Styled.of(Style.COMMAND, line)));
    }
  }

  /** The line that says why a loop ended, after how many rounds, and how long a round took. */
  void loopEnded(String message) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      show(Styled.of(Style.FEEDBACK, Feedback.PREFIX + message));
    }
  }

  void value(int number, Value value, String note) {
    if (settings.feedback() == Settings.Feedback.SILENT) {
      return;
    }
    ValueLines shown = ValueLines.of(number, value, settings, takeSuffix());
    List<Styled> lines = shown.lines();
    for (int i = 0; i < lines.size(); i++) {
      show(lines.get(i));
    }
    if (note != null) {
      feedback(note);
    }
    if (shown.leftOut() > 0) {
      feedback("$" + number + " keeps every byte; /set truncation all shows them all");
    }
  }

  void created(String name, String description) {
    if (settings.feedback() != Settings.Feedback.SILENT) {
      show(
          Styled.builder()
              .add(Style.SOCKET, name)
              .plain(" ==> ")
              .add(Style.VALUE, description)
              .add(Style.DIM, takeSuffix())
              .build());
    }
  }

  void feedback(String message) {
    if (talkative()) {
      show(
          Styled.builder()
              .add(Style.FEEDBACK, Feedback.PREFIX + message)
              .add(Style.DIM, takeSuffix())
              .build(),
          FEEDBACK_GOES_ON);
    }
  }

  /** Where a line of feedback goes on when it is broken to fit the window. */
  private static final Styled FEEDBACK_GOES_ON = Styled.of(Style.FEEDBACK, Feedback.PREFIX);

  /** Where an error goes on when it is broken to fit the window: indented, as Python does. */
  private static final Styled ERROR_GOES_ON = Styled.plain("  ");

  /** Where a hint goes on: under its text, after {@code | hint: } in the session's language. */
  private static Styled hintGoesOn() {
    return Styled.of(Style.HINT, Feedback.PREFIX + Columns.blankUnder(Text.get("report.hint", "")));
  }

  /** Verbose feedback: the command in Python, and what it did to the sockets' states. */
  void verbose(String python, List<String> stateChanges) {
    if (settings.feedback() != Settings.Feedback.VERBOSE) {
      return;
    }
    if (python != null) {
      show(
          Styled.builder()
              .add(Style.FEEDBACK, Feedback.PREFIX + "Python: ")
              .add(Style.STRING, python)
              .build());
    }
    stateChanges.forEach(change -> show(Styled.of(Style.FEEDBACK, Feedback.PREFIX + change)));
  }

  /** Normal and verbose feedback say what a command did; concise and silent only show results. */
  private boolean talkative() {
    return settings.feedback() == Settings.Feedback.NORMAL
        || settings.feedback() == Settings.Feedback.VERBOSE;
  }

  void passed(String message) {
    feedback(message);
  }

  /** {@code expectation failed: …}, as the error line and /history say it. */
  static String expectationFailed(String message) {
    return Text.get("report.expectation.failed", message);
  }

  /** A failed expectation: never silenced. */
  void failed(String where, String message) {
    alert(Styled.of(Style.ERROR, prefix(where) + expectationFailed(message)), ERROR_GOES_ON);
  }

  /**
   * A socket error; {@code expected} (the next line is {@code expect error}) makes it routine, so
   * --quiet hides it.
   */
  void socketError(String where, SocketError e, boolean expected) {
    BiConsumer<Styled, Styled> print = expected ? this::show : this::alert;
    print.accept(
        Styled.builder().add(Style.ERROR, prefix(where) + e).add(Style.DIM, takeSuffix()).build(),
        ERROR_GOES_ON);
    if (e.hint() != null && talkative()) {
      print.accept(
          Styled.of(Style.HINT, Feedback.PREFIX + Text.get("report.hint", e.hint())), hintGoesOn());
    }
  }

  /**
   * A socket call of a Python program raised {@code e} at {@code line}: a line of feedback and the
   * hint, whether the program catches it or not (its traceback, if it does not, is Python's).
   */
  void raised(int line, SocketError e) {
    if (talkative()) {
      show(
          Styled.of(Style.ERROR, Feedback.PREFIX + Text.get("report.raised", line, e)),
          FEEDBACK_GOES_ON);
      if (e.hint() != null) {
        show(
            Styled.of(Style.HINT, Feedback.PREFIX + Text.get("report.hint", e.hint())),
            hintGoesOn());
      }
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
    alert(
        Styled.of(Style.ERROR, location + Text.get("report.error", e.getMessage())), ERROR_GOES_ON);
    if (e.column() >= 0 && line != null) {
      alert(Styled.plain("  " + line));
      // The line is shown with its control characters escaped: point at the same character,
      // as many columns in as the terminal draws what comes before it.
      String before = line.substring(0, Math.min(e.column(), line.length()));
      alert(
          Styled.of(
              Style.ERROR, "  " + Columns.blankUnder(Printable.controlsEscaped(before)) + "^"));
    }
    if (e.usage() != null) {
      alert(Styled.of(Style.DIM, Text.get("report.usage", e.usage())), usageGoesOn());
    }
  }

  /** Where a usage goes on: under its text, after {@code usage: } in the session's language. */
  private static Styled usageGoesOn() {
    return Styled.of(Style.DIM, Columns.blankUnder(Text.get("report.usage", "")));
  }

  /** Something sockshell did not foresee: one line, never a stack trace. */
  void internalError(String where, RuntimeException e) {
    alert(
        Styled.of(Style.ERROR, prefix(where) + Text.get("report.internal.error", e)),
        ERROR_GOES_ON);
  }

  void stopped(String where, String why) {
    alert(Styled.of(Style.ERROR, prefix(where) + why), ERROR_GOES_ON);
  }

  /** The summary at the end of a run; --quiet shows it only when something failed. */
  void summary(Tally tally) {
    if (tally.anyFailure()) {
      alert(tally.summary());
    } else {
      show(tally.summary());
    }
  }

  private static String prefix(String where) {
    return where == null ? "" : where + ": ";
  }
}
