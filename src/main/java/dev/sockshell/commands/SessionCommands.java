package dev.sockshell.commands;

import static dev.sockshell.commands.Param.Kind.COMMAND;
import static dev.sockshell.commands.Param.Kind.PATH;

import dev.sockshell.lang.Command;
import dev.sockshell.net.SocketState;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta commands, JShell style: /help, /list, /open, /reset, /exit, with /set ({@link SetCommands})
 * and the history commands ({@link HistoryCommands}) in /help order.
 */
final class SessionCommands {
  private SessionCommands() {}

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

  private static List<CommandSpec<?>> inspecting() {
    return List.of(
        new CommandSpec<>(
            "/help",
            Group.SESSION,
            List.of(Param.optional("COMMAND", COMMAND)),
            "list the commands, or show one: syntax, Python equivalent, example, errors",
            Command.Help.class,
            null,
            "/help bind",
            List.of(),
            a -> {
              String topic = a.hasMore() ? a.next("COMMAND").text() : null;
              a.end();
              return new Command.Help(topic);
            },
            (c, ctx) -> {
              HelpPages help = new HelpPages(ctx.commands(), ctx.out().width());
              if (c.topic() == null) {
                help.overview().forEach(ctx.out()::println);
              } else {
                help.page(c.topic()).forEach(ctx.out()::println);
              }
              return new Outcome.Printed();
            }),
        new CommandSpec<>(
            "/list",
            Group.SESSION,
            List.of(Param.constant(SocketTable.ALL, true, List.of(SocketTable.ALL))),
            "a table of the session's sockets: state, addresses, the kernel's TCP state and"
                + " queues, timeout, bytes moved",
            Command.ListSockets.class,
            null,
            "/list --all",
            List.of(),
            SocketTable::bind,
            (c, ctx) -> {
              SocketTable.lines(
                      ctx.session(),
                      ctx.background(),
                      ctx.out().width(),
                      c.all() ? ctx.log().closedStreams() : List.of())
                  .forEach(ctx.out()::println);
              return new Outcome.Printed();
            }));
  }

  private static List<CommandSpec<?>> leaving() {
    return List.of(
        new CommandSpec<>(
            "/open",
            Group.SESSION,
            List.of(Param.of("FILE", PATH)),
            "run a script in this session; it stops at the first unexpected error",
            Command.Open.class,
            null,
            "/open examples/tcp_one_session.socks",
            List.of(),
            a -> new Command.Open(a.path("FILE")),
            (c, ctx) -> ctx.runScript(Eval.file(ctx, c.path()))),
        new CommandSpec<>(
            "/reset",
            Group.SESSION,
            List.of(),
            "close every socket and start a fresh session: $N and /history start again",
            Command.Reset.class,
            null,
            "/reset",
            List.of(),
            a -> {
              a.end();
              return new Command.Reset();
            },
            (c, ctx) -> {
              long open =
                  ctx.session().sockets().stream()
                      .filter(s -> s.state() != SocketState.CLOSED)
                      .count();
              ctx.reset();
              return new Outcome.Done(
                  "session reset"
                      + (open == 0 ? "" : ": closed " + open + (open == 1 ? " socket" : " sockets"))
                      + "; $N and /history start again");
            }),
        new CommandSpec<>(
            "/exit",
            Group.SESSION,
            List.of(),
            "close every socket and leave (Ctrl-D does the same)",
            Command.Exit.class,
            null,
            "/exit",
            List.of(),
            a -> {
              a.end();
              return new Command.Exit();
            },
            (c, ctx) -> new Outcome.Exit(0)));
  }
}
