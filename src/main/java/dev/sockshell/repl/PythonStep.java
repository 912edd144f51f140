package dev.sockshell.repl;

import dev.sockshell.commands.CommandSpec;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.Outcome;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.python.CommandText;
import dev.sockshell.python.Host;
import dev.sockshell.python.PythonSession;
import dev.sockshell.render.Feedback;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.util.List;

/**
 * Runs Python lines in the loop (made only when the first line that is Python arrives, so a session
 * of commands never loads the interpreter), and is the interpreter's {@link Host}: its socket calls
 * run as commands through {@link CommandStep#call}, reported as typed commands are.
 */
final class PythonStep implements Host {
  private final Shell shell;
  private final CommandStep step;
  private final Reporter reporter;
  private final Tally tally;
  private final PythonSession python;
  private LineSource source;
  private LineSource input;
  private Stepper stepper;

  /** The line of the source where the last Python run ended (where an error happened). */
  private int lastLine;

  /** The line of the program running now, as the interpreter last said. */
  private int currentLine;

  /**
   * A program run with {@code --events}: a socket call that raises says so with its hint as it
   * happens, caught or not, and the traceback of one not caught comes without the hint again.
   */
  private boolean reportsRaised;

  PythonStep(Shell shell, CommandStep step, Reporter reporter, Tally tally) {
    this.shell = shell;
    this.step = step;
    this.reporter = reporter;
    this.tally = tally;
    this.python = new PythonSession(this);
  }

  PythonSession session() {
    return python;
  }

  /**
   * With {@code --step}: {@code stepper} waits before each line of the program, and {@code input()}
   * reads the console; null, null ends that.
   */
  void stepWith(Stepper stepper, LineSource console) {
    this.stepper = stepper;
    this.source = console;
    this.input = null;
  }

  /** See {@link #reportsRaised}. */
  void reportRaised(boolean on) {
    reportsRaised = on;
  }

  /** Where {@code input()} reads from when the source itself cannot ask (a program's stdin). */
  void setInput(LineSource input) {
    this.input = input;
  }

  /** The line of the source where the last run ended: an error's line in a block. */
  int lastLine() {
    return lastLine;
  }

  /** Runs a line (or a block of lines) of Python from {@code source}. */
  CommandStep.Result run(LineSource source, LineSource.Line line) {
    this.source = source;
    this.lastLine = line.number();
    long before = tally.commands();
    int logged = shell.log().size();
    PythonSession.Result result =
        python.runLines(line.text(), fileName(source), line.number(), true);
    reporter.endPartialLine();
    if (!(result instanceof PythonSession.Problem)) {
      shell.log().addPython(logged, line.text(), raisedClass(result));
    }
    if (tally.commands() == before) {
      tally.command(); // a line is a command; one that made socket calls counts those instead
    }
    if (result instanceof PythonSession.Ran) {
      return CommandStep.Result.OK;
    } else if (result instanceof PythonSession.Exited e) {
      if (e.message() != null) {
        reporter.programError(e.message());
      }
      return CommandStep.Result.EXIT;
    } else if (result instanceof PythonSession.Problem p) {
      lastLine = Math.max(line.number(), p.line());
      problem(source, line, p);
      return CommandStep.Result.FAILED;
    }
    PythonSession.Raised r = (PythonSession.Raised) result;
    lastLine = r.line();
    if (r.origin() != null || r.interrupt()) {
      SocketError e =
          r.origin() != null
              ? r.origin()
              : SocketError.python(PyException.KeyboardInterrupt, "Ctrl-C stopped the Python line");
      step.setLastError(e);
      if (source.isInteractive()) {
        reporter.socketError(null, e, false);
      }
      return CommandStep.Result.SOCKET_ERROR;
    }
    String where = source.name() == null ? null : source.name() + ":" + r.line();
    reporter.pythonError(where, r.lastLine());
    return CommandStep.Result.FAILED;
  }

  /**
   * Runs a whole program as {@code python3 FILE ARGS} would: its output as Python's, an uncaught
   * exception as Python's traceback (and sockshell's hint) on standard error.
   *
   * @param file the path Python's tracebacks show (absolute)
   * @param shown the path as the user gave it, for sockshell's own messages
   * @return the exit status Python would end with
   */
  int runProgram(String source, String file, String shown, List<String> argv) {
    PythonSession.Result result = python.runProgram(source, file, argv);
    reporter.endPartialLine();
    if (result instanceof PythonSession.Ran) {
      return 0;
    } else if (result instanceof PythonSession.Exited e) {
      if (e.message() != null) {
        reporter.programError(e.message());
      }
      return e.status();
    } else if (result instanceof PythonSession.Problem p) {
      if (p.pythonClass() == null) {
        reporter.programError(p.message() + ": " + shown + ":" + p.line());
        return 1;
      }
      List<String> lines = python.source(file);
      StringBuilder text = new StringBuilder("  File \"" + file + "\", line " + p.line() + "\n");
      if (p.line() >= 1 && p.line() <= lines.size()) {
        String code = lines.get(p.line() - 1);
        String stripped = code.stripLeading();
        int column = Math.max(0, p.column() - (code.length() - stripped.length()));
        text.append("    ").append(stripped.stripTrailing()).append('\n');
        text.append("    ").append(" ".repeat(Math.min(column, stripped.length()))).append("^\n");
      }
      text.append(p.pythonClass()).append(": ").append(p.message());
      reporter.programError(text.toString());
      return 1;
    }
    PythonSession.Raised r = (PythonSession.Raised) result;
    reporter.programError(String.join("\n", r.traceback()));
    // A Ctrl-C ends the program (the hint says the session goes on: it does not here).
    if (r.origin() != null && r.origin().hint() != null && !r.interrupt() && !reportsRaised) {
      reporter.programError(Feedback.PREFIX + "hint: " + r.origin().hint());
    }
    return r.interrupt() ? 130 : 1;
  }

  /** The class of the exception a run ended with ({@code OSError}), or null if it did not raise. */
  private static String raisedClass(PythonSession.Result result) {
    if (!(result instanceof PythonSession.Raised r)) {
      return null;
    }
    String last = r.lastLine() == null ? "" : r.lastLine();
    int colon = last.indexOf(':');
    String name = (colon < 0 ? last : last.substring(0, colon)).strip();
    return name.isEmpty() ? "Exception" : name;
  }

  private static String fileName(LineSource source) {
    return source.name() == null ? "<stdin>" : source.name();
  }

  private void problem(LineSource source, LineSource.Line line, PythonSession.Problem p) {
    String[] lines = line.text().split("\n", -1);
    int index = Math.max(0, Math.min(lines.length - 1, p.line() - line.number()));
    String text = lines[index];
    if (p.pythonClass() != null && looksLikeCommand(line.text())) {
      try {
        shell.commands().parse(line.text());
      } catch (UsageError e) {
        reporter.usageError(source.name(), line.number(), line.text(), e);
        return;
      }
    }
    String message = p.pythonClass() == null ? p.message() : p.pythonClass() + ": " + p.message();
    String suggestion = p.pythonClass() == null ? shell.commands().sockshellFor(text) : null;
    if (suggestion != null) {
      message += "; " + suggestion;
    }
    int column = p.pythonClass() == null ? leadingBlanks(text) : p.column();
    reporter.usageError(
        source.name(), line.number() + index, text, new UsageError(message, column));
  }

  private static int leadingBlanks(String s) {
    int n = 0;
    while (n < s.length() && Character.isWhitespace(s.charAt(n))) {
      n++;
    }
    return n;
  }

  /** {@code sned cli "hi"}: a word, a blank, then no operator: a command mistyped, not Python. */
  private static boolean looksLikeCommand(String text) {
    return !text.contains("\n")
        && text.matches("\\s*[A-Za-z_][A-Za-z0-9_-]*\\s+[^\\s=(.\\[,:+\\-*/%&|^<>!].*");
  }

  /** After a command made a socket, its Python name means that socket again. */
  void commandRan(Context.LastResult last) {
    if (last == null || last.outcome() == null) {
      return;
    }
    Outcome o = last.outcome();
    if (o instanceof Outcome.Created c) {
      python.forget(c.name());
    } else if (o instanceof Outcome.Returned r && r.value() instanceof Value.Tuple t) {
      for (Value v : t.items()) {
        if (v instanceof Value.SocketRef s) {
          python.forget(s.name());
        }
      }
    }
  }

  // Host.

  @Override
  public Context context() {
    return shell;
  }

  @Override
  public Outcome run(Command command, String pythonSource) throws SocketError, UsageError {
    String line = CommandText.of(command);
    CommandSpec<?> spec =
        shell
            .commands()
            .find(line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ')))
            .orElseThrow();
    try {
      return step.call(new CommandTable.Parsed(spec, command, line));
    } catch (SocketError e) {
      if (e.type() == PyException.KeyboardInterrupt) {
        shell.takeInterrupt(); // this Ctrl-C is the exception now
      } else if (reportsRaised) {
        reporter.raised(currentLine, e);
      }
      throw e;
    }
  }

  @Override
  public void print(String text) {
    reporter.programOutput(text);
  }

  @Override
  public void printError(String text) {
    reporter.programError(text);
  }

  @Override
  public String input(String prompt) {
    reporter.programOutput(prompt);
    try {
      if (input != null) {
        // A program's prompt stays on its line, as Python leaves it, until the line completes.
        LineSource.Line line = input.next();
        return line == null ? null : line.text();
      }
      if (source != null && source.isInteractive()) {
        return source.input(reporter.takePartialLine());
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public boolean takeInterrupt() {
    return shell.takeInterrupt();
  }

  @Override
  public void beforeStatement(String file, int line) {
    currentLine = line;
    if (stepper != null) {
      stepper.before(file, line);
    }
  }

  /** The Python source of a file the session ran, for showing its lines. */
  List<String> source(String file) {
    return python.source(file);
  }
}
