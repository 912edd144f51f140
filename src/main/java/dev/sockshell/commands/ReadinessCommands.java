package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;
import static dev.sockshell.lang.Param.Kind.SOCKET;

import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.Readiness;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.Timeout;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** select: which sockets a recv, accept or send would not block on, as Python's select.select. */
final class ReadinessCommands {
  private ReadinessCommands() {}

  private static final String SEPARATOR = "--";

  private static final Param READ = Param.optional("READ...", SOCKET);
  private static final Param SEPARATE = Param.constant(SEPARATOR, true, List.of(SEPARATOR));
  private static final Param WRITE = Param.optional("WRITE...", SOCKET);
  private static final Param TIMEOUT = Param.optional("TIMEOUT", NUMBER);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("select", Group.OPTIONS, Command.Select.class)
            .params(READ, SEPARATE, WRITE, TIMEOUT)
            .summary(
                "wait until a socket is readable (READ) or writable (WRITE), or TIMEOUT seconds pass")
            .example("select srv conn -- cli 0.5")
            .errors(
                new ErrorDoc("ValueError", "a socket in the lists was closed"),
                new ErrorDoc("KeyboardInterrupt", "Ctrl-C; nothing changed"))
            .binder(ReadinessCommands::bind)
            .python(ReadinessCommands::python)
            .runner(ReadinessCommands::run)
            .build());
  }

  /** {@code [READ...] [-- WRITE...] [TIMEOUT]}: names, an optional {@code --}, a number last. */
  private static Command.Select bind(Args a) throws UsageError {
    List<String> read = new ArrayList<>();
    List<String> write = new ArrayList<>();
    Timeout timeout = Timeout.BLOCKING;
    boolean writing = false;
    while (a.hasMore()) {
      Token t = a.next(writing ? WRITE : READ, Text.get("usage.what.socket"));
      if (t.text().equals(SEPARATOR)) {
        a.read(t, SEPARATE);
        if (writing) {
          throw new UsageError(Text.get("usage.select.separator.twice"), t.start());
        }
        writing = true;
      } else if (isTimeout(t)) {
        a.read(t, TIMEOUT);
        if (a.hasMore()) {
          throw new UsageError(Text.get("usage.select.timeout.last"), a.peek().start());
        }
        timeout = timeout(t);
      } else {
        (writing ? write : read).add(Args.checkName(t));
      }
    }
    return new Command.Select(read, write, timeout);
  }

  private static boolean isTimeout(Token t) {
    char c = t.text().charAt(0);
    return Character.isDigit(c) || c == '.' || c == '-' || t.text().equalsIgnoreCase("none");
  }

  private static Timeout timeout(Token t) throws UsageError {
    if (t.text().equalsIgnoreCase("none")) {
      return Timeout.BLOCKING;
    }
    // Python: "ValueError: timeout must be non-negative".
    double seconds = Args.seconds(t, "TIMEOUT");
    return Timeout.seconds(seconds);
  }

  private static String python(Command.Select c) {
    String lists =
        "[" + String.join(", ", c.read()) + "], [" + String.join(", ", c.write()) + "], []";
    return "r, w, x = select.select("
        + lists
        + (c.timeout().isBlocking() ? "" : ", " + OptionCommands.timeoutRepr(c.timeout()))
        + ")";
  }

  private static Outcome run(Command.Select c, Context ctx) throws SocketError, UsageError {
    List<NetSocket> read = sockets(ctx, c.read());
    List<NetSocket> write = sockets(ctx, c.write());
    // A script run with --timeout must not hang on a select without a TIMEOUT either: it gives
    // up like every other blocking call of the run, with TimeoutError.
    Timeout runWide = ctx.session().defaultTimeout();
    boolean bounded = c.timeout().isBlocking() && !runWide.isBlocking();
    Readiness.Ready ready = ctx.session().select(read, write, bounded ? runWide : c.timeout());
    if (bounded && ready.readable().isEmpty() && ready.writable().isEmpty()) {
      throw SocketError.python(PyException.TimeoutError, "timed out")
          .withHint(Text.get("hint.select.none.ready"));
    }
    Value value =
        Value.Tuple.of(refs(ready.readable()), refs(ready.writable()), new Value.PyList(List.of()));
    return new Outcome.Returned(value, note(ready, c.timeout()));
  }

  private static List<NetSocket> sockets(Context ctx, List<String> names) throws UsageError {
    List<NetSocket> sockets = new ArrayList<>();
    for (String name : names) {
      sockets.add(Eval.socket(ctx, name));
    }
    return sockets;
  }

  private static Value.PyList refs(List<NetSocket> sockets) {
    return new Value.PyList(
        sockets.stream().map(s -> (Value) new Value.SocketRef(s.name())).toList());
  }

  /** What the result means: the calls that will not block now. */
  private static String note(Readiness.Ready ready, Timeout timeout) {
    List<String> calls = new ArrayList<>();
    for (NetSocket s : ready.readable()) {
      calls.add(readCall(s) + " " + s.name());
    }
    for (NetSocket s : ready.writable()) {
      calls.add("send " + s.name());
    }
    if (calls.isEmpty()) {
      return timeout.isNonBlocking()
          ? Text.get("note.select.none")
          : Text.get("note.select.none.within", OptionCommands.timeoutRepr(timeout));
    }
    return Text.get(
        "note.select.ready", calls.stream().distinct().collect(Collectors.joining(", ")));
  }

  private static String readCall(NetSocket s) {
    if (s.state() == SocketState.LISTENING) {
      return "accept";
    }
    return s.type() == SockType.SOCK_DGRAM ? "recvfrom" : "recv";
  }
}
