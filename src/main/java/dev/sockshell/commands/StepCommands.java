package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import java.util.List;

/**
 * {@code /continue} and {@code /break N}, the keys of {@code --step}: while a program is paused the
 * stepper takes them before the shell does, so these specs give them their help page, completion
 * and hint, and say what they are for when typed with nothing being stepped.
 */
final class StepCommands {
  private StepCommands() {}

  static final String NOT_STEPPING =
      "no program is being stepped: java -jar target/sockshell.jar --step FILE.py runs one a line"
          + " at a time, and this command works while it waits";

  private static final Param LINE = Param.optional("N", NUMBER);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("/continue", Group.SESSION, Command.Continue.class)
            .summary("with --step: run the program on to its end, or to a line /break marked")
            .example("/continue")
            .binder(StepCommands::bindContinue)
            .runner(StepCommands::notStepping)
            .build(),
        CommandSpec.command("/break", Group.SESSION, Command.BreakAt.class)
            .params(LINE)
            .summary(
                "with --step: stop /continue before line N of the program; alone, list the lines")
            .example("/break 12")
            .binder(StepCommands::bindBreak)
            .runner(StepCommands::notStepping)
            .build());
  }

  private static Command.Continue bindContinue(Args a) {
    return new Command.Continue();
  }

  private static Command.BreakAt bindBreak(Args a) throws UsageError {
    return new Command.BreakAt(a.optionalInteger(LINE, Text.get("usage.what.line"), 1, 1 << 30));
  }

  private static Outcome notStepping(Command c, Context ctx) throws UsageError {
    throw UsageError.general(NOT_STEPPING);
  }
}
