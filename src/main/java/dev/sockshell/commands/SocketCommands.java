package dev.sockshell.commands;

import static dev.sockshell.commands.Param.Kind.NEW_SOCKET;
import static dev.sockshell.commands.Param.Kind.SOCKET;

import dev.sockshell.bytes.Printable;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
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
          ? name + " is listening: SHUT_WR changes nothing there, as on Linux"
          : name + " stopped listening; the connections waiting were reset";
    }
    if (before == SocketState.CONNECTING) {
      return name + " gave up its connect in progress and is unconnected";
    }
    return name
        + " shut down for "
        + switch (how) {
          case SHUT_RD -> "receiving";
          case SHUT_WR -> "sending (the peer will read EOF)";
          case SHUT_RDWR -> "sending and receiving";
        };
  }

  static List<CommandSpec<?>> specs() {
    return List.of(
        new CommandSpec<>(
            "socket",
            Group.SOCKETS,
            List.of(
                Param.of("NAME", NEW_SOCKET),
                Param.constant("FAMILY", true, List.copyOf(FAMILIES.keySet())),
                Param.constant("TYPE", true, List.copyOf(TYPES.keySet()))),
            "create a socket called NAME (AF_INET and SOCK_STREAM by default, as in Python)",
            Command.Socket.class,
            c -> c.name() + " = socket.socket(socket." + c.family() + ", socket." + c.type() + ")",
            "socket srv AF_INET SOCK_STREAM",
            List.of(
                new ErrorDoc("EMFILE", "the process has too many open files"),
                new ErrorDoc("OSError", "the JVM cannot create this family/type combination")),
            SocketCommands::bindSocket,
            SocketCommands::socket),
        new CommandSpec<>(
            "close",
            Group.SOCKETS,
            List.of(Param.of("NAME", SOCKET)),
            "close the socket; the name stays, and any later call on it fails with EBADF",
            Command.Close.class,
            c -> c.name() + ".close()",
            "close srv",
            List.of(),
            a -> new Command.Close(named(a)),
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              boolean wasOpen = s.state() != SocketState.CLOSED;
              s.close();
              String left =
                  wasOpen && s instanceof StreamSocket st && st.socketFilePath() != null
                      ? "; its file "
                          + Printable.escape(st.socketFilePath().toString())
                          + " stays, as the OS leaves it (unlink "
                          + Printable.escape(st.socketFilePath().toString())
                          + " before binding there again)"
                      : "";
              return new Outcome.Done(
                  c.name() + (wasOpen ? " closed" + left : " was already closed"));
            }),
        new CommandSpec<>(
            "shutdown",
            Group.SOCKETS,
            List.of(
                Param.of("NAME", SOCKET), Param.constant("HOW", false, List.copyOf(HOWS.keySet()))),
            "stop receiving (SHUT_RD), sending (SHUT_WR: the peer reads EOF) or both",
            Command.Shutdown.class,
            c -> c.name() + ".shutdown(socket." + c.how() + ")",
            "shutdown cli SHUT_WR",
            List.of(
                new ErrorDoc(
                    "ENOTCONN",
                    "the socket is not connected, or its connection is over (reset, or both sides closed)")),
            a -> new Command.Shutdown(a.name("NAME"), a.choice("HOW", HOWS)),
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              SocketState before = s.state();
              s.shutdown(c.how());
              return new Outcome.Done(shutdownDone(c.name(), c.how(), before));
            }),
        new CommandSpec<>(
            "getsockname",
            Group.SOCKETS,
            List.of(Param.of("NAME", SOCKET)),
            "the socket's own address (the port the OS chose after bind to port 0)",
            Command.GetSockName.class,
            c -> c.name() + ".getsockname()",
            "getsockname srv",
            List.of(new ErrorDoc("EBADF", "the socket was closed")),
            a -> new Command.GetSockName(named(a)),
            (c, ctx) ->
                new Outcome.Returned(new Value.Address(Eval.socket(ctx, c.name()).localAddress()))),
        new CommandSpec<>(
            "getpeername",
            Group.SOCKETS,
            List.of(Param.of("NAME", SOCKET)),
            "the address of the other end of a connected socket",
            Command.GetPeerName.class,
            c -> c.name() + ".getpeername()",
            "getpeername conn1",
            List.of(new ErrorDoc("ENOTCONN", "the socket is not connected")),
            a -> new Command.GetPeerName(named(a)),
            (c, ctx) ->
                new Outcome.Returned(new Value.Address(Eval.socket(ctx, c.name()).peerName()))));
  }

  /** Reads a single socket NAME and nothing else. */
  static String named(Args a) throws UsageError {
    String name = a.name("NAME");
    a.end();
    return name;
  }

  private static Command.Socket bindSocket(Args a) throws UsageError {
    String name = a.name("NAME");
    Family family = Family.AF_INET;
    SockType type = SockType.SOCK_STREAM;
    boolean familySeen = false;
    boolean typeSeen = false;
    while (a.hasMore()) {
      Token t = a.next("FAMILY or TYPE");
      var f = Args.choiceOf(t, "FAMILY", FAMILIES);
      var ty = Args.choiceOf(t, "TYPE", TYPES);
      if (f.isPresent() && !familySeen) {
        family = f.get();
        familySeen = true;
      } else if (ty.isPresent() && !typeSeen) {
        type = ty.get();
        typeSeen = true;
      } else if (f.isPresent() || ty.isPresent()) {
        String which = f.isPresent() ? "FAMILY" : "TYPE";
        throw new UsageError(
            "a second " + which + " '" + t.text() + "': a socket has one FAMILY and one TYPE",
            t.start());
      } else {
        Map<String, Object> all = new LinkedHashMap<>(FAMILIES);
        all.putAll(TYPES);
        throw Args.notAChoice(t, "FAMILY or TYPE", all);
      }
    }
    return new Command.Socket(name, family, type);
  }

  private static Outcome socket(Command.Socket c, Context ctx) throws SocketError, UsageError {
    if (ctx.session().isOpenName(c.name())) {
      throw UsageError.about(
          c.name(),
          c.name() + " is already an open socket; close it first, or choose another name");
    }
    ctx.session().open(c.name(), c.family(), c.type());
    return new Outcome.Created(c.name(), "socket(" + c.family() + ", " + c.type() + ")");
  }

  /** {@code ('127.0.0.1', 9999)}: how results and messages show an address. */
  static String shown(SockAddress address) {
    return Repr.address(address);
  }
}
