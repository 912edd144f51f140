package dev.sockshell.repl;

import dev.sockshell.commands.CommandLog;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.Context.LastResult;
import dev.sockshell.commands.Group;
import dev.sockshell.commands.Outcome;
import dev.sockshell.commands.Settings;
import dev.sockshell.commands.StateChanges;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Durations;
import dev.sockshell.trace.Origin;
import java.util.List;
import java.util.Set;

/**
 * Runs one command line and reports it: parse, run, keep the result for {@code _}, {@code $N} and
 * the next {@code expect}, log it for {@code /history} and {@code /save}, print it. How a failure
 * affects the run (stop the script or not) is the loop's business: this says what happened.
 */
final class CommandStep {
  /** What running a line came to. */
  enum Result {
    OK,
    /** The call raised a socket error; {@link #lastError} has it, not yet printed in a script. */
    SOCKET_ERROR,
    /** The line could not run (a usage error) or sockshell failed; already reported. */
    FAILED,
    /** An expectation did not hold; already reported. */
    CHECK_FAILED,
    /** A script run by /open, or a loop, stopped at an unexpected error: the run stops too. */
    STOPPED,
    EXIT,
    /** A break whose condition held: the innermost loop ends. */
    BREAK,
    /**
     * A loop inside ended by an error or Ctrl-C, already reported: the loops around it end too, and
     * the run goes on after them.
     */
    UNWIND
  }

  /** Control and checks, not commands: the summary counts what ran on sockets and the session. */
  private static final Set<String> UNCOUNTED = Set.of("expect", "repeat", "break");

  private final Context context;
  private final Reporter reporter;
  private final Tally tally;

  private LastResult last;
  private Place current;
  private SocketError lastError;

  /**
   * Verbose feedback on a failed command (its Python, its state changes), shown after its error.
   */
  private String errorPython;

  private List<String> changesAfterError = List.of();

  /** {@code /set timing on}: how long the failed command took, for its error line. */
  private String errorTiming = "";

  /** Lines run so far, the last one's number: what links a picture to its line. */
  private int steps;

  private final CallClock clock = new CallClock();

  CommandStep(Context context, Reporter reporter, Tally tally) {
    this.context = context;
    this.reporter = reporter;
    this.tally = tally;
  }

  /** The clock the session's waits are told to. */
  CallClock clock() {
    return clock;
  }

  /** The last command that was not an expectation or meta command, or null before the first. */
  LastResult last() {
    return last;
  }

  void forgetLast() {
    last = null;
  }

  /** The error of the last {@link Result#SOCKET_ERROR}. */
  SocketError lastError() {
    return lastError;
  }

  /** The place of the command running now (a loop asks where it is), or null between commands. */
  Place current() {
    return current;
  }

  /** Parses a line (or a block) of {@code source} and runs it. */
  Result run(LineSource source, LineSource.Line line) {
    CommandTable.Parsed parsed;
    try {
      parsed = context.commands().parse(line.text());
    } catch (UsageError e) {
      tally.command();
      String shown = e.lineText() != null ? e.lineText() : firstLine(line.text());
      reporter.usageError(source.name(), line.number() + e.blockLine(), shown, e);
      return Result.FAILED;
    } catch (RuntimeException e) {
      tally.command();
      reporter.internalError(Place.of(source, line).where(), e);
      return Result.FAILED;
    }
    return run(Place.of(source, line), parsed, true);
  }

  /**
   * Runs a parsed command at {@code place}: a line as read, or a command of a loop's body, which is
   * parsed once for every round and not logged by itself ({@code logged} false): /history keeps the
   * loop as one entry.
   */
  Result run(Place place, CommandTable.Parsed parsed, boolean logged) {
    // Expectations and sleep look at the last result; they must not replace it.
    boolean scripting = parsed.spec().group() == Group.CHECKS;
    boolean records = !scripting && !parsed.spec().isMeta();
    if (!UNCOUNTED.contains(parsed.spec().name())) {
      tally.command();
    }
    Settings settings = context.settings();
    boolean verbose = settings.feedback() == Settings.Feedback.VERBOSE && !parsed.spec().isMeta();
    String python = verbose ? parsed.spec().pythonOf(parsed.command()) : null;
    StateChanges changes = verbose ? StateChanges.before(context.session()) : null;
    String saved =
        logged && CommandLog.keeps(parsed)
            ? CommandLog.savedForm(context.commands(), parsed, context.session())
            : null;
    String failure = null;
    int valuesBefore = context.values().size();
    Place outer = current;
    current = place;
    CommandLog log = context.log();
    log.beginCall(
        parsed, new Origin(++steps, saved != null ? log.size() + 1 : 0), context.session());
    Outcome outcome = null;
    SocketError raised = null;
    clock.start();
    try {
      outcome = execute(parsed);
      if (records) {
        last = new LastResult(place.text(), outcome, null);
      }
      if (records && settings.timing()) {
        reporter.endResultWith(timing(parsed));
      }
      if (outcome instanceof Outcome.Checked c && !c.passed()) {
        failure = Reporter.expectationFailed(c.message());
      } else if (outcome instanceof Outcome.LoopEnded ended) {
        failure = ended.failure();
      }
      Result result = report(place, outcome);
      if (changes != null) {
        reporter.verbose(python, changes.after(context.session()));
      }
      return result;
    } catch (SocketError e) {
      raised = e;
      failure = e.toString();
      if (records) {
        last = new LastResult(place.text(), null, e);
      }
      lastError = e;
      errorTiming = records && settings.timing() ? timing(parsed) : "";
      errorPython = python;
      changesAfterError = changes == null ? List.of() : changes.after(context.session());
      if (place.source().isInteractive()) {
        reporter.endResultWith(errorTiming);
        reporter.socketError(null, e, false);
        reporter.verbose(python, changesAfterError);
      }
      return Result.SOCKET_ERROR;
    } catch (UsageError e) {
      failure = Text.get("report.error", e.getMessage());
      usageError(place, e.withUsage(parsed.spec().synopsis()));
      return Result.FAILED;
    } catch (RuntimeException e) {
      failure = Text.get("internal.error", e);
      reporter.internalError(place.where(), e);
      return Result.FAILED;
    } finally {
      current = outer;
      reporter.endResultWith("");
      // A /reset in the command replaced the log: record into the one in use now.
      context.log().endCall(outcome, raised, context.session());
      // Sockets the command borrowed from the background go back to their work.
      context.background().giveBack();
      if (saved != null) {
        context.log().add(parsed, saved, failure, keptSince(valuesBefore));
      }
    }
  }

  private void usageError(Place place, UsageError e) {
    reporter.usageError(
        place.source().name(), place.number(), place.text(), e.locatedIn(place.text()));
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /**
   * Runs a command a Python line made, reported as a typed command is (its value or feedback line,
   * with verbose feedback the same call as a sockshell command) and logged for /history and /save.
   * Its error is not printed: it is thrown, for Python to raise or catch.
   */
  Outcome call(CommandTable.Parsed parsed) throws SocketError, UsageError {
    tally.command();
    boolean verbose = context.settings().feedback() == Settings.Feedback.VERBOSE;
    StateChanges changes = verbose ? StateChanges.before(context.session()) : null;
    String saved =
        CommandLog.keeps(parsed)
            ? CommandLog.savedForm(context.commands(), parsed, context.session())
            : null;
    String failure = null;
    // The diagram draws a Python program's calls as it draws typed ones.
    CommandLog log = context.log();
    log.beginCall(
        parsed, new Origin(++steps, saved != null ? log.size() + 1 : 0), context.session());
    Outcome outcome = null;
    SocketError raised = null;
    int valuesBefore = context.values().size();
    try {
      outcome = execute(parsed);
      last = new LastResult(parsed.line(), outcome, null);
      if (outcome instanceof Outcome.Returned r) {
        reporter.value(context.values().add(r.value()), r.value(), r.note());
      } else if (outcome instanceof Outcome.Created c) {
        reporter.created(c.name(), c.description());
      } else if (outcome instanceof Outcome.Done d) {
        reporter.feedback(d.message());
      }
      if (changes != null) {
        reporter.verboseCommand(parsed.line(), changes.after(context.session()));
      }
      return outcome;
    } catch (SocketError e) {
      raised = e;
      failure = e.toString();
      last = new LastResult(parsed.line(), null, e);
      lastError = e;
      errorPython = null;
      changesAfterError = changes == null ? List.of() : changes.after(context.session());
      throw e;
    } catch (UsageError e) {
      failure = Text.get("report.error", e.getMessage());
      throw e;
    } finally {
      context.log().endCall(outcome, raised, context.session());
      if (saved != null) {
        context.log().add(parsed, saved, failure, keptSince(valuesBefore));
      }
    }
  }

  /** The number of the last value kept since there were {@code before}, or 0 if none was. */
  private int keptSince(int before) {
    int now = context.values().size();
    return now > before ? now : 0;
  }

  /** The error of a Python line that came from a socket call, for the loop to report it. */
  void setLastError(SocketError e) {
    lastError = e;
  }

  /**
   * What {@code /set timing on} adds to a command's result: {@code (0.42 ms)}, with how long it
   * waited if it blocked, and after a recv the time since the socket last sent (a round trip).
   */
  private String timing(CommandTable.Parsed parsed) {
    long took = clock.took();
    StringBuilder sb = new StringBuilder(Text.get("timing.took", Durations.of(took)));
    if (clock.waited() > 0) {
      sb.append(Text.get("timing.waited", Durations.of(clock.waited())));
    }
    String receiver = receiver(parsed.command());
    if (receiver != null) {
      long since = context.log().sinceLastSend(receiver);
      if (since >= 0) {
        sb.append(Text.get("timing.since", Durations.of(since), receiver));
      }
    }
    return sb.append(Text.get("timing.end")).toString();
  }

  /** The socket a recv reads from, or null for any other command. */
  private static String receiver(Command c) {
    if (c instanceof Command.Recv r) {
      return r.name();
    } else if (c instanceof Command.RecvFrom r) {
      return r.name();
    } else if (c instanceof Command.RecvFile r) {
      return r.name();
    }
    return null;
  }

  /** Runs a parsed command; a buffer the heap cannot hold is Python's MemoryError, not a crash. */
  private Outcome execute(CommandTable.Parsed parsed) throws SocketError, UsageError {
    try {
      return context.commands().run(parsed, context);
    } catch (OutOfMemoryError e) {
      throw SocketError.python(PyException.MemoryError, "the JVM's heap cannot hold it")
          .withHint(Text.get("hint.memory"));
    }
  }

  /** Prints the last socket error of a script, now that the loop knows if it was expected. */
  void reportError(String where, boolean expected) {
    reporter.endResultWith(errorTiming);
    reporter.socketError(expected ? null : where, lastError, expected);
    reporter.endResultWith("");
    reporter.verbose(errorPython, changesAfterError);
  }

  /** True when the last error was Ctrl-C cancelling a call. */
  boolean lastErrorWasInterrupt() {
    return lastError != null && lastError.type() == PyException.KeyboardInterrupt;
  }

  private Result report(Place place, Outcome outcome) {
    if (outcome instanceof Outcome.Returned r) {
      reporter.value(context.values().add(r.value()), r.value(), r.note());
    } else if (outcome instanceof Outcome.Created c) {
      reporter.created(c.name(), c.description());
    } else if (outcome instanceof Outcome.Done d) {
      reporter.feedback(d.message());
    } else if (outcome instanceof Outcome.Checked c) {
      tally.expectation(c.passed(), place.where());
      if (!c.passed()) {
        // Counted and reported, but the script goes on: later checks still tell.
        reporter.failed(place.where(), c.message());
        return Result.CHECK_FAILED;
      }
      reporter.passed(c.message());
    } else if (outcome instanceof Outcome.Break b) {
      if (!place.inLoop()) {
        usageError(place, UsageError.general(Text.get("usage.break.outside")));
        return Result.FAILED;
      }
      return b.holds() ? Result.BREAK : Result.OK;
    } else if (outcome instanceof Outcome.LoopEnded ended) {
      return ended.stopsRun() ? Result.STOPPED : ended.unwinds() ? Result.UNWIND : Result.OK;
    } else if (outcome instanceof Outcome.Rerun r) {
      reporter.rerun(r.line());
      return run(place.source(), new LineSource.Line(r.line(), place.number()));
    } else if (outcome instanceof Outcome.Stopped) {
      return Result.STOPPED;
    } else if (outcome instanceof Outcome.Exit) {
      return Result.EXIT;
    }
    return Result.OK;
  }
}
