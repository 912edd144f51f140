package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.Outcome;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.net.SockType;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code sock.makefile('rb')} (or 'r', 'wb', 'w'): a file over the socket. A line is read as {@code
 * recv NAME --until "\n"}, so what arrived after it stays for the next read, exactly as the command
 * keeps it.
 */
final class SocketFile {
  private static final int MAX = Integer.MAX_VALUE - 8;

  private final Interpreter in;
  private final PySocket socket;
  private final String mode;
  private final String encoding;
  private boolean closed;

  private SocketFile(Interpreter in, PySocket socket, String mode, String encoding) {
    this.in = in;
    this.socket = socket;
    this.mode = mode;
    this.encoding = encoding;
  }

  static Object open(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v =
        Args.parse("makefile", a, k, 0, "mode", "buffering", "encoding", "errors", "newline");
    String mode = v[0] == null ? "r" : Args.str(v[0], "makefile() argument 'mode'");
    if (!mode.matches("[rwb]+") || mode.chars().distinct().count() != mode.length()) {
      throw Errors.value("invalid mode '" + mode + "' (only r, w, b allowed)");
    }
    if (s.socket().type() != SockType.SOCK_STREAM) {
      throw new Signals.Unsupported(Text.get("python.unsupported.makefile.on.a.sock.dgram.socket"));
    }
    String encoding = v[2] == null || v[2] == PyNone.NONE ? "utf-8" : Reprs.str(v[2]);
    return new SocketFile(in, s, mode, encoding);
  }

  PySocket socket() {
    return socket;
  }

  private boolean binary() {
    return mode.contains("b");
  }

  String repr() {
    String kind =
        binary()
            ? (mode.contains("w") && !mode.contains("r") ? "BufferedWriter" : "BufferedReader")
            : "TextIOWrapper";
    return "<_io." + kind + " name=" + Fds.of(socket.socket()) + ">";
  }

  Object attribute(String name) {
    PyCallable body =
        switch (name) {
          case "readline" ->
              (i, a, k) -> {
                Object[] v = Args.parse("readline", a, k, 0, "size");
                long limit = v[0] == null || v[0] == PyNone.NONE ? -1 : Nums.index(v[0]);
                return result(readline(limit < 0 ? MAX : (int) limit));
              };
          case "read" ->
              (i, a, k) -> {
                Object[] v = Args.parse("read", a, k, 0, "size");
                long n = v[0] == null || v[0] == PyNone.NONE ? -1 : Nums.index(v[0]);
                return result(n < 0 ? readAll() : exact((int) n));
              };
          case "readlines" ->
              (i, a, k) -> {
                List<Object> lines = new ArrayList<>();
                lines().forEachRemaining(lines::add);
                return new PyList(lines);
              };
          case "write" ->
              (i, a, k) -> {
                Args.exactly("write", a, k, 1);
                return write(a.get(0));
              };
          case "flush" -> (i, a, k) -> PyNone.NONE;
          case "close" ->
              (i, a, k) -> {
                close();
                return PyNone.NONE;
              };
          default -> null;
        };
    if (name.equals("closed")) {
      return closed;
    }
    if (name.equals("mode")) {
      return mode;
    }
    return body == null ? null : new BoundMethod(this, name, body);
  }

  private void checkOpen() {
    if (closed) {
      throw Errors.value("I/O operation on closed file.");
    }
  }

  private Object result(ByteString b) {
    return binary() ? b : Codecs.decode(b, encoding, "strict");
  }

  private ByteString readline(int limit) {
    checkOpen();
    Command.Recv recv =
        new Command.Recv(
            socket.name(),
            limit,
            new Command.Framing.Until(new DataExpr.Bytes(ByteString.of((byte) '\n'), "b'\\n'")));
    Outcome o = in.sockets.run(socket, recv, socket.name() + "_file.readline()");
    return ((Value.Bytes) o.value()).bytes();
  }

  private ByteString exact(int n) {
    checkOpen();
    Command.Recv recv = new Command.Recv(socket.name(), n, new Command.Framing.Exact(n));
    Outcome o = in.sockets.run(socket, recv, socket.name() + "_file.read(" + n + ")");
    return ((Value.Bytes) o.value()).bytes();
  }

  private ByteString readAll() {
    ByteString all = ByteString.EMPTY;
    while (true) {
      checkOpen();
      Outcome o =
          in.sockets.run(
              socket, new Command.Recv(socket.name(), 65536), socket.name() + "_file.read()");
      ByteString chunk = ((Value.Bytes) o.value()).bytes();
      if (chunk.isEmpty()) {
        return all;
      }
      all = all.concat(chunk);
    }
  }

  private Object write(Object data) {
    checkOpen();
    ByteString b;
    if (binary()) {
      b = ((DataExpr.Bytes) SocketMethods.data(data)).bytes();
    } else {
      b = Codecs.encode(Args.str(data, "write() argument"), encoding, "strict");
    }
    in.sockets.run(
        socket,
        new Command.SendAll(socket.name(), new DataExpr.Bytes(b, b.toString())),
        socket.name() + "_file.write(" + Reprs.repr(data) + ")");
    return Nums.of(binary() ? b.size() : Seqs.len(data));
  }

  /** The lines until EOF, for {@code for line in f}. */
  Iterator<Object> lines() {
    return new Iterator<>() {
      private ByteString next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = readline(MAX);
        }
        return !next.isEmpty();
      }

      @Override
      public Object next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ByteString line = next;
        next = null;
        return result(line);
      }
    };
  }

  void close() {
    closed = true;
  }
}
