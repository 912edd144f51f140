package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.RepeatBlocks;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.List;

/**
 * Loops in the foreground: {@code repeat … end} runs its body round after round ({@link
 * BlockParser} reads the body, the shell's loop runs it), {@code break} and {@code break if
 * CONDITION} end it; the condition is any form {@code expect} takes, checked the same way.
 */
final class LoopCommands {
  private LoopCommands() {}

  static final String FOREVER = "forever";
  static final String EVERY = "--every";

  /** A number of rounds, or the word forever. */
  private static final Param COUNT =
      new Param("COUNT | " + FOREVER, NUMBER, true, List.of(FOREVER));

  private static final Param EVERY_OPTION =
      Param.constant(EVERY + " SECONDS", true, List.of(EVERY));

  /** The SECONDS of {@code --every SECONDS}. */
  private static final Param SECONDS = Param.of("SECONDS", NUMBER);

  /** The {@code if} of {@code break if CONDITION}; the condition is read as expect's. */
  private static final Param IF = Param.constant("if CONDITION", true, List.of("if"));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command(RepeatBlocks.OPENER, Group.CHECKS, Command.Repeat.class)
            .params(COUNT, EVERY_OPTION)
            .summary(
                "run the commands on the lines up to end COUNT times, or forever, until break, an"
                    + " error or Ctrl-C; --every starts a round every SECONDS")
            .example("repeat 3\n  send cli b'ping'\nend")
            .binder(LoopCommands::bindRepeat)
            .python(LoopCommands::pythonOfRepeat)
            .runner(LoopCommands::runRepeat)
            .build(),
        CommandSpec.command("break", Group.CHECKS, Command.Break.class)
            .params(IF)
            .summary(
                "end the innermost repeat now, or if the previous command's result or error is what"
                    + " CONDITION says: VALUE, contains DATA, matches /REGEX/, eof, timeout, error NAME")
            .example("break if eof")
            .binder(LoopCommands::bindBreak)
            .python(LoopCommands::pythonOfBreak)
            .runner(LoopCommands::breakIf)
            .build(),
        CommandSpec.command(RepeatBlocks.CLOSER, Group.CHECKS, Command.class)
            .summary("close the block a repeat opened")
            .example("repeat 2\n  send cli b'ping'\nend")
            .binder(LoopCommands::bindEnd)
            .runner(LoopCommands::runEnd)
            .build());
  }

  private static Outcome runRepeat(Command.Repeat c, Context ctx) {
    return ctx.repeat(c);
  }

  private static Outcome runEnd(Command c, Context ctx) {
    return new Outcome.Printed();
  }

  private static Command.Repeat bindRepeat(Args a) throws UsageError {
    Long count = null;
    Token first = a.peek();
    if (first != null && first.text().equals(FOREVER)) {
      a.next(COUNT, FOREVER);
    } else if (first != null && !first.text().equals(EVERY)) {
      count = (long) a.integer(COUNT, Text.get("usage.what.count.rounds"), 0, Integer.MAX_VALUE);
    }
    Double every = null;
    if (a.hasMore()) {
      Token option = a.next(EVERY_OPTION, EVERY);
      if (!option.text().equals(EVERY)) {
        throw new UsageError(Text.get("usage.repeat.after", option.text()), option.start());
      }
      Token seconds = a.next(SECONDS, Text.get("usage.what.every"));
      every = Args.seconds(seconds, Text.get("usage.what.every.short"));
      if (every == 0) {
        throw new UsageError(Text.get("usage.every"), seconds.start());
      }
    }
    a.end();
    return new Command.Repeat(count, every, List.of());
  }

  private static Command.Break bindBreak(Args a) throws UsageError {
    if (!a.hasMore()) {
      return new Command.Break(null);
    }
    Token word = a.next(IF, "if");
    if (!word.text().equals("if")) {
      throw new UsageError(Text.get("usage.break", word.text()), word.start());
    }
    return new Command.Break(ExpectCommands.bind(a));
  }

  /** A lone {@code end}: every block's end is read with its block, so this one closes nothing. */
  private static Command bindEnd(Args a) throws UsageError {
    Token word = a.command();
    throw new UsageError(Text.get("usage.end.unopened"), word == null ? -1 : word.start());
  }

  private static String pythonOfRepeat(Command.Repeat c) {
    String loop = c.count() == null ? "while True:" : "for _ in range(" + c.count() + "):";
    return c.every() == null
        ? loop
        : loop + "  # and time.sleep() so a round starts every " + seconds(c.every()) + " s";
  }

  private static String pythonOfBreak(Command.Break c) {
    if (c.condition() == null) {
      return "break";
    }
    String check = ExpectCommands.python(c.condition());
    // expect's Python is an assert, or an except clause for an error: the same test, then break.
    return check.startsWith("assert ")
        ? "if " + check.substring("assert ".length()) + ": break"
        : check.replace(": pass", ": break");
  }

  /** Whether the break ends the loop: always, or when its condition holds as expect says. */
  private static Outcome breakIf(Command.Break c, Context ctx) throws UsageError {
    if (c.condition() == null) {
      return new Outcome.Break(true);
    }
    Outcome checked = ExpectCommands.check(c.condition(), ctx);
    return new Outcome.Break(checked instanceof Outcome.Checked k && k.passed());
  }

  private static String seconds(double s) {
    return Repr.of(new Value.Float(s));
  }
}
