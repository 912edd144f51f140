package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.value.Value;
import java.util.List;

/**
 * The framing options of {@code recv} ({@code --exact N}, {@code --until DELIM}, {@code --frame
 * len32}) and {@code send} ({@code --frame len32}): how they are read, run, and written in Python.
 */
final class FramingOptions {
  private FramingOptions() {}

  /** The largest len32 frame {@code recv} accepts unless BUFSIZE says otherwise: 16 MiB. */
  static final int DEFAULT_MAX_FRAME = 16 << 20;

  private static final List<String> RECV_OPTIONS = List.of("--exact", "--until", "--frame");

  /** {@code recv NAME [BUFSIZE] [--exact N | --until DELIM | --frame len32]}, in any order. */
  static Command.Recv bindRecv(Args a) throws UsageError {
    String name = a.name("NAME");
    Token sizeToken = null;
    Integer size = null;
    Command.Framing framing = null;
    while (a.hasMore()) {
      Token t = a.peek();
      if (t.text().startsWith("--")) {
        a.next("an option");
        if (framing != null) {
          throw new UsageError("give only one of --exact, --until and --frame", t.start());
        }
        framing = recvOption(a, t);
      } else if (size == null) {
        sizeToken = t;
        size = a.integer("BUFSIZE", 0, DataCommands.MAX_BUFSIZE);
      } else {
        a.end();
      }
    }
    if (framing == null) {
      return new Command.Recv(name, size == null ? DataCommands.DEFAULT_BUFSIZE : size);
    }
    if (framing instanceof Command.Framing.Exact exact) {
      if (sizeToken != null) {
        throw new UsageError(
            "--exact N already says how many bytes to receive; leave out BUFSIZE",
            sizeToken.start());
      }
      return new Command.Recv(name, exact.size(), framing);
    }
    int defaultLimit =
        framing instanceof Command.Framing.Len32 ? DEFAULT_MAX_FRAME : DataCommands.MAX_BUFSIZE;
    return new Command.Recv(name, size == null ? defaultLimit : size, framing);
  }

  private static Command.Framing recvOption(Args a, Token option) throws UsageError {
    switch (option.text()) {
      case "--exact":
        return new Command.Framing.Exact(a.integer("N (--exact)", 0, DataCommands.MAX_BUFSIZE));
      case "--until":
        Token d = a.next("DELIM after --until, e.g. \"\\n\"");
        DataExpr delimiter = DataExpr.of(LiteralParser.parse(d), d.text());
        boolean empty =
            delimiter instanceof DataExpr.Text t && t.text().isEmpty()
                || delimiter instanceof DataExpr.Bytes b && b.bytes().isEmpty();
        if (empty) {
          throw new UsageError("the delimiter must not be empty", d.start());
        }
        return new Command.Framing.Until(delimiter);
      case "--frame":
        len32(a);
        return new Command.Framing.Len32();
      default:
        throw unknownOption(option, RECV_OPTIONS);
    }
  }

  /** The {@code len32} after {@code --frame}: the only frame format. */
  private static void len32(Args a) throws UsageError {
    Token format = a.next("the frame format after --frame: len32");
    if (!format.text().equals("len32")) {
      throw new UsageError(
          "--frame knows len32 (a 4-byte big-endian length, then the bytes), got '"
              + format.text()
              + "'",
          format.start());
    }
  }

  /** The option of {@code send}, next in {@code a}: {@code --frame len32}; true once read. */
  static boolean sendFrame(Args a) throws UsageError {
    Token t = a.next("--frame len32");
    if (!t.text().equals("--frame")) {
      throw unknownOption(t, List.of("--frame"));
    }
    len32(a);
    return true;
  }

  private static UsageError unknownOption(Token t, List<String> known) {
    int eq = t.text().indexOf('=');
    if (eq > 0 && known.contains(t.text().substring(0, eq))) {
      // --exact=5, as GNU tools take it: the value is the next argument here.
      String option = t.text().substring(0, eq);
      return new UsageError(
          "write " + option + " " + t.text().substring(eq + 1) + ", with a space, not '='",
          t.start());
    }
    String close = Suggest.closest(t.text(), known);
    return new UsageError(
        "unknown option '"
            + t.text()
            + "'; "
            + (close != null
                ? "did you mean " + close + "?"
                : "the options are " + String.join(", ", known)),
        t.start());
  }

  /** The socket as a stream: framing cuts messages out of a byte stream. */
  static StreamSocket stream(NetSocket s, String option) throws UsageError {
    if (s instanceof StreamSocket stream) {
      return stream;
    }
    throw UsageError.about(
        option,
        option
            + " is for SOCK_STREAM sockets; "
            + s.name()
            + " is SOCK_DGRAM, and each datagram is already one message");
  }

  /** Runs a recv that has a framing option. */
  static Outcome recv(Context ctx, NetSocket s, Command.Recv c) throws SocketError, UsageError {
    Framing.Message m;
    if (c.framing() instanceof Command.Framing.Exact exact) {
      m = Framing.exact(stream(s, "--exact"), exact.size());
    } else if (c.framing() instanceof Command.Framing.Until until) {
      StreamSocket stream = stream(s, "--until");
      ByteString delimiter = Eval.data(ctx, until.delimiter());
      if (delimiter.isEmpty()) {
        throw SocketError.python(PyException.ValueError, "empty separator");
      }
      m = Framing.until(stream, delimiter, c.bufsize());
    } else {
      m = Framing.len32(stream(s, "--frame"), c.bufsize());
    }
    Value data = new Value.Bytes(m.data());
    if (!m.endOfStream()) {
      return new Outcome.Returned(data);
    }
    String note =
        m.data().isEmpty()
            ? DataCommands.EOF_NOTE
            : c.framing() instanceof Command.Framing.Exact
                ? "EOF after " + m.data().size() + " of " + c.bufsize() + " bytes: the peer closed"
                : "EOF before the delimiter: the peer closed its side";
    return new Outcome.Returned(data, note, true);
  }

  /** The Python equivalent: MSG_WAITALL, makefile's readline, struct's '>I'. */
  static String pythonOfRecv(Command.Recv c) {
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
