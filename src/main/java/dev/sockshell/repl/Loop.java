package dev.sockshell.repl;

import dev.sockshell.commands.CommandTable;
import dev.sockshell.commands.ExpectedErrors;
import dev.sockshell.commands.Outcome;
import dev.sockshell.commands.ValueStore;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@code repeat} block: the body's commands, parsed once, round after round through the same
 * {@link CommandStep} as typed lines, until its count, a {@code break}, an error or Ctrl-C; then
 * one line says why it ended, in which round, and how long a round took.
 *
 * <p>An error is expected, and goes by, when the next command of the body says so ({@link
 * ExpectedErrors}); any other error ends the loop and every loop around it, as an exception leaves
 * Python's loops. Then a script stops as it would on that line (or goes on after the loop with
 * --keep-going), and the console waits for the next line.
 */
final class Loop {
  private final Shell shell;
  private final CommandStep step;
  private final Reporter reporter;

  /** What ended the last loop that ended by an error or Ctrl-C, for the loops around it to say. */
  private String unwinding;

  Loop(Shell shell, CommandStep step, Reporter reporter) {
    this.shell = shell;
    this.step = step;
    this.reporter = reporter;
  }

  /**
   * Why a loop ended: what kind of end, the words the summary line gives it, where, and for an
   * error what failed (for /history).
   */
  private record Ending(Kind kind, String why, Place place, String failure) {
    Ending(Kind kind, String why, Place place) {
      this(kind, why, place, null);
    }

    enum Kind {
      DONE,
      BREAK,
      /** Ctrl-C between two commands, or in the wait between rounds. */
      INTERRUPTED,
      /** An error at {@code place}, reported already (Ctrl-C cancelling a call is one). */
      ERROR,
      /** A loop inside ended by an error or Ctrl-C and the run goes on after it. */
      UNWIND,
      /** A loop or script inside stopped the run. */
      STOPPED,
      EXIT
    }
  }

  /** Runs {@code repeat}, whose header is at {@code at}. */
  Outcome run(Command.Repeat repeat, Place at) {
    List<CommandTable.Parsed> body = resolve(repeat.body());
    // Pressing Ctrl-C must end the loop even when no command in it ever waits.
    shell.session().waiter().longRunStarts("repeat");
    ValueStore values = shell.values();
    int olderStart = values.next();
    int lastStart = olderStart;
    RoundTimes times = new RoundTimes();
    long round = 0;
    long nextStart = 0;
    Ending ending = null;
    while (ending == null) {
      if (repeat.count() != null && round == repeat.count()) {
        ending = new Ending(Ending.Kind.DONE, null, at);
        break;
      }
      if (repeat.every() != null && round > 0) {
        ending = pace(nextStart, at);
        if (ending != null) {
          break;
        }
      }
      round++;
      // The values of the round before the last go: $N and _ reach the last two rounds only.
      values.forget(olderStart, lastStart);
      olderStart = lastStart;
      lastStart = values.next();
      long start = System.nanoTime();
      nextStart = repeat.every() == null ? start : start + (long) (repeat.every() * 1e9);
      ending = round(repeat.body(), body, at, round);
      if (ending == null) {
        // Only whole rounds are timed: one cut short by a break, an error or Ctrl-C says less.
        times.add(System.nanoTime() - start);
      }
    }
    if (ending.kind() == Ending.Kind.EXIT) {
      return new Outcome.Exit(0);
    }
    reporter.loopEnded(summary(ending, repeat, round) + times.summary());
    return outcome(ending);
  }

  /** Each step's spec, found once before the first round. */
  private List<CommandTable.Parsed> resolve(List<Command.Step> steps) {
    CommandTable table = shell.commands();
    List<CommandTable.Parsed> parsed = new ArrayList<>(steps.size());
    for (Command.Step s : steps) {
      parsed.add(
          new CommandTable.Parsed(table.find(s.name()).orElseThrow(), s.command(), s.text()));
    }
    return parsed;
  }

  /** Waits until {@code start}, the next round's time; Ctrl-C ends the loop there. */
  private Ending pace(long start, Place at) {
    long left = start - System.nanoTime();
    try {
      if (left > 0) {
        shell.session().waiter().sleep(left / 1e9);
      } else if (shell.interruptPending()) {
        return new Ending(Ending.Kind.INTERRUPTED, "Ctrl-C after round", at);
      }
      return null;
    } catch (SocketError e) {
      return new Ending(Ending.Kind.INTERRUPTED, "Ctrl-C after round", at);
    }
  }

  /** Runs one round; how the loop ended, or null to go on. */
  private Ending round(
      List<Command.Step> steps, List<CommandTable.Parsed> body, Place at, long round) {
    for (int i = 0; i < body.size(); i++) {
      Command.Step s = steps.get(i);
      Place place = at.inner(s.line(), s.text(), round);
      if (shell.interruptPending()) {
        return new Ending(Ending.Kind.INTERRUPTED, "Ctrl-C in round", place);
      }
      unwinding = null; // a loop inside that ends by an error or Ctrl-C says which
      shell.showBackgroundEvents(); // what the background did since, as between a script's lines
      switch (step.run(place, body.get(i), false)) {
        case BREAK:
          return new Ending(Ending.Kind.BREAK, code(s.text()) + " in round", place);
        case SOCKET_ERROR:
          Command next = i + 1 < steps.size() ? steps.get(i + 1).command() : null;
          if (!expected(place, next)) {
            boolean interrupt = step.lastErrorWasInterrupt();
            if (interrupt) {
              shell.interruptSpent(); // the call it cancelled reports it
            }
            unwinding = interrupt ? "Ctrl-C" : "the error above";
            return new Ending(
                Ending.Kind.ERROR,
                unwinding + " in round",
                place,
                "`" + place.text() + "` raised " + step.lastError());
          }
          break;
        case CHECK_FAILED:
          shell.markFailed();
          break;
        case FAILED:
          unwinding = "the error above";
          return new Ending(
              Ending.Kind.ERROR,
              "the error above in round",
              place,
              "`" + place.text() + "` failed");
        case UNWIND:
          return new Ending(Ending.Kind.UNWIND, unwinding + " in round", place);
        case STOPPED:
          // A loop inside stopped the run, or a script /open ran.
          unwinding = unwinding != null ? unwinding : "the error above";
          return new Ending(Ending.Kind.STOPPED, unwinding + " in round", place);
        case EXIT:
          return new Ending(Ending.Kind.EXIT, null, place);
        default:
          break;
      }
    }
    return null;
  }

  /**
   * Whether the error the step at {@code place} just raised is one the next command expects; a
   * script's error is printed now that this is known (the console's was printed at once).
   */
  private boolean expected(Place place, Command next) {
    SocketError error = step.lastError();
    boolean expected =
        !step.lastErrorWasInterrupt() && next != null && ExpectedErrors.takenBy(next, error);
    if (!place.source().isInteractive()) {
      step.reportError(place.where(), expected);
    }
    return expected;
  }

  /** {@code repeat done: 3 rounds}, {@code repeat ended by break if eof in round 7}. */
  private static String summary(Ending ending, Command.Repeat repeat, long round) {
    if (ending.kind() == Ending.Kind.DONE) {
      return Text.get(round == 1 ? "loop.done.one" : "loop.done", round);
    }
    String why = ending.why();
    return switch (why) {
      case "Ctrl-C after round" -> Text.get("loop.ended.ctrlc.after", round);
      case "Ctrl-C in round" -> Text.get("loop.ended.ctrlc", round);
      case "the error above in round" -> Text.get("loop.ended.error", round);
      default -> Text.get("loop.ended.by", why.replaceFirst(" in round$", ""), round);
    };
  }

  /** What the loop's end means for the loops around it and for the run. */
  private Outcome outcome(Ending ending) {
    Place place = ending.place();
    boolean script = !place.source().isInteractive();
    switch (ending.kind()) {
      case ERROR:
        boolean stops = script && shell.stop(place.where());
        String failure =
            unwinding.equals("Ctrl-C") ? null : "round " + place.rounds() + ": " + ending.failure();
        return new Outcome.LoopEnded(failure, true, stops);
      case INTERRUPTED:
        unwinding = "Ctrl-C";
        if (script) {
          shell.stopByInterrupt(place.where(), "KeyboardInterrupt: Ctrl-C stopped the loop");
        }
        // Ctrl-C is how a loop without a count ends: not a failure of the block.
        return new Outcome.LoopEnded(null, true, script);
      case UNWIND:
      case STOPPED:
        String inner =
            unwinding.equals("Ctrl-C") ? null : "round " + place.rounds() + ": " + unwinding;
        return new Outcome.LoopEnded(inner, true, ending.kind() == Ending.Kind.STOPPED);
      default:
        return new Outcome.LoopEnded(null, false, false);
    }
  }

  /** The command of a line without its comment: {@code break if eof}. */
  private static String code(String text) {
    try {
      List<Token> tokens = new Scanner(text).remaining();
      return tokens.isEmpty() ? text : text.substring(0, tokens.get(tokens.size() - 1).end());
    } catch (UsageError e) {
      return text;
    }
  }
}
