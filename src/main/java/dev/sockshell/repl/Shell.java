package dev.sockshell.repl;

import dev.sockshell.commands.CommandLog;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.Group;
import dev.sockshell.commands.Outcome;
import dev.sockshell.commands.Settings;
import dev.sockshell.commands.StateChanges;
import dev.sockshell.commands.ValueStore;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.PyException;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.Timeout;
import dev.sockshell.net.Waiter;
import dev.sockshell.render.Output;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The read → parse → execute → report loop, over any {@link LineSource}. In a script, a command
 * that fails unexpectedly stops the run (as an uncaught exception stops a Python program) unless
 * the next command is {@code expect error …}; in the console nothing stops.
 */
public final class Shell implements Context, AutoCloseable {
  /** How a run of a source ended. */
  public enum End {
    /** Every line ran; failures, if any, were expected or only counted (keep-going). */
    COMPLETED,
    /** A command failed unexpectedly and the run stopped there. */
    STOPPED,
    /** {@code /exit}. */
    EXITED
  }

  private final Session session;
  private final CommandTable table = CommandTable.standard();
  private final Settings settings = new Settings();
  private final ValueStore values = new ValueStore();
  private final CommandLog log = new CommandLog(settings);
  private final Reporter reporter;
  private final Deque<LineSource> sources = new ArrayDeque<>();
  private final Path workingDirectory;
  private final Tally tally = new Tally();
  private LastResult last;
  private SocketError lastError;
  private boolean keepGoing;
  private boolean failed;

  public Shell(Session session, Output out, Path workingDirectory) {
    this.session = session;
    this.reporter = new Reporter(out, settings);
    this.workingDirectory = workingDirectory;
    session.waiter().setListener(new FlushBeforeWaiting(reporter, null));
  }

  /** Also tells {@code listener} when a call starts and stops waiting (the console's status). */
  public void setWaitListener(Waiter.Listener listener) {
    session.waiter().setListener(new FlushBeforeWaiting(reporter, listener));
  }

  /** Prints to {@code out} from now on, e.g. the console's terminal after the scripts of -i. */
  public void setOutput(Output out) {
    reporter.setScreen(out);
  }

  /** Also records everything the run prints in {@code transcript}, whatever the screen shows. */
  public void setTranscript(Output transcript) {
    reporter.setTranscript(transcript);
  }

  /** Quiet: the screen shows only unexpected errors and failed expectations. */
  public void setQuiet(boolean quiet) {
    reporter.setQuiet(quiet);
  }

  /** With keep-going, a script runs its remaining lines after an unexpected error. */
  public void setKeepGoing(boolean keepGoing) {
    this.keepGoing = keepGoing;
  }

  /** Prints {@code N commands, N expectations passed, N failed}, saying where anything failed. */
  public void printSummary() {
    reporter.summary(tally);
    reporter.flush();
  }

  /** True once anything failed that was not expected: the run's exit status is then 1. */
  public boolean failed() {
    return failed;
  }

  /** Cancels the running call, as Ctrl-C does; safe from any thread. */
  public void interrupt() {
    session.waiter().cancel();
  }

  public End run(LineSource source) {
    sources.push(source);
    try {
      return loop(source);
    } finally {
      sources.pop();
      reporter.flush();
    }
  }

  private End loop(LineSource source) {
    LineSource.Line pending = null;
    while (true) {
      LineSource.Line line;
      try {
        line = pending != null ? pending : source.next();
      } catch (IOException e) {
        // A binary file read as a script fails decoding with a bare "Input length = 1".
        String why =
            e instanceof CharacterCodingException ? "it is not UTF-8 text" : e.getMessage();
        reporter.stopped(source.name(), "cannot read: " + why);
        tally.unexpectedError(source.name(), true);
        failed = true;
        return End.STOPPED;
      }
      pending = null;
      if (line == null) {
        return End.COMPLETED;
      }
      if (CommandTable.isBlank(line.text())) {
        continue;
      }
      if (source.isInteractive()) {
        reporter.typed(line.text());
      } else {
        reporter.echo(line.text());
      }
      Step step = step(source, line);
      switch (step) {
        case EXIT:
          return End.EXITED;
        case SOCKET_ERROR:
          if (source.isInteractive()) {
            break;
          }
          pending = nextCommand(source);
          boolean expected = pending != null && isExpectError(pending.text());
          reportError(source, line, expected);
          if (!expected && stop(source, line)) {
            return End.STOPPED;
          }
          break;
        case FAILED:
          if (!source.isInteractive() && stop(source, line)) {
            return End.STOPPED;
          }
          break;
        case STOPPED:
          if (!source.isInteractive()) {
            failed = true; // the script it opened said where and why
            return End.STOPPED;
          }
          break;
        default:
          break;
      }
    }
  }

  private enum Step {
    OK,
    SOCKET_ERROR,
    FAILED,
    /** A script run by /open stopped at an unexpected error. */
    STOPPED,
    EXIT
  }

  /**
   * Verbose feedback on a failed command (its Python, its state changes), shown after its error.
   */
  private String errorPython;

  /** The most scripts /open may have open at once (one inside the other). */
  private static final int MAX_OPENED = 20;

  /** How many scripts /open has open now. */
  private int opened;

  private List<String> changesAfterError = List.of();

  private Step step(LineSource source, LineSource.Line line) {
    CommandTable.Parsed parsed;
    try {
      parsed = table.parse(line.text());
    } catch (UsageError e) {
      tally.command();
      reporter.usageError(source.name(), line.number(), line.text(), e);
      return Step.FAILED;
    } catch (RuntimeException e) {
      tally.command();
      reporter.internalError(where(source, line), e);
      return Step.FAILED;
    }
    // Expectations and sleep look at the last result; they must not replace it.
    boolean scripting = parsed.spec().group() == Group.CHECKS;
    boolean records = !scripting && !parsed.spec().isMeta();
    if (!parsed.spec().name().equals("expect")) {
      tally.command();
    }
    boolean verbose = settings.feedback() == Settings.Feedback.VERBOSE && !parsed.spec().isMeta();
    String python = verbose ? parsed.spec().pythonOf(parsed.command()) : null;
    StateChanges changes = verbose ? StateChanges.before(session) : null;
    String saved = CommandLog.keeps(parsed) ? CommandLog.savedForm(parsed, session) : null;
    String failure = null;
    session.waiter().reset();
    try {
      Outcome outcome = execute(parsed);
      if (records) {
        last = new LastResult(line.text(), outcome, null);
      }
      if (outcome instanceof Outcome.Checked c && !c.passed()) {
        failure = "expectation failed: " + c.message();
      }
      Step step = report(source, line, outcome);
      if (changes != null) {
        reporter.verbose(python, changes.after(session));
      }
      return step;
    } catch (SocketError e) {
      failure = e.toString();
      if (records) {
        last = new LastResult(line.text(), null, e);
      }
      lastError = e;
      errorPython = python;
      changesAfterError = changes == null ? List.of() : changes.after(session);
      if (source.isInteractive()) {
        reporter.socketError(null, e, false);
        reporter.verbose(python, changesAfterError);
      }
      return Step.SOCKET_ERROR;
    } catch (UsageError e) {
      failure = "error: " + e.getMessage();
      reporter.usageError(
          source.name(),
          line.number(),
          line.text(),
          e.withUsage(parsed.spec().synopsis()).locatedIn(line.text()));
      return Step.FAILED;
    } catch (RuntimeException e) {
      failure = "internal error: " + e;
      reporter.internalError(where(source, line), e);
      return Step.FAILED;
    } finally {
      if (saved != null) {
        log.add(parsed, saved, failure);
      }
    }
  }

  /** Runs a parsed command; a buffer the heap cannot hold is Python's MemoryError, not a crash. */
  private Outcome execute(CommandTable.Parsed parsed) throws SocketError, UsageError {
    try {
      return table.run(parsed, this);
    } catch (OutOfMemoryError e) {
      throw SocketError.python(PyException.MemoryError, "the JVM's heap cannot hold it")
          .withHint("ask for fewer bytes (BUFSIZE, --exact N); sendfile and recvfile move files");
    }
  }

  private Step report(LineSource source, LineSource.Line line, Outcome outcome) {
    if (outcome instanceof Outcome.Returned r) {
      reporter.value(values.add(r.value()), r.value(), r.note());
    } else if (outcome instanceof Outcome.Created c) {
      reporter.created(c.name(), c.description());
    } else if (outcome instanceof Outcome.Done d) {
      reporter.feedback(d.message());
    } else if (outcome instanceof Outcome.Checked c) {
      tally.expectation(c.passed(), where(source, line));
      if (c.passed()) {
        reporter.passed(c.message());
      } else {
        reporter.failed(where(source, line), c.message());
        failed = true;
        // A failed expectation is counted, but the script goes on: later checks still tell.
      }
    } else if (outcome instanceof Outcome.Rerun r) {
      reporter.rerun(r.line());
      return step(source, new LineSource.Line(r.line(), line.number()));
    } else if (outcome instanceof Outcome.Stopped) {
      return Step.STOPPED;
    } else if (outcome instanceof Outcome.Exit) {
      return Step.EXIT;
    }
    return Step.OK;
  }

  private void reportError(LineSource source, LineSource.Line line, boolean expected) {
    reporter.socketError(expected ? null : where(source, line), lastError, expected);
    reporter.verbose(errorPython, changesAfterError);
  }

  /** Marks the run failed; true if it must stop here. */
  private boolean stop(LineSource source, LineSource.Line line) {
    failed = true;
    tally.unexpectedError(where(source, line), !keepGoing);
    if (keepGoing) {
      return false;
    }
    reporter.stopped(
        where(source, line),
        "stopped: the error above was not expected (add"
            + " \"expect error …\" after it if it is, or run with --keep-going)"
            + timeoutNote());
    return true;
  }

  /** Says where a timeout came from when the run set one for every socket (--timeout). */
  private String timeoutNote() {
    Timeout all = session.defaultTimeout();
    boolean timedOut = lastError != null && lastError.type() == PyException.TimeoutError;
    return timedOut && !all.isBlocking()
        ? "; every blocking call of this run gives up after " + all.seconds() + " s (--timeout)"
        : "";
  }

  /** The next line with a command on it, or null at the end. */
  private static LineSource.Line nextCommand(LineSource source) {
    try {
      for (LineSource.Line l = source.next(); l != null; l = source.next()) {
        if (!CommandTable.isBlank(l.text())) {
          return l;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private boolean isExpectError(String line) {
    try {
      return table.parse(line).command() instanceof Command.ExpectError;
    } catch (UsageError e) {
      return false;
    }
  }

  private static String where(LineSource source, LineSource.Line line) {
    return source.name() == null ? null : source.name() + ":" + line.number();
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public ValueStore values() {
    return values;
  }

  @Override
  public Settings settings() {
    return settings;
  }

  @Override
  public CommandTable commands() {
    return table;
  }

  @Override
  public Output out() {
    return reporter.out();
  }

  @Override
  public Path baseDirectory() {
    LineSource current = sources.peek();
    return current != null && current.baseDirectory() != null
        ? current.baseDirectory()
        : workingDirectory;
  }

  @Override
  public LastResult last() {
    return last;
  }

  @Override
  public CommandLog log() {
    return log;
  }

  @Override
  public void reset() {
    session.reset();
    values.clear();
    log.clear(settings);
    last = null;
  }

  @Override
  public Outcome runScript(Path path) throws UsageError {
    if (Files.isDirectory(path)) {
      throw UsageError.general(path + " is a directory; /open takes a script file");
    }
    ReaderSource script;
    try {
      script = ReaderSource.open(path, shortName(path));
    } catch (NoSuchFileException e) {
      throw UsageError.general("no such file: " + path);
    } catch (IOException e) {
      throw UsageError.general("cannot read " + path + ": " + e.getMessage());
    }
    if (opened >= MAX_OPENED) {
      // Python's RecursionError, without the stack it would take to get there.
      throw UsageError.general(
          "/open is " + MAX_OPENED + " scripts deep; does " + path.getFileName() + " open itself?");
    }
    opened++;
    try {
      return switch (run(script)) {
        case STOPPED -> new Outcome.Stopped(path + " stopped");
        case EXITED -> new Outcome.Exit(0);
        case COMPLETED -> new Outcome.Printed();
      };
    } finally {
      opened--;
    }
  }

  /** A script's name in messages: relative to the working directory when it is under it. */
  private String shortName(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory)
        ? workingDirectory.relativize(absolute).toString()
        : absolute.toString();
  }

  @Override
  public void close() {
    session.close();
    reporter.flush();
  }

  /** Script output is buffered; a call about to wait shows everything printed before it. */
  private record FlushBeforeWaiting(Reporter reporter, Waiter.Listener next)
      implements Waiter.Listener {
    @Override
    public void waiting(String what) {
      reporter.flush();
      if (next != null) {
        next.waiting(what);
      }
    }

    @Override
    public void doneWaiting() {
      if (next != null) {
        next.doneWaiting();
      }
    }
  }
}
