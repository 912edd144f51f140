package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NEW_SOCKET;

import dev.sockshell.bytes.Printable;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creating, inspecting, shutting down and closing sockets. */
final class SocketCommands {
  private SocketCommands() {}

  static final Map<String, Family> FAMILIES = constants(Family.values());
  static final Map<String, SockType> TYPES = constants(SockType.values());
  static final Map<String, ShutdownHow> HOWS = constants(ShutdownHow.values());

  static <E extends Enum<E>> Map<String, E> constants(E[] values) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E e : values) {
      map.put(e.name(), e);
    }
    return map;
  }

  /** What a shutdown that succeeded did, which depends on the state it found (as on Linux). */
  private static String shutdownDone(String name, ShutdownHow how, SocketState before) {
    if (before == SocketState.LISTENING) {
      return how == ShutdownHow.SHUT_WR
          ? Text.get("feedback.shutdown.listening.wr", name)
          : Text.get("feedback.shutdown.listening", name);
    }
    if (before == SocketState.CONNECTING) {
      return Text.get("feedback.shutdown.connecting", name);
    }
    return Text.get("feedback.shutdown." + how.name(), name);
  }

  private static final Param NEW_NAME = Param.of("NAME", NEW_SOCKET);
  private static final Param FAMILY =
      Param.constant("FAMILY", true, List.copyOf(FAMILIES.keySet()));
  private static final Param TYPE = Param.constant("TYPE", true, List.copyOf(TYPES.keySet()));
  private static final Param HOW = Param.constant("HOW", false, List.copyOf(HOWS.keySet()));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("socket", Group.SOCKETS, Command.Socket.class)
            .params(NEW_NAME, FAMILY, TYPE)
            .summary(
                "create a socket called NAME (AF_INET and SOCK_STREAM by default, as in Python)")
            .example("socket srv AF_INET SOCK_STREAM")
            .errors(
                new ErrorDoc("EMFILE", "the process has too many open files"),
                new ErrorDoc("OSError", "the JVM cannot create this family/type combination"))
            .binder(SocketCommands::bindSocket)
            .python(SocketCommands::pythonOfSocket)
            .runner(SocketCommands::socket)
            .build(),
        CommandSpec.command("close", Group.SOCKETS, Command.Close.class)
            .params(Params.NAME)
            .summary("close the socket; the name stays, and any later call on it fails with EBADF")
            .example("close srv")
            .binder(SocketCommands::bindClose)
            .python(SocketCommands::pythonOfClose)
            .runner(SocketCommands::runClose)
            .build(),
        CommandSpec.command("shutdown", Group.SOCKETS, Command.Shutdown.class)
            .params(Params.NAME, HOW)
            .summary("stop receiving (SHUT_RD), sending (SHUT_WR: the peer reads EOF) or both")
            .example("shutdown cli SHUT_WR")
            .errors(
                new ErrorDoc(
                    "ENOTCONN",
                    "the socket is not connected, or its connection is over (reset, or both sides closed)"))
            .binder(SocketCommands::bindShutdown)
            .python(SocketCommands::pythonOfShutdown)
            .runner(SocketCommands::runShutdown)
            .build(),
        CommandSpec.command("getsockname", Group.SOCKETS, Command.GetSockName.class)
            .params(Params.NAME)
            .summary("the socket's own address (the port the OS chose after bind to port 0)")
            .example("getsockname srv")
            .errors(new ErrorDoc("EBADF", "the socket was closed"))
            .binder(SocketCommands::bindGetSockName)
            .python(SocketCommands::pythonOfGetSockName)
            .runner(SocketCommands::runGetSockName)
            .build(),
        CommandSpec.command("getpeername", Group.SOCKETS, Command.GetPeerName.class)
            .params(Params.NAME)
            .summary("the address of the other end of a connected socket")
            .example("getpeername conn1")
            .errors(ErrorDocs.NOT_CONNECTED)
            .binder(SocketCommands::bindGetPeerName)
            .python(SocketCommands::pythonOfGetPeerName)
            .runner(SocketCommands::runGetPeerName)
            .build());
  }

  private static String pythonOfSocket(Command.Socket c) {
    return c.name() + " = socket.socket(socket." + c.family() + ", socket." + c.type() + ")";
  }

  private static Command.Close bindClose(Args a) throws UsageError {
    return new Command.Close(named(a));
  }

  private static Outcome runClose(Command.Close c, Context ctx) throws UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    boolean wasOpen = s.state() != SocketState.CLOSED;
    s.close();
    if (!wasOpen) {
      return new Outcome.Done(Text.get("feedback.already.closed", c.name()));
    }
    return new Outcome.Done(
        s instanceof StreamSocket st && st.socketFilePath() != null
            ? Text.get(
                "feedback.closed.file", c.name(), Printable.escape(st.socketFilePath().toString()))
            : Text.get("feedback.closed", c.name()));
  }

  private static String pythonOfClose(Command.Close c) {
    return c.name() + ".close()";
  }

  private static Command.Shutdown bindShutdown(Args a) throws UsageError {
    return new Command.Shutdown(a.name(Params.NAME), a.choice(HOW, HOWS));
  }

  private static Outcome runShutdown(Command.Shutdown c, Context ctx)
      throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    SocketState before = s.state();
    s.shutdown(c.how());
    return new Outcome.Done(shutdownDone(c.name(), c.how(), before));
  }

  private static String pythonOfShutdown(Command.Shutdown c) {
    return c.name() + ".shutdown(socket." + c.how() + ")";
  }

  private static Command.GetSockName bindGetSockName(Args a) throws UsageError {
    return new Command.GetSockName(named(a));
  }

  private static Outcome runGetSockName(Command.GetSockName c, Context ctx)
      throws SocketError, UsageError {
    return new Outcome.Returned(new Value.Address(Eval.socket(ctx, c.name()).localAddress()));
  }

  private static String pythonOfGetSockName(Command.GetSockName c) {
    return c.name() + ".getsockname()";
  }

  private static Command.GetPeerName bindGetPeerName(Args a) throws UsageError {
    return new Command.GetPeerName(named(a));
  }

  private static Outcome runGetPeerName(Command.GetPeerName c, Context ctx)
      throws SocketError, UsageError {
    return new Outcome.Returned(new Value.Address(Eval.socket(ctx, c.name()).peerName()));
  }

  private static String pythonOfGetPeerName(Command.GetPeerName c) {
    return c.name() + ".getpeername()";
  }

  /** Reads a single socket NAME and nothing else. */
  static String named(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    a.end();
    return name;
  }

  private static Command.Socket bindSocket(Args a) throws UsageError {
    String name = a.name(NEW_NAME);
    Family family = Family.AF_INET;
    SockType type = SockType.SOCK_STREAM;
    boolean familySeen = false;
    boolean typeSeen = false;
    while (a.hasMore()) {
      Token t = a.next(familySeen ? TYPE : FAMILY, Text.get("usage.what.family.type"));
      var f = Args.choiceOf(t, "FAMILY", FAMILIES);
      var ty = Args.choiceOf(t, "TYPE", TYPES);
      if (f.isPresent() && !familySeen) {
        family = f.get();
        familySeen = true;
      } else if (ty.isPresent() && !typeSeen) {
        a.read(t, TYPE);
        type = ty.get();
        typeSeen = true;
      } else if (f.isPresent() || ty.isPresent()) {
        String which = f.isPresent() ? "FAMILY" : "TYPE";
        throw new UsageError(Text.get("usage.socket.second", which, t.text()), t.start());
      } else {
        Map<String, Object> all = new LinkedHashMap<>(FAMILIES);
        all.putAll(TYPES);
        throw Args.notAChoice(t, Text.get("usage.what.family.type"), all);
      }
    }
    return new Command.Socket(name, family, type);
  }

  private static Outcome socket(Command.Socket c, Context ctx) throws SocketError, UsageError {
    if (ctx.session().isOpenName(c.name())) {
      throw UsageError.about(c.name(), Text.get("usage.socket.open", c.name()));
    }
    ctx.session().open(c.name(), c.family(), c.type());
    return new Outcome.Created(c.name(), "socket(" + c.family() + ", " + c.type() + ")");
  }

  /** {@code ('127.0.0.1', 9999)}: how results and messages show an address. */
  static String shown(SockAddress address) {
    return Repr.address(address);
  }
}
