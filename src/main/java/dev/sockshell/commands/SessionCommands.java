package dev.sockshell.commands;

import static dev.sockshell.commands.Param.Kind.COMMAND;
import static dev.sockshell.commands.Param.Kind.PATH;

import dev.sockshell.lang.Command;
import java.nio.file.Path;
import java.util.List;

/** Meta commands, JShell style: /help, /list, /open, /exit. */
final class SessionCommands {
  private SessionCommands() {}

  static List<CommandSpec<?>> specs() {
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
              HelpPages help = new HelpPages(ctx.commands());
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
            List.of(),
            "a table of the session's sockets: state, addresses, timeout, bytes moved",
            Command.ListSockets.class,
            null,
            "/list",
            List.of(),
            a -> {
              a.end();
              return new Command.ListSockets();
            },
            (c, ctx) -> {
              SocketTable.lines(ctx.session()).forEach(ctx.out()::println);
              return new Outcome.Printed();
            }),
        new CommandSpec<>(
            "/open",
            Group.SESSION,
            List.of(Param.of("FILE", PATH)),
            "run a script in this session; it stops at the first unexpected error",
            Command.Open.class,
            null,
            "/open examples/tcp_one_session.socks",
            List.of(),
            a -> new Command.Open(a.rest("FILE").text()),
            (c, ctx) -> ctx.runScript(ctx.baseDirectory().resolve(Path.of(c.path())))),
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
