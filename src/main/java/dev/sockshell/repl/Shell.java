package dev.sockshell.repl;

import dev.sockshell.background.Events;
import dev.sockshell.background.Jobs;
import dev.sockshell.commands.CommandLog;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.ExpectedErrors;
import dev.sockshell.commands.Outcome;
import dev.sockshell.commands.Settings;
import dev.sockshell.commands.ValueStore;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Blocks;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.RepeatBlocks;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.Timeout;
import dev.sockshell.net.Waiter;
import dev.sockshell.render.BackgroundLines;
import dev.sockshell.render.Output;
import dev.sockshell.render.Styled;
import java.io.IOException;
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
  private final Jobs background;
  private final CommandTable table = CommandTable.standard();
  private final Settings settings = new Settings();
  private final ValueStore values = new ValueStore();
  private final CommandLog log = new CommandLog(settings);
  private final Reporter reporter;
  private final Deque<LineSource> sources = new ArrayDeque<>();
  private final Path workingDirectory;
  private final Tally tally = new Tally();
  private final CommandStep step;
  private final Loop loops;
  private final Blocks blocks;

  /** Runs Python lines; made by the first one, so a session of commands never loads Python. */
  private PythonStep python;

  private boolean keepGoing;
  private boolean failed;

  /** Set by Ctrl-C (any thread); a script stops at its next line unless a call consumed it. */
  private volatile boolean interrupted;

  public Shell(Session session, Output out, Path workingDirectory) {
    // A session speaks the environment's language until /set lang; one before it may have changed
    // it.
    Text.useEnvironment();
    this.session = session;
    this.reporter = new Reporter(out, settings);
    this.workingDirectory = workingDirectory;
    this.step = new CommandStep(this, reporter, tally);
    this.loops = new Loop(this, step, reporter);
    this.background = new Jobs(session);
    this.blocks = new Blocks(List.of(new RepeatBlocks(), new PythonBlockSyntax(table)));
    session.waiter().setListener(new FlushBeforeWaiting(reporter, step.clock(), null));
    background.events().setListener(session.waiter()::wakeup);
    session.setSendListener(log.sendListener());
    reporter.setRecord(log.screen());
    background.events().setTap(e -> log.background(e, session, background.events().recording()));
    session.waiter().setOnWake(this::printEvents, false);
  }

  /**
   * From now on background events also print during every wait of a command, as they happen: the
   * console's way. A script prints them between its lines (and during sleep and wait), so that its
   * output does not depend on timing.
   */
  public void showEventsLive() {
    session.waiter().setOnWake(this::printEvents, true);
  }

  /**
   * Lets the background finish what the last command started ({@link Jobs#settle}), then prints
   * what it did. On the thread that runs commands, which owns the output.
   */
  public void showBackgroundEvents() {
    background.settle();
    printEvents();
  }

  /** Prints the background's events waiting to be told, as {@code /set events} says. */
  public void printEvents() {
    List<Styled> lines = takeEventLines();
    if (!lines.isEmpty()) {
      lines.forEach(reporter::event);
      reporter.flush();
    }
  }

  /**
   * The background's events waiting to be told, as lines ({@code /set events} says how), taken: for
   * whoever prints them (the console prints them above its prompt). Any thread.
   */
  public List<Styled> takeEventLines() {
    Events.Batch batch = background.events().drain();
    if (batch.isEmpty() || !settings.events()) {
      return List.of();
    }
    return settings.eventCounts() ? BackgroundLines.counts(batch) : BackgroundLines.of(batch);
  }

  /** Also tells {@code listener} when a call starts and stops waiting (the console's status). */
  public void setWaitListener(Waiter.Listener listener) {
    session.waiter().setListener(new FlushBeforeWaiting(reporter, step.clock(), listener));
  }

  /** Prints to {@code out} from now on, e.g. the console's terminal after the scripts of -i. */
  public void setOutput(Output out) {
    reporter.setScreen(out);
  }

  /** Also records everything the run prints in {@code transcript}, whatever the screen shows. */
  public void setTranscript(Output transcript) {
    reporter.setTranscript(transcript);
  }

  /**
   * A line the console printed on the screen itself (an event above the line being typed): the
   * transcript gets it too, so it is the session as it appeared.
   */
  public void transcribe(Styled line) {
    reporter.record(line);
  }

  /** A Python program's standard error goes to {@code errors} (tracebacks), not the screen. */
  public void setErrors(Output errors) {
    reporter.setErrors(errors);
  }

  /**
   * A Python program run from now on prints to {@code stdout}, while what sockshell says about its
   * socket calls (their feedback, what arrived, errors raised with their hints) goes to the screen
   * this shell was made with: stderr, so that stdout stays what python3 would print.
   */
  public void showProgramCalls(Output stdout) {
    reporter.setProgramOutput(stdout);
    python().reportRaised(true);
  }

  /**
   * Runs a Python program in this session, as python3 would run it; {@code input()} reads {@code
   * stdin}. Returns Python's exit status.
   */
  public int runProgram(Path file, String shown, List<String> argv, LineSource stdin)
      throws IOException {
    String source = Files.readString(file);
    PythonStep step = python();
    step.setInput(stdin);
    try {
      return step.runProgram(source, file.toAbsolutePath().normalize().toString(), shown, argv);
    } finally {
      reporter.flush();
    }
  }

  /**
   * {@code --step}: runs a Python program one line at a time, {@code console} live between lines
   * ({@link Stepper}); the session stays for the console after it.
   *
   * @return false if Ctrl-D asked to leave: the console ends with the program
   */
  public boolean stepProgram(Path file, String shown, List<String> argv, LineSource console)
      throws IOException {
    String source = Files.readString(file);
    String path = file.toAbsolutePath().normalize().toString();
    PythonStep python = python();
    Stepper stepper = new Stepper(this, console, path, shown, List.of(source.split("\r?\n", -1)));
    python.stepWith(stepper, console);
    try {
      int status = python.runProgram(source, path, shown, argv);
      reporter.feedback(
          status == 0
              ? Text.get("step.ended", shown)
              : Text.get("step.ended.status", shown, status));
      return !stepper.leaving();
    } finally {
      python.stepWith(null, null);
      reporter.flush();
    }
  }

  /** The Python side of this shell, made on first use. */
  PythonStep python() {
    if (python == null) {
      python = new PythonStep(this, step, reporter, tally);
    }
    return python;
  }

  /**
   * Ctrl-C as a Python program feels it: true once per Ctrl-C that no call has reported yet (and
   * the waits it cancelled may wait again, for the program's except and finally blocks).
   */
  boolean takeInterrupt() {
    if (!interrupted) {
      return false;
    }
    interrupted = false;
    session.waiter().reset();
    return true;
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

  /**
   * Ctrl-C: cancels the running call, and a script stops at its next line (KeyboardInterrupt) even
   * if no call was waiting. Safe from any thread.
   *
   * @return false if an earlier interrupt has not been acted on yet (the run seems stuck)
   */
  public boolean interrupt() {
    boolean fresh = !interrupted;
    interrupted = true;
    session.waiter().cancel();
    return fresh;
  }

  /**
   * The block syntaxes lines are read with: the console's continuation prompt asks them, and a
   * script's lines are gathered with them ({@link BlockLines}).
   */
  public Blocks blocks() {
    return blocks;
  }

  public End run(LineSource source) {
    source.flushBeforeWaiting(reporter::flush);
    sources.push(source);
    try {
      // The console hands over whole blocks: it gathered them with a continuation prompt.
      return loop(source.isInteractive() ? source : new BlockLines(source, blocks));
    } finally {
      sources.pop();
      reporter.flush();
    }
  }

  private End loop(LineSource source) {
    LineSource.Line pending = null;
    // The statements of a multi-line Python input typed or pasted at the console, still to run.
    Deque<LineSource.Line> chunks = new ArrayDeque<>();
    while (true) {
      // A Ctrl-C from here on is for the line about to be read; one that came too late for the
      // last command to take is spent. (Forgetting it when the command starts instead dropped a
      // Ctrl-C pressed right after Enter, and the command then waited for ever.)
      session.waiter().reset();
      showBackgroundEvents();
      LineSource.Line line;
      try {
        line = !chunks.isEmpty() ? chunks.poll() : pending != null ? pending : source.next();
      } catch (IOException e) {
        // A line that is not UTF-8 is an error of that line: --keep-going goes on after it.
        boolean lineOnly = e instanceof Utf8Lines.NotUtf8 && keepGoing;
        String where =
            e instanceof Utf8Lines.NotUtf8 n ? source.name() + ":" + n.line() : source.name();
        reporter.stopped(where, Text.get("script.cannot.read", e.getMessage()));
        tally.unexpectedError(where, !lineOnly);
        failed = true;
        if (lineOnly) {
          continue;
        }
        return End.STOPPED;
      }
      pending = null;
      if (line == null) {
        return End.COMPLETED;
      }
      if (CommandTable.isBlank(line.text())) {
        continue;
      }
      boolean isPython = PythonLines.isPython(line.text(), table);
      if (isPython && source.isInteractive() && line.text().indexOf('\n') >= 0) {
        List<LineSource.Line> statements = PythonBlockSyntax.statements(line);
        if (statements.size() > 1) {
          chunks.addAll(statements);
          continue;
        }
      }
      if (source.isInteractive()) {
        interrupted = false; // a Ctrl-C during the last command is spent
        reporter.typed(line.text());
      } else if (interrupted) {
        stopByInterrupt(
            Place.of(source, line).where(),
            "KeyboardInterrupt: Ctrl-C stopped the script before this line");
        return End.STOPPED;
      } else {
        reporter.echo(line.text());
      }
      CommandStep.Result result;
      String where;
      if (isPython) {
        result = python().run(source, line);
        where = source.name() == null ? null : source.name() + ":" + python.lastLine();
      } else {
        result = step.run(source, line);
        if (python != null) {
          python.commandRan(step.last());
        }
        // Only a failure says where it was: not built for every line of a script.
        where = result == CommandStep.Result.OK ? null : Place.of(source, line).where();
      }
      switch (result) {
        case EXIT:
          return End.EXITED;
        case SOCKET_ERROR:
          if (step.lastErrorWasInterrupt()) {
            interrupted = false; // the call it cancelled reports it
          }
          if (source.isInteractive()) {
            break;
          }
          pending = nextCommand(source);
          boolean expected = pending != null && expectsError(pending.text());
          step.reportError(where, expected);
          if (!expected && stop(where)) {
            return End.STOPPED;
          }
          break;
        case CHECK_FAILED:
          failed = true;
          break;
        case FAILED:
          if (!source.isInteractive() && stop(where)) {
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

  /** Ctrl-C between two calls of a script: it stops at {@code where}, as Python would. */
  void stopByInterrupt(String where, String why) {
    interrupted = false;
    failed = true;
    tally.unexpectedError(where, true);
    reporter.stopped(where, why);
  }

  /** True after Ctrl-C, until a line or a loop acts on it. */
  boolean interruptPending() {
    return interrupted;
  }

  /** A Ctrl-C that a call reported as KeyboardInterrupt is spent. */
  void interruptSpent() {
    interrupted = false;
  }

  /** An expectation failed: the run's status is 1, but it goes on. */
  void markFailed() {
    failed = true;
  }

  /** The most scripts /open may have open at once (one inside the other). */
  private static final int MAX_OPENED = 20;

  /** How many scripts /open has open now. */
  private int opened;

  /** Marks the run failed by an unexpected error at {@code where}; true if it must stop here. */
  boolean stop(String where) {
    failed = true;
    tally.unexpectedError(where, !keepGoing);
    if (keepGoing) {
      return false;
    }
    reporter.stopped(
        where,
        step.lastErrorWasInterrupt()
            ? Text.get("report.stopped.ctrlc")
            // --keep-going is a command-line option: no help to /open at the prompt.
            : Text.get(underConsole() ? "report.stopped.open" : "report.stopped", timeoutNote()));
    return true;
  }

  /** True when the script runs by /open at the console's prompt. */
  private boolean underConsole() {
    return sources.stream().anyMatch(LineSource::isInteractive);
  }

  /** Says where a timeout came from when the run set one for every socket (--timeout). */
  private String timeoutNote() {
    Timeout all = session.defaultTimeout();
    SocketError lastError = step.lastError();
    boolean timedOut = lastError != null && lastError.type() == PyException.TimeoutError;
    return timedOut && !all.isBlocking() ? Text.get("report.stopped.timeout", all.seconds()) : "";
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

  /** Whether {@code line}, the one after a command that failed, expects its error. */
  private boolean expectsError(String line) {
    try {
      return ExpectedErrors.takenBy(table.parse(line).command(), step.lastError());
    } catch (UsageError e) {
      return false;
    }
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
  public Outcome repeat(Command.Repeat loop) {
    return loops.run(loop, step.current());
  }

  @Override
  public LastResult last() {
    return step.last();
  }

  @Override
  public CommandLog log() {
    return log;
  }

  @Override
  public Jobs background() {
    return background;
  }

  @Override
  public void reset() {
    background.stopAll();
    background.rules().clear();
    background.events().drain();
    python = null; // a fresh session has fresh Python globals
    session.reset();
    values.clear();
    log.clear(settings);
    step.forgetLast();
  }

  @Override
  public Outcome runScript(Path path) throws UsageError {
    if (Files.isDirectory(path)) {
      throw UsageError.general(Text.get("open.directory", path));
    }
    ReaderSource script;
    try {
      script = ReaderSource.open(path, shortName(path));
    } catch (NoSuchFileException e) {
      throw UsageError.general(Text.get("open.missing", path));
    } catch (IOException e) {
      throw UsageError.general(Text.get("open.unreadable", path, Errno.fileReason(e)));
    }
    if (opened >= MAX_OPENED) {
      // Python's RecursionError, without the stack it would take to get there.
      throw UsageError.general(Text.get("open.too.deep", MAX_OPENED, path.getFileName()));
    }
    opened++;
    // At the prompt, a script ends with its summary line, as a run from the command line does.
    Tally part = underConsole() ? tally.startPart() : null;
    try {
      End end = run(script);
      if (part != null && end != End.EXITED) {
        reporter.summary(part);
      }
      return switch (end) {
        case STOPPED -> new Outcome.Stopped(Text.get("open.stopped", path));
        case EXITED -> new Outcome.Exit(0);
        case COMPLETED -> new Outcome.Printed();
      };
    } finally {
      opened--;
      tally.endPart(part);
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
    background.stopAll();
    session.close();
    reporter.flush();
  }

  /** Script output is buffered; a call about to wait shows everything printed before it. */
  private record FlushBeforeWaiting(Reporter reporter, CallClock clock, Waiter.Listener next)
      implements Waiter.Listener {
    @Override
    public void waiting(String what) {
      clock.waiting();
      reporter.flush();
      if (next != null) {
        next.waiting(what);
      }
    }

    @Override
    public void doneWaiting() {
      clock.doneWaiting();
      if (next != null) {
        next.doneWaiting();
      }
    }
  }
}
