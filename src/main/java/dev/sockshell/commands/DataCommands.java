package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.value.Value;
import java.util.List;

/** send, sendall, recv ({@link Recv}), sendto, recvfrom: moving bytes. */
final class DataCommands {
  private DataCommands() {}

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("send", Group.DATA, Command.Send.class)
            .params(Params.NAME, Params.DATA, FramingOptions.SEND_OPTION)
            .summary(
                "send bytes; returns how many the OS took (maybe fewer than all: see sendall);"
                    + " --frame len32 sends all of them after a 4-byte big-endian length")
            .example("send cli b'hello from TCP client'")
            .errors(
                ErrorDocs.PEER_GONE,
                ErrorDocs.PEER_RESET,
                new ErrorDoc("EDESTADDRREQ", "an unconnected UDP socket: use sendto"),
                new ErrorDoc("TimeoutError", "the send buffer stayed full for the whole timeout"))
            .binder(DataCommands::bindSend)
            .python(DataCommands::pythonOfSend)
            .runner(DataCommands::runSend)
            .build(),
        CommandSpec.command("sendall", Group.DATA, Command.SendAll.class)
            .params(Params.NAME, Params.DATA)
            .summary("send every byte, waiting as long as needed; returns None")
            .example("sendall cli @message.bin")
            .errors(
                ErrorDocs.PEER_GONE,
                new ErrorDoc(
                    "TimeoutError",
                    "not everything was sent in time (the hint says how" + " much was)"))
            .binder(DataCommands::bindSendAll)
            .python(DataCommands::pythonOfSendAll)
            .runner(DataCommands::runSendAll)
            .build(),
        Recv.spec(),
        CommandSpec.command("sendto", Group.DATA, Command.SendTo.class)
            .params(Params.NAME, Params.DATA, Params.ADDR)
            .summary(
                "send one datagram to ADDR (UDP); binds an unbound socket to a free port first")
            .example("sendto cli b'hello UDP' localhost:8888")
            .errors(
                new ErrorDoc("EMSGSIZE", "the datagram is larger than the OS allows"),
                new ErrorDoc("EACCES", "a broadcast address without SO_BROADCAST"),
                ErrorDocs.UDP_REFUSED)
            .binder(DataCommands::bindSendTo)
            .python(DataCommands::pythonOfSendTo)
            .runner(DataCommands::runSendTo)
            .build(),
        CommandSpec.command("recvfrom", Group.DATA, Command.RecvFrom.class)
            .params(Params.NAME, Recv.BUFSIZE)
            .summary(
                "receive one datagram and its sender: (data, addr); a longer datagram is truncated")
            .example("recvfrom srv 1024")
            .errors(
                new ErrorDoc("TimeoutError", "no datagram arrived within the socket's timeout"),
                new ErrorDoc("EAGAIN", "non-blocking and no datagram is waiting"),
                ErrorDocs.UDP_REFUSED)
            .binder(DataCommands::bindRecvFrom)
            .python(DataCommands::pythonOfRecvFrom)
            .runner(DataCommands::runRecvFrom)
            .build());
  }

  private static Outcome runSend(Command.Send c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    ByteString data = Eval.data(ctx, c.data());
    if (c.frame()) {
      ByteString frame = Framing.frame(data);
      FramingOptions.stream(s, "--frame").sendAll(frame);
      return new Outcome.Returned(
          new Value.Int(frame.size()),
          Text.get("note.frame.sent", frame.substring(0, Framing.HEADER), data.size()));
    }
    int n = s.send(data);
    String note = n < data.size() ? Text.get("note.send.partial", n, data.size()) : null;
    return new Outcome.Returned(new Value.Int(n), note);
  }

  private static Command.SendAll bindSendAll(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token dataToken = a.peek();
    var data = a.data(Params.DATA);
    a.endAfterData(dataToken);
    return new Command.SendAll(name, data);
  }

  private static Outcome runSendAll(Command.SendAll c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    if (s instanceof StreamSocket stream && c.data() instanceof DataExpr.File f) {
      return FileCommands.sendAll(ctx, stream, f);
    }
    ByteString data = Eval.data(ctx, c.data());
    s.sendAll(data);
    return FileCommands.sentAll(data.size());
  }

  private static String pythonOfSendAll(Command.SendAll c) {
    return c.name() + ".sendall(" + Py.data(c.data()) + ")";
  }

  private static Command.SendTo bindSendTo(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    var data = a.data(Params.DATA);
    var address = a.address(Params.ADDR);
    a.end();
    return new Command.SendTo(name, data, address);
  }

  private static Outcome runSendTo(Command.SendTo c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    ByteString data = Eval.data(ctx, c.data());
    int n = s.sendTo(data, Eval.address(ctx, c.address(), s.family()));
    return new Outcome.Returned(new Value.Int(n));
  }

  private static String pythonOfSendTo(Command.SendTo c) {
    return c.name() + ".sendto(" + Py.data(c.data()) + ", " + Py.address(c.address()) + ")";
  }

  private static Command.RecvFrom bindRecvFrom(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Integer size = a.optionalInteger(Recv.BUFSIZE, 0, Recv.MAX_BUFSIZE);
    a.end();
    return new Command.RecvFrom(name, size == null ? Recv.DEFAULT_BUFSIZE : size);
  }

  private static Outcome runRecvFrom(Command.RecvFrom c, Context ctx)
      throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    NetSocket.Received r = s.recvFrom(c.bufsize());
    Value from = r.from() == null ? Value.NONE : new Value.Address(r.from());
    return new Outcome.Returned(Value.Tuple.of(new Value.Bytes(r.data()), from));
  }

  private static String pythonOfRecvFrom(Command.RecvFrom c) {
    return "data, addr = " + c.name() + ".recvfrom(" + c.bufsize() + ")";
  }

  /** {@code send NAME DATA [--frame len32]}, the option before or after DATA. */
  private static Command.Send bindSend(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token dataToken = null;
    DataExpr data = null;
    boolean frame = false;
    while (a.hasMore()) {
      Token t = a.peek();
      if (t.text().startsWith("--")) {
        if (frame) {
          throw new UsageError(Text.get("usage.frame.twice"), t.start());
        }
        frame = FramingOptions.sendFrame(a);
      } else if (data == null) {
        dataToken = t;
        data = a.data(Params.DATA);
      } else {
        throw a.unexpectedAfterData(dataToken, t);
      }
    }
    if (data == null) {
      data = a.data(Params.DATA); // says DATA is missing
    }
    return new Command.Send(name, data, frame);
  }

  private static String pythonOfSend(Command.Send c) {
    if (c.frame()) {
      return "data = "
          + Py.data(c.data())
          + "; "
          + c.name()
          + ".sendall(struct.pack('>I', len(data)) + data)";
    }
    return c.name() + ".send(" + Py.data(c.data()) + ")";
  }
}
