package dev.sockshell.commands;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyException;
import dev.sockshell.net.PyMessages;
import dev.sockshell.net.Resolver;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Turns typed arguments into what a call needs, at the moment the command runs. */
final class Eval {
  private Eval() {}

  /**
   * The socket called {@code name}, for the command to call, or a usage error suggesting a close
   * name. A socket the background works on is borrowed for the command (see {@code Jobs.borrow}),
   * and goes back after it.
   */
  static NetSocket socket(Context ctx, String name) throws UsageError {
    NetSocket socket = named(ctx, name);
    ctx.background().borrow(socket);
    return socket;
  }

  /** The socket called {@code name} as it is, not borrowed from the background. */
  static NetSocket named(Context ctx, String name) throws UsageError {
    NetSocket socket = ctx.session().get(name);
    if (socket != null) {
      return socket;
    }
    String close = Suggest.closest(name, ctx.session().names());
    String message =
        close != null
            ? Text.get("usage.socket.close", name, close)
            : ctx.session().names().isEmpty()
                ? Text.get("usage.socket.none", name)
                : Text.get("usage.socket.others", name, String.join(", ", ctx.session().names()));
    throw UsageError.about(name, message);
  }

  static ByteString data(Context ctx, DataExpr data) throws UsageError, SocketError {
    if (data instanceof DataExpr.Text t) {
      return SessionText.encode(t.text(), ctx.settings().encoding());
    } else if (data instanceof DataExpr.Bytes b) {
      return b.bytes();
    } else if (data instanceof DataExpr.File f) {
      return readFile(file(ctx, f.path()), f.path());
    }
    DataExpr.Ref r = (DataExpr.Ref) data;
    Value v = ctx.values().resolve(r.ref());
    if (v instanceof Value.Bytes b) {
      return b.bytes();
    } else if (v instanceof Value.Str s) {
      return SessionText.encode(s.text(), ctx.settings().encoding());
    }
    // Python: sock.send(5) raises "TypeError: a bytes-like object is required, not 'int'".
    throw SocketError.python(PyException.TypeError, PyMessages.bytesLikeRequired(v.typeName()))
        .withHint(r.source() + " is " + Repr.of(v));
  }

  private static ByteString readFile(Path path, String typed) throws SocketError {
    // Bounded: @/dev/zero, or a file of many GiB, must not exhaust the heap (an eighth of it at
    // most, and 256 MiB); sendfile sends a file of any size without reading it.
    return readFile(path, typed, (int) Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));
  }

  /** The bytes of the file for {@code @PATH}, if there are at most {@code limit}. */
  static ByteString readFile(Path path, String typed, int limit) throws SocketError {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw fileError(e, path, typed);
    }
    if (bytes.length > limit) {
      throw SocketError.python(
              PyException.OverflowError,
              "@" + typed + " holds more than the " + (limit >> 20) + " MiB @PATH may read")
          .withHint(
              Files.isRegularFile(path)
                  ? Text.get("hint.file.big", typed)
                  // sendfile sends a file's size (st_size), which is 0 for a device or a pipe.
                  : Text.get("hint.file.endless", typed));
    }
    return ByteString.wrap(bytes);
  }

  /**
   * The file {@code typed} names, relative to the directory commands resolve files against. A NUL
   * in it is Python's ValueError (open, os.unlink), as no OS path can hold one.
   */
  static Path file(Context ctx, String typed) throws SocketError {
    return ctx.baseDirectory().resolve(checkedPath(typed));
  }

  /** {@code typed}, if it can be a path: see {@link #file}. */
  static String checkedPath(String typed) throws SocketError {
    if (typed.indexOf('\0') >= 0) {
      throw SocketError.python(PyException.ValueError, "embedded null byte");
    }
    return typed;
  }

  /** A failed file read or write as Python's open() raises it, naming the path as typed. */
  static SocketError fileError(IOException e, Path path, String typed) {
    return Errno.ofFile(e)
        .or(() -> Files.isDirectory(path) ? Optional.of(Errno.EISDIR) : Optional.empty())
        .map(SocketError::of)
        .orElseGet(() -> SocketError.python(PyException.OSError, String.valueOf(e.getMessage())))
        .at(typed);
  }

  /** Resolves {@code address} for a socket of {@code family}. */
  static SockAddress address(Context ctx, AddrExpr address, Family family)
      throws UsageError, SocketError {
    if (address instanceof AddrExpr.HostPort hp) {
      if (hp.items() > 2 && family == Family.AF_INET) {
        // Python checks the tuple's shape before resolving anything.
        throw SocketError.python(PyException.TypeError, PyMessages.AF_INET_PAIR)
            .withHint(Text.get("hint.inet6.tuple"));
      }
      return Resolver.resolve(hp.host(), hp.port(), hp.scopeId(), family);
    } else if (address instanceof AddrExpr.Path p) {
      return unixPath(ctx, p.path(), family);
    } else if (address instanceof AddrExpr.SocketName n) {
      return Resolver.checkFamily(reachable(boundAddressOf(ctx, n.name(), family), family), family);
    } else if (address instanceof AddrExpr.TupleWithRefs t) {
      List<Value> items = new ArrayList<>();
      for (Literal item : t.items()) {
        items.add(valueOf(ctx, item));
      }
      return tupleAddress(items, family);
    }
    AddrExpr.Ref r = (AddrExpr.Ref) address;
    Value v = ctx.values().resolve(r.ref());
    if (v instanceof Value.Address a) {
      return Resolver.checkFamily(a.address(), family);
    } else if (v instanceof Value.Tuple t) {
      return tupleAddress(t.items(), family);
    } else if (v instanceof Value.Str s) {
      return unixPath(ctx, s.text(), family);
    }
    throw SocketError.python(
            PyException.TypeError, PyMessages.addressNotTuple(family, v.typeName()))
        .withHint(r.source() + " is " + Repr.of(v));
  }

  /** An item of an address tuple as typed: a kept value, a str or a number. */
  private static Value valueOf(Context ctx, Literal item) throws UsageError {
    if (item instanceof Literal.Ref r) {
      return ctx.values().resolve(r);
    } else if (item instanceof Literal.Text t) {
      return new Value.Str(t.text());
    }
    Literal.Number n = (Literal.Number) item;
    return n.integral() ? new Value.Int(n.asLong()) : new Value.Float(n.value());
  }

  /** Python's {@code (host, port[, flowinfo, scope_id])}, checked as CPython checks it. */
  private static SockAddress tupleAddress(List<Value> items, Family family) throws SocketError {
    if (family == Family.AF_UNIX) {
      throw Resolver.tupleForUnix();
    }
    if (family == Family.AF_INET ? items.size() != 2 : items.size() < 2 || items.size() > 4) {
      throw family == Family.AF_INET
          ? SocketError.python(PyException.TypeError, PyMessages.AF_INET_PAIR)
          : SocketError.python(PyException.TypeError, PyMessages.AF_INET6_TUPLE);
    }
    if (!(items.get(0) instanceof Value.Str host)) {
      throw SocketError.python(
          PyException.TypeError, PyMessages.hostNotText(items.get(0).typeName()));
    }
    long port = integer(items.get(1));
    if (port < 0 || port > 65535) {
      throw SocketError.python(PyException.OverflowError, "port must be 0-65535.");
    }
    int scopeId = items.size() == 4 ? (int) integer(items.get(3)) : 0;
    if (items.size() >= 3) {
      integer(items.get(2)); // flowinfo: checked, as Python does; Linux's connect ignores it
    }
    return Resolver.resolve(host.text(), (int) port, scopeId, family);
  }

  /**
   * An int item of an address tuple; Python: "'str' object cannot be interpreted as an integer".
   */
  private static long integer(Value v) throws SocketError {
    if (v instanceof Value.Int i) {
      return i.value();
    }
    throw SocketError.python(PyException.TypeError, PyMessages.notAnInteger(v.typeName()));
  }

  /**
   * The address that reaches a socket known by name from a socket of {@code family}: a dual-stack
   * IPv6 wildcard ({@code [::]}, which also takes IPv4 connections, as the JDK binds it) or an
   * IPv4-mapped address is 127.0.0.1 or that IPv4 address for an AF_INET socket.
   */
  private static SockAddress reachable(SockAddress bound, Family family) {
    if (family != Family.AF_INET
        || !(bound instanceof SockAddress.Inet inet)
        || !(inet.address() instanceof Inet6Address v6)) {
      return bound;
    }
    if (v6.isAnyLocalAddress()) {
      return new SockAddress.Inet(InetAddress.getLoopbackAddress(), inet.port());
    }
    byte[] b = v6.getAddress();
    boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    for (int i = 0; i < 10 && mapped; i++) {
      mapped = b[i] == 0;
    }
    if (!mapped) {
      return bound;
    }
    try {
      return new SockAddress.Inet(
          InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)), inet.port());
    } catch (UnknownHostException e) {
      return bound; // four bytes are always an IPv4 address
    }
  }

  private static SockAddress unixPath(Context ctx, String path, Family family) throws SocketError {
    if (family != Family.AF_UNIX) {
      // Python: "TypeError: AF_INET address must be tuple, not str"
      throw SocketError.python(PyException.TypeError, PyMessages.addressNotTuple(family, "str"))
          .withHint(Text.get("hint.inet.str"));
    }
    int nul = path.indexOf('\0');
    if (nul == 0) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.unix.abstract"))
          .withHint(Text.get("hint.unix.abstract"));
    } else if (nul > 0) {
      // Linux would cut the path at the NUL; Java refuses a path holding one.
      throw SocketError.jvmCannot(Text.get("jvm.cannot.unix.nul"))
          .withHint(Text.get("hint.unix.nul", Repr.str(path.substring(0, nul))));
    }
    return new SockAddress.Unix(Path.of(path));
  }

  private static SockAddress boundAddressOf(Context ctx, String name, Family family)
      throws UsageError, SocketError {
    NetSocket other = ctx.session().find(name).orElse(null);
    if (other == null) {
      String close = Suggest.closest(name, ctx.session().names());
      throw UsageError.aboutLast(
          name,
          close != null
              ? Text.get("usage.address.close", name, close)
              : family == Family.AF_UNIX
                  ? Text.get("usage.address.path", name)
                  : Text.get("usage.address", name));
    }
    SockAddress local = other.localAddress();
    if (local instanceof SockAddress.Inet inet && inet.port() == 0
        || local instanceof SockAddress.Unix u && u.path().toString().isEmpty()) {
      throw UsageError.aboutLast(name, Text.get("usage.address.unbound", name));
    }
    return local;
  }
}
