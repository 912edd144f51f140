package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.COMMAND;
import static dev.sockshell.lang.Param.Kind.PATH;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta commands, JShell style: /help, /list, /open, /reset, /exit, with /set ({@link SetCommands})
 * and the history commands ({@link HistoryCommands}) in /help order.
 */
final class SessionCommands {
  private SessionCommands() {}

  private static final Param TOPIC = Param.optional("COMMAND", COMMAND);

  private static final Param FILE = Param.of("FILE", PATH);

  static List<CommandSpec<?>> specs() {
    List<CommandSpec<?>> specs = new ArrayList<>(inspecting());
    specs.addAll(SetCommands.specs());
    specs.addAll(HistoryCommands.specs());
    specs.addAll(PictureCommands.specs());
    specs.addAll(ExportCommands.specs());
    specs.addAll(StepCommands.specs());
    specs.addAll(leaving());
    return specs;
  }

  private static Command.Help bindHelp(Args a) throws UsageError {
    String topic = a.hasMore() ? a.next(TOPIC).text() : null;
    a.end();
    return new Command.Help(topic);
  }

  private static Outcome runHelp(Command.Help c, Context ctx) throws UsageError {
    HelpPages help = new HelpPages(ctx.commands(), ctx.out().width());
    if (c.topic() == null) {
      help.overview().forEach(ctx.out()::println);
    } else {
      help.page(c.topic()).forEach(ctx.out()::println);
    }
    return new Outcome.Printed();
  }

  private static Outcome runListSockets(Command.ListSockets c, Context ctx) {
    SocketTable.lines(
            ctx.session(),
            ctx.background(),
            ctx.out().width(),
            c.all() ? ctx.log().closedStreams() : List.of())
        .forEach(ctx.out()::println);
    return new Outcome.Printed();
  }

  private static Command.Open bindOpen(Args a) throws UsageError {
    return new Command.Open(a.path(FILE));
  }

  private static Outcome runOpen(Command.Open c, Context ctx) throws SocketError, UsageError {
    return ctx.runScript(Eval.file(ctx, c.path()));
  }

  private static Command.Reset bindReset(Args a) throws UsageError {
    a.end();
    return new Command.Reset();
  }

  private static Outcome runReset(Command.Reset c, Context ctx) {
    long open =
        ctx.session().sockets().stream().filter(s -> s.state() != SocketState.CLOSED).count();
    ctx.reset();
    return new Outcome.Done(
        open == 0
            ? Text.get("feedback.reset")
            : Text.get(open == 1 ? "feedback.reset.one" : "feedback.reset.closed", open));
  }

  private static Command.Exit bindExit(Args a) throws UsageError {
    a.end();
    return new Command.Exit();
  }

  private static Outcome runExit(Command.Exit c, Context ctx) {
    return new Outcome.Exit(0);
  }

  private static List<CommandSpec<?>> inspecting() {
    return List.of(
        CommandSpec.command("/help", Group.SESSION, Command.Help.class)
            .params(TOPIC)
            .summary("list the commands, or show one: syntax, Python equivalent, example, errors")
            .example("/help bind")
            .binder(SessionCommands::bindHelp)
            .runner(SessionCommands::runHelp)
            .build(),
        CommandSpec.command("/list", Group.SESSION, Command.ListSockets.class)
            .params(SocketTable.ALL_PARAM)
            .summary(
                "a table of the session's sockets: state, addresses, the kernel's TCP state and"
                    + " queues, timeout, bytes moved")
            .example("/list --all")
            .binder(SocketTable::bind)
            .runner(SessionCommands::runListSockets)
            .build());
  }

  private static List<CommandSpec<?>> leaving() {
    return List.of(
        CommandSpec.command("/open", Group.SESSION, Command.Open.class)
            .params(FILE)
            .summary("run a script in this session; it stops at the first unexpected error")
            .example("/open examples/tcp_one_session.socks")
            .binder(SessionCommands::bindOpen)
            .runner(SessionCommands::runOpen)
            .build(),
        CommandSpec.command("/reset", Group.SESSION, Command.Reset.class)
            .summary("close every socket and start a fresh session: $N and /history start again")
            .example("/reset")
            .binder(SessionCommands::bindReset)
            .runner(SessionCommands::runReset)
            .build(),
        CommandSpec.command("/exit", Group.SESSION, Command.Exit.class)
            .summary("close every socket and leave (Ctrl-D does the same)")
            .example("/exit")
            .binder(SessionCommands::bindExit)
            .runner(SessionCommands::runExit)
            .build());
  }
}
