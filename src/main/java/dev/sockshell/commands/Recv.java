package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.DATA;
import static dev.sockshell.lang.Param.Kind.NUMBER;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.value.Value;
import java.util.List;

/**
 * Everything about {@code recv}: its spec, its arguments ({@code BUFSIZE} and the framing options
 * {@code --exact N}, {@code --until DELIM}, {@code --frame len32}), how it runs, and its Python.
 */
final class Recv {
  private Recv() {}

  static final int DEFAULT_BUFSIZE = 1024;
  static final int MAX_BUFSIZE = Integer.MAX_VALUE - 8;

  /** The note under {@code $N ==> b''}: a recv that returned at EOF. */
  static String eofNote() {
    return Text.get("note.eof");
  }

  /** The largest len32 frame {@code recv} accepts unless BUFSIZE says otherwise: 16 MiB. */
  static final int DEFAULT_MAX_FRAME = 16 << 20;

  private static final List<String> RECV_OPTIONS = List.of("--exact", "--until", "--frame");

  static final Param BUFSIZE = Param.optional("BUFSIZE", NUMBER);

  private static final Param OPTION =
      Param.constant("--exact N | --until DELIM | --frame len32", true, RECV_OPTIONS);

  /** The values of {@code --exact N} and {@code --until DELIM}. */
  private static final Param EXACT = Param.of("N", NUMBER);

  private static final Param UNTIL = Param.of("DELIM", DATA);

  static CommandSpec<Command.Recv> spec() {
    return CommandSpec.command("recv", Group.DATA, Command.Recv.class)
        .params(Params.NAME, BUFSIZE, OPTION)
        .summary(
            "receive up to BUFSIZE bytes (1024 by default), waiting for some; b'' means EOF;"
                + " --exact, --until or --frame receive one whole message")
        .example("recv conn 1024")
        .errors(
            ErrorDocs.NOT_CONNECTED,
            ErrorDocs.PEER_RESET,
            new ErrorDoc("TimeoutError", "nothing arrived within the socket's timeout"),
            new ErrorDoc("EAGAIN", "non-blocking and nothing has arrived"),
            ErrorDocs.UDP_REFUSED,
            new ErrorDoc("EOFError", "--frame: the peer closed the stream inside a frame"))
        .binder(Recv::bind)
        .python(Recv::python)
        .runner(Recv::run)
        .build();
  }

  /** {@code recv NAME [BUFSIZE] [--exact N | --until DELIM | --frame len32]}, in any order. */
  static Command.Recv bind(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token sizeToken = null;
    Integer size = null;
    Command.Framing framing = null;
    while (a.hasMore()) {
      Token t = a.peek();
      if (t.text().startsWith("--")) {
        a.next(OPTION, Text.get("usage.what.option"));
        if (framing != null) {
          throw new UsageError(Text.get("usage.recv.one.mode"), t.start());
        }
        framing = recvOption(a, t);
      } else if (size == null) {
        sizeToken = t;
        size = a.integer(BUFSIZE, 0, MAX_BUFSIZE);
      } else {
        a.end();
      }
    }
    if (framing == null) {
      return new Command.Recv(name, size == null ? DEFAULT_BUFSIZE : size);
    }
    if (framing instanceof Command.Framing.Exact exact) {
      if (sizeToken != null) {
        throw new UsageError(Text.get("usage.recv.exact.bufsize"), sizeToken.start());
      }
      return new Command.Recv(name, exact.size(), framing);
    }
    int defaultLimit = framing instanceof Command.Framing.Len32 ? DEFAULT_MAX_FRAME : MAX_BUFSIZE;
    return new Command.Recv(name, size == null ? defaultLimit : size, framing);
  }

  private static Command.Framing recvOption(Args a, Token option) throws UsageError {
    switch (option.text()) {
      case "--exact":
        return new Command.Framing.Exact(a.integer(EXACT, "N (--exact)", 0, MAX_BUFSIZE));
      case "--until":
        Token d = a.next(UNTIL, Text.get("usage.what.until"));
        DataExpr delimiter = DataExpr.of(LiteralParser.parse(d), d.text());
        boolean empty =
            delimiter instanceof DataExpr.Text t && t.text().isEmpty()
                || delimiter instanceof DataExpr.Bytes b && b.bytes().isEmpty();
        if (empty) {
          throw new UsageError(Text.get("usage.recv.delimiter.empty"), d.start());
        }
        return new Command.Framing.Until(delimiter);
      case "--frame":
        FramingOptions.len32(a);
        return new Command.Framing.Len32();
      default:
        throw FramingOptions.unknownOption(option, RECV_OPTIONS);
    }
  }

  static Outcome run(Command.Recv c, Context ctx) throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    if (c.framing() != null) {
      return framed(ctx, s, c);
    }
    ByteString data = s.recv(c.bufsize());
    boolean eof = data.isEmpty() && c.bufsize() > 0 && s.type() == SockType.SOCK_STREAM;
    return eof
        ? new Outcome.Returned(new Value.Bytes(data), eofNote(), true)
        : new Outcome.Returned(new Value.Bytes(data));
  }

  /** Runs a recv that has a framing option. */
  private static Outcome framed(Context ctx, NetSocket s, Command.Recv c)
      throws SocketError, UsageError {
    Framing.Message m;
    if (c.framing() instanceof Command.Framing.Exact exact) {
      m = Framing.exact(FramingOptions.stream(s, "--exact"), exact.size());
    } else if (c.framing() instanceof Command.Framing.Until until) {
      StreamSocket stream = FramingOptions.stream(s, "--until");
      ByteString delimiter = Eval.data(ctx, until.delimiter());
      if (delimiter.isEmpty()) {
        throw SocketError.python(PyException.ValueError, "empty separator");
      }
      m = Framing.until(stream, delimiter, c.bufsize());
    } else {
      m = Framing.len32(FramingOptions.stream(s, "--frame"), c.bufsize());
    }
    Value data = new Value.Bytes(m.data());
    if (!m.endOfStream()) {
      return new Outcome.Returned(data);
    }
    String note =
        m.data().isEmpty()
            ? eofNote()
            : c.framing() instanceof Command.Framing.Exact
                ? Text.get("note.eof.exact", m.data().size(), c.bufsize())
                : Text.get("note.eof.delimiter");
    return new Outcome.Returned(data, note, true);
  }

  /** The Python equivalent: MSG_WAITALL, makefile's readline, struct's '>I'. */
  static String python(Command.Recv c) {
    String s = c.name();
    if (c.framing() == null) {
      return s + ".recv(" + c.bufsize() + ")";
    } else if (c.framing() instanceof Command.Framing.Exact exact) {
      return s + ".recv(" + exact.size() + ", socket.MSG_WAITALL)";
    } else if (c.framing() instanceof Command.Framing.Until until) {
      String delimiter = Py.data(until.delimiter());
      boolean newline = delimiter.equals("b'\\n'") || delimiter.equals("'\\n'.encode()");
      return newline
          ? s + ".makefile('rb').readline()"
          : "recv_until(" + s + ", " + delimiter + ")  # recv until the delimiter, keep the rest";
    }
    return "n, = struct.unpack('>I', "
        + s
        + ".recv(4, socket.MSG_WAITALL)); "
        + s
        + ".recv(n, socket.MSG_WAITALL)";
  }
}
