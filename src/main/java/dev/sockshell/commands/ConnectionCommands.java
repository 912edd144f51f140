package dev.sockshell.commands;

import static dev.sockshell.commands.SocketCommands.shown;
import static dev.sockshell.lang.Param.Kind.NEW_SOCKET;
import static dev.sockshell.lang.Param.Kind.NUMBER;

import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.value.Value;
import java.util.List;

/** bind, listen, accept, connect: how a server and a client meet. */
final class ConnectionCommands {
  private ConnectionCommands() {}

  /** Python's default backlog for {@code listen()}: {@code min(SOMAXCONN, 128)}. */
  static final int DEFAULT_BACKLOG = 128;

  private static final Param BACKLOG = Param.optional("BACKLOG", NUMBER);

  private static final Param NEWNAME = Param.optional("NEWNAME", NEW_SOCKET);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("bind", Group.CONNECTIONS, Command.Bind.class)
            .params(Params.NAME, Params.ADDR)
            .summary("give the socket a local address; port 0 lets the OS pick a free port")
            .example("bind srv localhost:9999")
            .errors(
                new ErrorDoc(
                    "EADDRINUSE",
                    "another socket has that port (or a connection on it is"
                        + " in TIME_WAIT: set SO_REUSEADDR before bind)"),
                new ErrorDoc("EADDRNOTAVAIL", "that IP address is not one of this machine's"),
                new ErrorDoc("EACCES", "ports below 1024 need privileges"),
                new ErrorDoc("EINVAL", "the socket is already bound"),
                ErrorDocs.NOT_RESOLVED)
            .binder(ConnectionCommands::bindBind)
            .python(ConnectionCommands::pythonOfBind)
            .runner(ConnectionCommands::runBind)
            .build(),
        CommandSpec.command("listen", Group.CONNECTIONS, Command.Listen.class)
            .params(Params.NAME, BACKLOG)
            .summary("make a SOCK_STREAM socket a server that queues up to BACKLOG connections")
            .example("listen srv 5")
            .errors(
                new ErrorDoc("EINVAL", "the socket is connected"),
                new ErrorDoc("EOPNOTSUPP", "a SOCK_DGRAM socket cannot listen"),
                new ErrorDoc("EADDRINUSE", "another socket listens on that port"))
            .binder(ConnectionCommands::bindListen)
            .python(ConnectionCommands::pythonOfListen)
            .runner(ConnectionCommands::runListen)
            .build(),
        CommandSpec.command("accept", Group.CONNECTIONS, Command.Accept.class)
            .params(Params.NAME, NEWNAME)
            .summary(
                "wait for a connection; it becomes a new socket NEWNAME (named for you if omitted)")
            .example("accept srv conn")
            .errors(
                new ErrorDoc("EINVAL", "the socket is not listening: call listen first"),
                new ErrorDoc("TimeoutError", "no client connected within the socket's timeout"),
                new ErrorDoc("EAGAIN", "non-blocking and no connection is waiting"),
                new ErrorDoc("KeyboardInterrupt", "Ctrl-C; the socket is still listening"))
            .binder(ConnectionCommands::bindAccept)
            .python(ConnectionCommands::pythonOfAccept)
            .runner(ConnectionCommands::runAccept)
            .build(),
        CommandSpec.command("connect", Group.CONNECTIONS, Command.Connect.class)
            .params(Params.NAME, Params.ADDR)
            .summary("connect to a server (TCP), or set the default peer (UDP)")
            .example("connect cli localhost:9999")
            .errors(
                ErrorDocs.REFUSED,
                new ErrorDoc("TimeoutError", "no answer within the socket's timeout"),
                new ErrorDoc("EISCONN", "the socket is already connected (or listening)"),
                new ErrorDoc("EINPROGRESS", "non-blocking: the connection completes later"),
                new ErrorDoc("ENETUNREACH", "no route to that network"),
                ErrorDocs.NOT_RESOLVED)
            .binder(ConnectionCommands::bindConnect)
            .python(ConnectionCommands::pythonOfConnect)
            .runner(ConnectionCommands::runConnect)
            .build());
  }

  private static Command.Bind bindBind(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    var address = a.address(Params.ADDR);
    a.end();
    return new Command.Bind(name, address);
  }

  private static Outcome runBind(Command.Bind c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    SockAddress address = Eval.address(ctx, c.address(), s.family());
    s.bind(address);
    return new Outcome.Done(Text.get("feedback.bound", c.name(), shown(s.localAddress())));
  }

  private static String pythonOfBind(Command.Bind c) {
    return c.name() + ".bind(" + Py.address(c.address()) + ")";
  }

  private static Command.Listen bindListen(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Integer backlog = a.optionalInteger(BACKLOG, 0, Integer.MAX_VALUE);
    a.end();
    return new Command.Listen(name, backlog);
  }

  private static Outcome runListen(Command.Listen c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    int backlog = c.backlog() == null ? DEFAULT_BACKLOG : c.backlog();
    s.listen(backlog);
    return new Outcome.Done(
        Text.get("feedback.listening", c.name(), shown(s.localAddress()), backlog));
  }

  private static String pythonOfListen(Command.Listen c) {
    return c.name() + ".listen(" + (c.backlog() == null ? "" : c.backlog()) + ")";
  }

  private static Command.Accept bindAccept(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    String newName = a.optionalName(NEWNAME).orElse(null);
    a.end();
    return new Command.Accept(name, newName);
  }

  private static Outcome runAccept(Command.Accept c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    String newName = c.newName();
    if (newName != null && ctx.session().isOpenName(newName)) {
      throw UsageError.about(newName, Text.get("usage.accept.name.open", newName));
    }
    StreamSocket conn =
        newName != null ? ctx.session().accept(s, newName) : ctx.session().acceptFresh(s, "conn");
    return new Outcome.Returned(Value.Tuple.of(new Value.SocketRef(conn.name()), address(conn)));
  }

  private static String pythonOfAccept(Command.Accept c) {
    return (c.newName() == null ? "conn" : c.newName()) + ", addr = " + c.name() + ".accept()";
  }

  private static Command.Connect bindConnect(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    var address = a.address(Params.ADDR);
    a.end();
    return new Command.Connect(name, address);
  }

  private static Outcome runConnect(Command.Connect c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    SockAddress address = Eval.address(ctx, c.address(), s.family());
    s.connect(address);
    SockAddress local = s.localAddress();
    // An AF_UNIX client has no name of its own (Python shows ''): leave "from" out.
    boolean unnamed = local instanceof SockAddress.Unix u && u.path().toString().isEmpty();
    return new Outcome.Done(
        unnamed
            ? Text.get("feedback.connected", c.name(), shown(s.peerAddress()))
            : Text.get("feedback.connected.from", c.name(), shown(s.peerAddress()), shown(local)));
  }

  private static String pythonOfConnect(Command.Connect c) {
    return c.name() + ".connect(" + Py.address(c.address()) + ")";
  }

  private static Value address(NetSocket s) throws SocketError {
    return new Value.Address(s.peerAddress());
  }
}
