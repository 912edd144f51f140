package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.PATH;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Output;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** /history, /!, /N, /-N and /save: the session's commands, JShell style. */
final class HistoryCommands {
  private HistoryCommands() {}

  private static final Param FILE = Param.of("FILE", PATH);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("/history", Group.SESSION, Command.History.class)
            .summary("the commands of this session, numbered for /N; failed ones say why")
            .example("/history")
            .binder(HistoryCommands::bindHistory)
            .runner(HistoryCommands::runHistory)
            .build(),
        rerun("/!", "re-run the last command", "/!"),
        rerun("/N", "re-run command N of /history", "/2"),
        rerun("/-N", "re-run the N-th last command (/-1 is the last)", "/-2"),
        CommandSpec.command("/save", Group.SESSION, Command.Save.class)
            .params(FILE)
            .summary("save the session as a script that replays it (failed commands as comments)")
            .example("/save session.socks")
            .errors(ErrorDocs.NO_DIRECTORY, ErrorDocs.NOT_WRITABLE)
            .binder(HistoryCommands::bindSave)
            .runner(HistoryCommands::save)
            .build());
  }

  private static Command.History bindHistory(Args a) throws UsageError {
    a.end();
    return new Command.History();
  }

  private static Outcome runHistory(Command.History c, Context ctx) {
    history(ctx.log(), ctx.out());
    return new Outcome.Printed();
  }

  private static Command.Save bindSave(Args a) throws UsageError {
    return new Command.Save(a.path(FILE));
  }

  private static Outcome runRerun(Command.Rerun c, Context ctx) throws UsageError {
    return new Outcome.Rerun(ctx.log().find(c.number(), c.fromEnd()).line());
  }

  private static CommandSpec<Command.Rerun> rerun(String name, String summary, String example) {
    return CommandSpec.command(name, Group.SESSION, Command.Rerun.class)
        .summary(summary)
        .example(example)
        .binder(HistoryCommands::bindRerun)
        .runner(HistoryCommands::runRerun)
        .build();
  }

  /** {@code /!}, {@code /12} or {@code /-2}: the number is part of the command word. */
  private static Command.Rerun bindRerun(Args a) throws UsageError {
    Token word = a.command();
    a.end();
    if (word == null || word.text().equals("/!")) {
      return new Command.Rerun(1, true);
    }
    boolean fromEnd = word.text().startsWith("/-");
    String digits = word.text().substring(fromEnd ? 2 : 1);
    int number;
    try {
      number = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new UsageError(Text.get("usage.rerun.digits"), word.start());
    }
    if (number < 1) {
      throw new UsageError(Text.get("usage.rerun.from.one"), word.start());
    }
    return new Command.Rerun(number, fromEnd);
  }

  /**
   * The numbered commands, each broken at spaces to fit the window with the rest under the command
   * (a failure's reason can be long).
   */
  private static void history(CommandLog log, Output out) {
    if (log.size() == 0) {
      out.println(Styled.of(Style.FEEDBACK, Feedback.PREFIX + Text.get("history.empty")));
      return;
    }
    int width = Integer.toString(log.size()).length();
    Styled under = Styled.plain(" ".repeat(width + 4));
    for (CommandLog.Entry e : log.entries()) {
      String number = Integer.toString(e.number());
      // A block's further lines go under its first, after the number's column.
      List<String> text = e.line().lines().toList();
      for (int i = 0; i < text.size(); i++) {
        String margin =
            i == 0
                ? " ".repeat(width - number.length() + 2) + number + "  "
                : " ".repeat(width + 4);
        Styled.Builder line = Styled.builder().add(Style.DIM, margin).plain(text.get(i));
        if (e.failed() && i == text.size() - 1) {
          line.add(Style.ERROR, "    # " + Text.get("history.failed", e.failure()));
        }
        out.println(line.build(), under);
      }
    }
  }

  private static Outcome save(Command.Save c, Context ctx) throws SocketError {
    Path path = Eval.file(ctx, c.path());
    List<String> lines = SavedScript.lines(ctx.log(), c.path());
    try {
      Files.write(path, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Eval.fileError(e, path, c.path());
    }
    int n = ctx.log().size();
    return new Outcome.Done(Text.get(n == 1 ? "save.done.one" : "save.done", n, c.path()));
  }
}
