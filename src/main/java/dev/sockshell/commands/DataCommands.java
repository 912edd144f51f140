package dev.sockshell.commands;

import static dev.sockshell.commands.Param.Kind.ADDRESS;
import static dev.sockshell.commands.Param.Kind.DATA;
import static dev.sockshell.commands.Param.Kind.NUMBER;
import static dev.sockshell.commands.Param.Kind.SOCKET;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockType;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.value.Value;
import java.util.List;

/** send, sendall, recv, sendto, recvfrom: moving bytes. */
final class DataCommands {
  private DataCommands() {}

  static final int DEFAULT_BUFSIZE = 1024;
  static final int MAX_BUFSIZE = Integer.MAX_VALUE - 8;
  static final String EOF_NOTE = "EOF: the peer closed its side";

  static List<CommandSpec<?>> specs() {
    return List.of(
        new CommandSpec<>(
            "send",
            Group.DATA,
            List.of(
                Param.of("NAME", SOCKET),
                Param.of("DATA", DATA),
                Param.constant("--frame len32", true, List.of("--frame"))),
            "send bytes; returns how many the OS took (maybe fewer than all: see sendall);"
                + " --frame len32 sends all of them after a 4-byte big-endian length",
            Command.Send.class,
            DataCommands::pythonOfSend,
            "send cli b'hello from TCP client'",
            List.of(
                new ErrorDoc("EPIPE", "not connected, shut down for writing, or the peer is gone"),
                new ErrorDoc("ECONNRESET", "the peer reset the connection"),
                new ErrorDoc("EDESTADDRREQ", "an unconnected UDP socket: use sendto"),
                new ErrorDoc("TimeoutError", "the send buffer stayed full for the whole timeout")),
            DataCommands::bindSend,
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              ByteString data = Eval.data(ctx, c.data());
              if (c.frame()) {
                ByteString frame = Framing.frame(data);
                FramingOptions.stream(s, "--frame").sendAll(frame);
                return new Outcome.Returned(
                    new Value.Int(frame.size()),
                    "the length header "
                        + frame.substring(0, Framing.HEADER)
                        + ", then the "
                        + data.size()
                        + " bytes");
              }
              int n = s.send(data);
              String note =
                  n < data.size()
                      ? "only "
                          + n
                          + " of "
                          + data.size()
                          + " bytes went out; send the rest, or use"
                          + " sendall"
                      : null;
              return new Outcome.Returned(new Value.Int(n), note);
            }),
        new CommandSpec<>(
            "sendall",
            Group.DATA,
            List.of(Param.of("NAME", SOCKET), Param.of("DATA", DATA)),
            "send every byte, waiting as long as needed; returns None",
            Command.SendAll.class,
            c -> c.name() + ".sendall(" + Py.data(c.data()) + ")",
            "sendall cli @message.bin",
            List.of(
                new ErrorDoc("EPIPE", "not connected, shut down for writing, or the peer is gone"),
                new ErrorDoc(
                    "TimeoutError",
                    "not everything was sent in time (the hint says how" + " much was)")),
            a -> {
              String name = a.name("NAME");
              Token dataToken = a.peek();
              var data = a.data();
              a.endAfterData(dataToken);
              return new Command.SendAll(name, data);
            },
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              if (s instanceof StreamSocket stream && c.data() instanceof DataExpr.File f) {
                return FileCommands.sendAll(ctx, stream, f);
              }
              ByteString data = Eval.data(ctx, c.data());
              s.sendAll(data);
              return FileCommands.sentAll(data.size());
            }),
        new CommandSpec<>(
            "recv",
            Group.DATA,
            List.of(
                Param.of("NAME", SOCKET),
                Param.optional("BUFSIZE", NUMBER),
                Param.constant(
                    "--exact N | --until DELIM | --frame len32",
                    true,
                    List.of("--exact", "--until", "--frame"))),
            "receive up to BUFSIZE bytes (1024 by default), waiting for some; b'' means EOF;"
                + " --exact, --until or --frame receive one whole message",
            Command.Recv.class,
            FramingOptions::pythonOfRecv,
            "recv conn 1024",
            List.of(
                new ErrorDoc("ENOTCONN", "the socket is not connected"),
                new ErrorDoc("ECONNRESET", "the peer reset the connection"),
                new ErrorDoc("TimeoutError", "nothing arrived within the socket's timeout"),
                new ErrorDoc("EAGAIN", "non-blocking and nothing has arrived"),
                new ErrorDoc(
                    "ECONNREFUSED", "connected UDP: an earlier datagram hit a closed port"),
                new ErrorDoc("EOFError", "--frame: the peer closed the stream inside a frame")),
            FramingOptions::bindRecv,
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              if (c.framing() != null) {
                return FramingOptions.recv(ctx, s, c);
              }
              ByteString data = s.recv(c.bufsize());
              boolean eof = data.isEmpty() && c.bufsize() > 0 && s.type() == SockType.SOCK_STREAM;
              return eof
                  ? new Outcome.Returned(new Value.Bytes(data), EOF_NOTE, true)
                  : new Outcome.Returned(new Value.Bytes(data));
            }),
        new CommandSpec<>(
            "sendto",
            Group.DATA,
            List.of(Param.of("NAME", SOCKET), Param.of("DATA", DATA), Param.of("ADDR", ADDRESS)),
            "send one datagram to ADDR (UDP); binds an unbound socket to a free port first",
            Command.SendTo.class,
            c -> c.name() + ".sendto(" + Py.data(c.data()) + ", " + Py.address(c.address()) + ")",
            "sendto cli b'hello UDP' localhost:8888",
            List.of(
                new ErrorDoc("EMSGSIZE", "the datagram is larger than the OS allows"),
                new ErrorDoc("EACCES", "a broadcast address without SO_BROADCAST"),
                new ErrorDoc(
                    "ECONNREFUSED", "connected UDP: an earlier datagram hit a closed port")),
            a -> {
              String name = a.name("NAME");
              var data = a.data();
              var address = a.address();
              a.end();
              return new Command.SendTo(name, data, address);
            },
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              ByteString data = Eval.data(ctx, c.data());
              int n = s.sendTo(data, Eval.address(ctx, c.address(), s.family()));
              return new Outcome.Returned(new Value.Int(n));
            }),
        new CommandSpec<>(
            "recvfrom",
            Group.DATA,
            List.of(Param.of("NAME", SOCKET), Param.optional("BUFSIZE", NUMBER)),
            "receive one datagram and its sender: (data, addr); a longer datagram is truncated",
            Command.RecvFrom.class,
            c -> "data, addr = " + c.name() + ".recvfrom(" + c.bufsize() + ")",
            "recvfrom srv 1024",
            List.of(
                new ErrorDoc("TimeoutError", "no datagram arrived within the socket's timeout"),
                new ErrorDoc("EAGAIN", "non-blocking and no datagram is waiting"),
                new ErrorDoc(
                    "ECONNREFUSED", "connected UDP: an earlier datagram hit a closed port")),
            a -> {
              String name = a.name("NAME");
              Integer size = a.optionalInteger("BUFSIZE", 0, MAX_BUFSIZE);
              a.end();
              return new Command.RecvFrom(name, size == null ? DEFAULT_BUFSIZE : size);
            },
            (c, ctx) -> {
              NetSocket s = Eval.socket(ctx, c.name());
              NetSocket.Received r = s.recvFrom(c.bufsize());
              Value from = r.from() == null ? Value.NONE : new Value.Address(r.from());
              return new Outcome.Returned(Value.Tuple.of(new Value.Bytes(r.data()), from));
            }));
  }

  /** {@code send NAME DATA [--frame len32]}, the option before or after DATA. */
  private static Command.Send bindSend(Args a) throws UsageError {
    String name = a.name("NAME");
    Token dataToken = null;
    DataExpr data = null;
    boolean frame = false;
    while (a.hasMore()) {
      Token t = a.peek();
      if (t.text().startsWith("--")) {
        if (frame) {
          throw new UsageError("--frame is given twice", t.start());
        }
        frame = FramingOptions.sendFrame(a);
      } else if (data == null) {
        dataToken = t;
        data = a.data();
      } else {
        throw a.unexpectedAfterData(dataToken, t);
      }
    }
    if (data == null) {
      data = a.data(); // says DATA is missing
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
