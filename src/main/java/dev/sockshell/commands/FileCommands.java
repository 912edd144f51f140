package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;
import static dev.sockshell.lang.Param.Kind.PATH;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.FileTransfer;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.StreamSocket;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * sendfile and recvfile: a file's bytes through a connected stream socket at the OS's speed, never
 * through the terminal. Relative paths are read from the script's directory, as {@code @FILE} is.
 */
final class FileCommands {
  private FileCommands() {}

  private static final Param FILE = Param.of("PATH", PATH);

  // Python's sendfile(file, offset=0, count=None): a COUNT needs an OFFSET first.
  private static final Param OFFSET = Param.optional("OFFSET [COUNT]", NUMBER);

  private static final Param COUNT = Param.optional("COUNT", NUMBER);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("sendfile", Group.DATA, Command.SendFile.class)
            .params(Params.NAME, FILE, OFFSET)
            .summary("send a file (from OFFSET, COUNT bytes or to its end); returns the count")
            .example("sendfile conn big.bin")
            .errors(
                new ErrorDoc("FileNotFoundError", "no file at PATH"),
                new ErrorDoc("EPIPE", "not connected, or the peer is gone"),
                ErrorDocs.NOT_A_STREAM,
                new ErrorDoc("TimeoutError", "the peer stopped reading for the socket's timeout"))
            .binder(FileCommands::bindSendFile)
            .python(FileCommands::pythonOfSendFile)
            .runner(FileCommands::runSendFile)
            .build(),
        CommandSpec.command("recvfile", Group.DATA, Command.RecvFile.class)
            .params(Params.NAME, FILE, COUNT)
            .summary(
                "receive into a file until EOF, or exactly COUNT bytes; returns how many were written")
            .example("recvfile conn copy.bin")
            .errors(
                ErrorDocs.NOT_CONNECTED,
                ErrorDocs.PEER_RESET,
                new ErrorDoc("TimeoutError", "nothing arrived for the socket's timeout"),
                new ErrorDoc(
                    "ENOSPC", "the disk is full; bytes not written stay buffered for recv"),
                ErrorDocs.NOT_A_STREAM)
            .binder(FileCommands::bindRecvFile)
            .python(FileCommands::pythonOfRecvFile)
            .runner(FileCommands::runRecvFile)
            .build());
  }

  private static Command.SendFile bindSendFile(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    String path = path(a);
    long offset = a.hasMore() ? whole(a.next(OFFSET, "OFFSET"), "OFFSET", 0) : 0;
    Long count = a.hasMore() ? whole(a.next(COUNT), "COUNT", 1) : null;
    a.end();
    return new Command.SendFile(name, path, offset, count);
  }

  private static Outcome runSendFile(Command.SendFile c, Context ctx)
      throws SocketError, UsageError {
    StreamSocket s = stream(ctx, c.name());
    Path path = Eval.file(ctx, c.path());
    try (FileChannel file = open(path, c.path(), StandardOpenOption.READ)) {
      long sent = s.sendFile(file, c.offset(), c.count() == null ? -1 : c.count());
      return new Outcome.Returned(new Value.Int(sent));
    } catch (IOException e) {
      throw Eval.fileError(e, path, c.path());
    }
  }

  private static String pythonOfSendFile(Command.SendFile c) {
    return c.name()
        + ".sendfile(open("
        + Repr.str(c.path())
        + ", 'rb')"
        + (c.offset() != 0 || c.count() != null ? ", " + c.offset() : "")
        + (c.count() != null ? ", " + c.count() : "")
        + ")";
  }

  private static Command.RecvFile bindRecvFile(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    String path = path(a);
    Long count = a.hasMore() ? whole(a.next(COUNT), "COUNT", 1) : null;
    a.end();
    return new Command.RecvFile(name, path, count);
  }

  private static Outcome runRecvFile(Command.RecvFile c, Context ctx)
      throws SocketError, UsageError {
    StreamSocket s = stream(ctx, c.name());
    FileTransfer.Received r;
    Path path = Eval.file(ctx, c.path());
    try (FileChannel file =
        open(
            path,
            c.path(),
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      r = s.recvFile(file, c.count() == null ? -1 : c.count());
    } catch (IOException e) {
      throw Eval.fileError(e, path, c.path());
    }
    String note =
        c.count() == null
            ? Recv.eofNote()
            : r.eof() ? Text.get("note.eof.exact", r.bytes(), c.count()) : null;
    return new Outcome.Returned(new Value.Int(r.bytes()), note);
  }

  private static String pythonOfRecvFile(Command.RecvFile c) {
    return "with open("
        + Repr.str(c.path())
        + ", 'wb') as f: "
        + (c.count() == null
            ? "shutil.copyfileobj(" + c.name() + ".makefile('rb'), f)"
            : "f.write(" + c.name() + ".makefile('rb').read(" + c.count() + "))");
  }

  /** A path as typed: a quoted string, or a bare word. */
  private static String path(Args a) throws UsageError {
    Token t = a.next(FILE);
    Literal l = LiteralParser.parse(t);
    if (l instanceof Literal.Text text) {
      return text.text();
    }
    if (l instanceof Literal.Word w) {
      return w.text();
    }
    throw new UsageError(Text.get("usage.path.file"), t.start());
  }

  private static long whole(Token t, String what, long min) throws UsageError {
    long n;
    try {
      n = Long.decode(t.text());
    } catch (NumberFormatException e) {
      throw Args.isWhole(t.text())
          ? new UsageError(what + " is too large, got " + t.text(), t.start())
          : new UsageError(what + " must be a whole number, got '" + t.text() + "'", t.start());
    }
    if (n < min) {
      // Python: "ValueError: count must be a positive integer (got 0)".
      throw new UsageError(what + " must be " + min + " or more, got " + n, t.start());
    }
    return n;
  }

  /**
   * {@code sendall NAME @FILE} on a stream socket: a regular file streams through a bounded buffer
   * ({@link StreamSocket#sendAll(FileChannel, long)}), any size, at sendfile's speed; anything else
   * (a device, a pipe, which may never end) is read whole, up to @PATH's limit, as before.
   */
  static Outcome sendAll(Context ctx, StreamSocket s, DataExpr.File f)
      throws SocketError, UsageError {
    Path path = Eval.file(ctx, f.path());
    if (!Files.isRegularFile(path)) {
      ByteString data = Eval.data(ctx, f);
      s.sendAll(data);
      return sentAll(data.size());
    }
    try (FileChannel file = open(path, f.path(), StandardOpenOption.READ)) {
      return sentAll(s.sendAll(file, file.size()));
    } catch (IOException e) {
      throw Eval.fileError(e, path, f.path());
    }
  }

  /** What sendall says. */
  static Outcome sentAll(long bytes) {
    return new Outcome.Done(
        Text.get(bytes == 1 ? "feedback.sent.all.one" : "feedback.sent.all", bytes));
  }

  /** Python's sendfile takes only SOCK_STREAM sockets; recvfile follows it. */
  private static StreamSocket stream(Context ctx, String name) throws UsageError, SocketError {
    NetSocket s = Eval.socket(ctx, name);
    if (s instanceof StreamSocket stream) {
      return stream;
    }
    throw SocketError.python(PyException.ValueError, "only SOCK_STREAM type sockets are supported")
        .withHint(Text.get("hint.file.dgram", name));
  }

  private static FileChannel open(Path file, String typed, StandardOpenOption... options)
      throws IOException {
    if (Files.isDirectory(file)) {
      // Linux opens a directory for reading; Python's open() refuses it, and so does sendfile.
      throw new FileSystemException(typed, null, "Is a directory");
    }
    return FileChannel.open(file, options);
  }
}
