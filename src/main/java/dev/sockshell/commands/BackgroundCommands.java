package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.DATA;
import static dev.sockshell.lang.Param.Kind.NUMBER;
import static dev.sockshell.lang.Param.Kind.SOCKET;

import dev.sockshell.background.Jobs;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.net.Timeout;
import java.util.List;

/**
 * Work that goes on by itself while other commands run: {@code serve} (a server in the background),
 * {@code relay} (socat with names), {@code stop}, and {@code wait}, which hands the time to the
 * background. The work lives in {@code background.Jobs} on the session's loop.
 */
final class BackgroundCommands {

  private BackgroundCommands() {}

  private static final Param MODE =
      Param.constant(
          "--echo | --reply DATA | --rules", false, List.of("--echo", "--reply", "--rules"));

  /** The DATA of {@code --reply DATA}. */
  private static final Param REPLY = Param.of("DATA", DATA);

  private static final Param MAX = Param.constant("--max N", true, List.of("--max"));

  /** The N of {@code --max N}. */
  private static final Param MAX_COUNT = Param.of("N", NUMBER);

  private static final Param SECONDS = Param.optional("SECONDS", NUMBER);

  private static final Param FIRST = Param.of("A", SOCKET);

  private static final Param SECOND = Param.of("B", SOCKET);

  private static final Param TRACE = Param.constant("--trace", true, List.of("--trace"));

  private static final Param HEX = Param.constant("--hex", true, List.of("--hex"));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("serve", Group.BACKGROUND, Command.Serve.class)
            .params(Params.NAME, MODE, MAX)
            .summary(
                "serve a listening socket (every connection) or a bound UDP socket (every datagram) in"
                    + " the background: --echo sends back what arrives, --reply answers each chunk"
                    + " with DATA, --rules by the rules of `on`; --max stops after N")
            .example("serve srv --echo")
            .binder(BackgroundCommands::bindServe)
            .python(BackgroundCommands::servePython)
            .runner(BackgroundCommands::serve)
            .build(),
        CommandSpec.command("stop", Group.BACKGROUND, Command.Stop.class)
            .params(Params.NAME)
            .summary(
                "end the background work NAME is part of: serving (its connections are closed), a"
                    + " relay (both sockets are yours again, nothing lost), or its rules")
            .example("stop srv")
            .binder(BackgroundCommands::bindStop)
            .python(BackgroundCommands::pythonOfStop)
            .runner(BackgroundCommands::stop)
            .build(),
        CommandSpec.command("wait", Group.BACKGROUND, Command.Wait.class)
            .params(SECONDS)
            .summary(
                "let the background work: for SECONDS, or until no served socket, relay or connection"
                    + " with rules is left; Ctrl-C ends it early")
            .example("wait 0.5")
            .errors(
                new ErrorDoc("KeyboardInterrupt", "Ctrl-C ended the wait; the work goes on"),
                new ErrorDoc("TimeoutError", "the run's --timeout passed first"))
            .binder(BackgroundCommands::bindWait)
            .python(BackgroundCommands::pythonOfWait)
            .runner(BackgroundCommands::waitForBackground)
            .build(),
        CommandSpec.command("relay", Group.BACKGROUND, Command.Relay.class)
            .params(FIRST, SECOND, TRACE, HEX)
            .summary(
                "forward everything between two connected sockets, both ways, in the background"
                    + " (EOF passed on as SHUT_WR, a reset as a reset); --trace tells each chunk")
            .example("relay c up --trace")
            .binder(BackgroundCommands::bindRelay)
            .python(BackgroundCommands::pythonOfRelay)
            .runner(BackgroundCommands::relay)
            .build());
  }

  private static Command.Stop bindStop(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    a.end();
    return new Command.Stop(name);
  }

  private static String pythonOfStop(Command.Stop c) {
    return "server.close()  # the asyncio server, relay task or rules " + c.name() + " has";
  }

  private static String pythonOfWait(Command.Wait c) {
    return c.seconds() == null
        ? "await asyncio.gather(*background_tasks)"
        : "await asyncio.sleep(" + ScriptCommands.seconds(c.seconds()) + ")";
  }

  private static String pythonOfRelay(Command.Relay c) {
    return "relay("
        + c.first()
        + ", "
        + c.second()
        + ")  # a selectors loop: sel.register(s, EVENT_READ); other.sendall(s.recv(131072))";
  }

  private static Command.Serve bindServe(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token mode = a.next(MODE, Text.get("usage.what.serve.mode"));
    Command.ServeMode serveMode;
    Command.Serve serve;
    switch (mode.text()) {
      case "--echo" -> serveMode = Command.ServeMode.ECHO;
      case "--reply" -> serveMode = Command.ServeMode.REPLY;
      case "--rules" -> serveMode = Command.ServeMode.RULES;
      default -> throw new UsageError(Text.get("usage.serve.mode", mode.text()), mode.start());
    }
    var reply = serveMode == Command.ServeMode.REPLY ? a.data(REPLY) : null;
    Integer max = null;
    if (a.hasMore()) {
      Token flag = a.next(MAX, "--max");
      if (!flag.text().equals("--max")) {
        throw new UsageError(Text.get("usage.serve.after", flag.text()), flag.start());
      }
      max = a.integer(MAX_COUNT, Text.get("usage.what.max"), 1, Integer.MAX_VALUE);
    }
    a.end();
    serve = new Command.Serve(name, serveMode, reply, max);
    return serve;
  }

  private static String servePython(Command.Serve c) {
    String handler =
        switch (c.mode()) {
          case ECHO -> "echo";
          case REPLY -> "reply";
          case RULES -> "rules";
        };
    return "await asyncio.start_server("
        + handler
        + ", sock="
        + c.name()
        + ")  # "
        + switch (c.mode()) {
          case ECHO -> "echo: while data := await r.read(65536): w.write(data); await w.drain()";
          case REPLY -> "reply: while await r.read(65536): w.write(" + Py.data(c.reply()) + ")";
          case RULES -> "rules: answer what matches each rule of /rules";
        };
  }

  private static Outcome serve(Command.Serve c, Context ctx) throws UsageError, SocketError {
    NetSocket s = Eval.named(ctx, c.name());
    if (s.state() == SocketState.CLOSED) {
      throw UsageError.about(c.name(), Text.get("usage.serve.closed", c.name()));
    }
    if (s.inBackground()) {
      throw UsageError.about(c.name(), Text.get("usage.background.busy", c.name()));
    }
    if (s instanceof StreamSocket && s.state() != SocketState.LISTENING) {
      throw UsageError.about(c.name(), Text.get("usage.serve.not.listening", c.name()));
    }
    if (s instanceof DatagramSocket && s.state() == SocketState.UNBOUND) {
      throw UsageError.about(c.name(), Text.get("usage.serve.unbound", c.name()));
    }
    ByteString reply = c.reply() == null ? null : Eval.data(ctx, c.reply());
    Jobs.Mode mode = Jobs.Mode.valueOf(c.mode().name());
    String done = ctx.background().serve(s, mode, reply, c.max());
    boolean noRules = mode == Jobs.Mode.RULES && ctx.background().rules().of(s).isEmpty();
    return new Outcome.Done(
        Text.get(
            noRules ? "background.stop.with.no.rules" : "background.stop.with", done, c.name()));
  }

  private static Outcome stop(Command.Stop c, Context ctx) throws UsageError {
    NetSocket s = Eval.named(ctx, c.name());
    String stopped = ctx.background().stop(s);
    if (stopped == null) {
      throw UsageError.about(c.name(), Text.get("usage.stop.nothing", c.name()));
    }
    return new Outcome.Done(stopped);
  }

  private static Command.Wait bindWait(Args a) throws UsageError {
    Double seconds = a.hasMore() ? a.seconds(SECONDS) : null;
    a.end();
    return new Command.Wait(seconds);
  }

  private static Outcome waitForBackground(Command.Wait c, Context ctx) throws SocketError {
    Jobs jobs = ctx.background();
    if (c.seconds() != null) {
      ctx.session().waiter().pause(c.seconds(), () -> false, "wait");
      return new Outcome.Done(Text.get("feedback.waited", ScriptCommands.seconds(c.seconds())));
    }
    if (jobs.idle()) {
      return new Outcome.Done(Text.get("background.nothing.to.wait"));
    }
    // A run's --timeout bounds this wait too, so a script cannot hang on a server nobody ends.
    Timeout limit = ctx.session().defaultTimeout();
    double seconds = limit.isBlocking() ? Double.POSITIVE_INFINITY : limit.seconds();
    if (!ctx.session().waiter().pause(seconds, jobs::idle, "wait for the background")) {
      throw SocketError.timedOut().withHint(Text.get("background.still.works"));
    }
    return new Outcome.Done(Text.get("background.nothing.left"));
  }

  private static Command.Relay bindRelay(Args a) throws UsageError {
    String first = a.name(FIRST);
    String second = a.name(SECOND);
    boolean trace = false;
    boolean hex = false;
    while (a.hasMore()) {
      Token flag = a.next(TRACE, Text.get("usage.what.relay.flag"));
      switch (flag.text()) {
        case "--trace" -> trace = true;
        case "--hex" -> {
          a.read(flag, HEX);
          hex = true;
        }
        default -> throw new UsageError(Text.get("usage.relay.after", flag.text()), flag.start());
      }
    }
    if (hex && !trace) {
      throw new UsageError(Text.get("usage.relay.hex"), a.line().indexOf("--hex"));
    }
    if (first.equals(second)) {
      throw UsageError.aboutLast(second, Text.get("usage.relay.same"));
    }
    return new Command.Relay(first, second, trace, hex);
  }

  private static Outcome relay(Command.Relay c, Context ctx) throws UsageError, SocketError {
    StreamSocket a = connectedStream(ctx, c.first());
    StreamSocket b = connectedStream(ctx, c.second());
    return new Outcome.Done(
        Text.get(
            "background.stop.with", ctx.background().relay(a, b, c.trace(), c.hex()), c.first()));
  }

  private static StreamSocket connectedStream(Context ctx, String name) throws UsageError {
    NetSocket s = Eval.named(ctx, name);
    if (!(s instanceof StreamSocket stream) || s.state() != SocketState.CONNECTED) {
      throw UsageError.about(name, Text.get("usage.relay.unconnected", name));
    }
    if (s.inBackground()) {
      throw UsageError.about(name, Text.get("usage.background.busy", name));
    }
    return stream;
  }
}
