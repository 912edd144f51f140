package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.Outcome;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.net.Errno;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.PyMessages;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.Timeout;
import dev.sockshell.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The methods of a socket object. Each checks its arguments as CPython does, then runs as the
 * command that does the same ({@code s.bind(addr)} is {@code bind s ADDR}), so the call is
 * reported, logged and raises exactly as the command would.
 */
final class SocketMethods {
  private SocketMethods() {}

  private interface Method {
    Object call(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k);
  }

  static Object attribute(Interpreter in, PySocket s, String name) {
    switch (name) {
      case "family":
        return SocketModule.family(s.socket().family());
      case "type":
        return SocketModule.kind(s.socket().type());
      case "proto":
        return BigInteger.ZERO;
      case "timeout":
        Timeout t = s.socket().timeout();
        return t.isBlocking() ? PyNone.NONE : (Object) t.seconds();
      default:
        break;
    }
    Method m = method(name);
    if (m == null) {
      if (UNSUPPORTED.contains(name)) {
        throw new Signals.Unsupported(Text.get("python.unsupported.method", name));
      }
      return null;
    }
    return new BoundMethod(s, name, (i, a, k) -> m.call(i, s, a, k));
  }

  /** {@code socket.socket.recv(s, 1024)}: a method taken from the class. */
  static Object unbound(String name) {
    Method m = method(name);
    if (m == null) {
      return null;
    }
    return new Builtin(
        name,
        (in, a, k) -> {
          if (a.isEmpty() || !(a.get(0) instanceof PySocket s)) {
            throw Errors.type("descriptor '" + name + "' for 'socket' objects needs an argument");
          }
          return m.call(in, s, a.subList(1, a.size()), k);
        });
  }

  private static final List<String> UNSUPPORTED =
      List.of(
          "recv_into",
          "recvfrom_into",
          "recvmsg",
          "sendmsg",
          "dup",
          "detach",
          "sendfile",
          "set_inheritable",
          "get_inheritable",
          "ioctl",
          "share");

  private static Method method(String name) {
    return switch (name) {
      case "bind" -> SocketMethods::bind;
      case "listen" -> SocketMethods::listen;
      case "accept" -> SocketMethods::accept;
      case "connect" -> (in, s, a, k) -> connect(in, s, a, k, false);
      case "connect_ex" -> (in, s, a, k) -> connect(in, s, a, k, true);
      case "send" -> SocketMethods::send;
      case "sendall" -> SocketMethods::sendall;
      case "recv" -> SocketMethods::recv;
      case "sendto" -> SocketMethods::sendto;
      case "recvfrom" -> SocketMethods::recvfrom;
      case "shutdown" -> SocketMethods::shutdown;
      case "close", "__exit__" ->
          (in, s, a, k) -> {
            if (name.equals("close")) {
              Args.none("close", a, k);
            }
            in.sockets.run(s, new Command.Close(s.name()), s.name() + ".close()");
            return PyNone.NONE;
          };
      case "__enter__" -> (in, s, a, k) -> s;
      case "getsockname" ->
          (in, s, a, k) -> {
            Args.none("getsockname", a, k);
            return value(
                in,
                in.sockets.run(s, new Command.GetSockName(s.name()), s.name() + ".getsockname()"));
          };
      case "getpeername" ->
          (in, s, a, k) -> {
            Args.none("getpeername", a, k);
            return value(
                in,
                in.sockets.run(s, new Command.GetPeerName(s.name()), s.name() + ".getpeername()"));
          };
      case "setsockopt" -> SocketMethods::setsockopt;
      case "getsockopt" -> SocketMethods::getsockopt;
      case "settimeout" -> SocketMethods::settimeout;
      case "gettimeout" ->
          (in, s, a, k) -> {
            Args.none("gettimeout", a, k);
            Timeout t = s.socket().timeout();
            return t.isBlocking() ? PyNone.NONE : (Object) t.seconds();
          };
      case "setblocking" ->
          (in, s, a, k) -> {
            Args.exactly("socket.setblocking", a, k, 1);
            boolean blocking = Ops.truthy(a.get(0));
            in.sockets.run(
                s,
                new Command.SetBlocking(s.name(), blocking),
                s.name() + ".setblocking(" + (blocking ? "True" : "False") + ")");
            return PyNone.NONE;
          };
      case "getblocking" ->
          (in, s, a, k) -> {
            Args.none("getblocking", a, k);
            checkOpen(s);
            return !s.socket().timeout().isNonBlocking();
          };
      case "fileno" ->
          (in, s, a, k) -> {
            Args.none("fileno", a, k);
            return Nums.of(s.isClosed() ? -1 : Fds.of(s.socket()));
          };
      case "makefile" -> (in, s, a, k) -> SocketFile.open(in, s, a, k);
      default -> null;
    };
  }

  private static String call(PySocket s, String method, List<Object> a) {
    List<String> args = new ArrayList<>();
    a.forEach(x -> args.add(Reprs.repr(x)));
    return s.name() + "." + method + "(" + String.join(", ", args) + ")";
  }

  private static Object value(Interpreter in, Outcome outcome) {
    return Convert.fromValue(outcome.value(), in);
  }

  private static void checkOpen(PySocket s) {
    if (s.isClosed()) {
      throw Convert.exception(SocketError.of(Errno.EBADF));
    }
  }

  private static Object bind(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.exactly("bind", a, k, 1);
    checkOpen(s);
    var address = Addresses.of(a.get(0), s.socket().family(), "bind");
    in.sockets.run(s, new Command.Bind(s.name(), address), call(s, "bind", a));
    return PyNone.NONE;
  }

  private static Object listen(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("listen", a, k, 0, "backlog");
    Integer backlog = null;
    if (v[0] != null) {
      int n = Nums.cInt(v[0]);
      backlog = Math.max(0, n); // Python clamps a negative backlog to 0
    }
    in.sockets.run(s, new Command.Listen(s.name(), backlog), call(s, "listen", a));
    return PyNone.NONE;
  }

  private static Object accept(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.none("accept", a, k);
    checkOpen(s);
    String name = in.sockets.claimName("conn");
    Outcome outcome =
        in.sockets.run(
            s, new Command.Accept(s.name(), name), name + ", addr = " + s.name() + ".accept()");
    PySocket conn = in.sockets.made(name);
    List<Value> pair = ((Value.Tuple) outcome.value()).items();
    return PyTuple.of(conn, Convert.fromValue(pair.get(1), in));
  }

  private static Object connect(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k, boolean ex) {
    String method = ex ? "connect_ex" : "connect";
    Args.exactly(method, a, k, 1);
    checkOpen(s);
    var address = Addresses.of(a.get(0), s.socket().family(), method);
    try {
      in.sockets.run(s, new Command.Connect(s.name(), address), call(s, method, a));
    } catch (PyRaise e) {
      Object errno = e.exception.attributes.get("errno");
      if (ex
          && errno instanceof BigInteger n
          && !e.exception.type.isSubclassOf(ExcTypes.GAIERROR)) {
        return n;
      }
      throw e;
    }
    return ex ? BigInteger.ZERO : PyNone.NONE;
  }

  /** Data a send takes: bytes-like, else Python's TypeError. */
  static DataExpr data(Object o) {
    if (!Ops.isBytesLike(o)) {
      throw Errors.type(PyMessages.bytesLikeRequired(Types.name(o)));
    }
    ByteString b = Ops.bytes(o);
    return new DataExpr.Bytes(b, b.toString());
  }

  private static Object send(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("send", a, k, 1, "data", "flags");
    DataExpr data = data(v[0]);
    flags(v[1]);
    Outcome outcome = in.sockets.run(s, new Command.Send(s.name(), data), call(s, "send", a));
    return value(in, outcome);
  }

  private static Object sendall(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("sendall", a, k, 1, "data", "flags");
    DataExpr data = data(v[0]);
    flags(v[1]);
    in.sockets.run(s, new Command.SendAll(s.name(), data), call(s, "sendall", a));
    return PyNone.NONE;
  }

  private static void flags(Object flags) {
    if (flags != null && Nums.cInt(flags) != 0) {
      throw new Signals.Unsupported(Text.get("python.unsupported.send.and.recv.flags.msg"));
    }
  }

  private static int bufsize(Object o, String method) {
    int n = Nums.cInt(o);
    if (n < 0) {
      throw Errors.value("negative buffersize in " + method);
    }
    return n;
  }

  private static Object recv(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("recv", a, k, 1, "bufsize", "flags");
    int n = bufsize(v[0], "recv");
    flags(v[1]);
    return value(in, in.sockets.run(s, new Command.Recv(s.name(), n), call(s, "recv", a)));
  }

  private static Object sendto(Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("sendto", k);
    if (a.size() < 2 || a.size() > 3) {
      throw Errors.type("sendto() takes 2 or 3 arguments (" + a.size() + " given)");
    }
    DataExpr data = data(a.get(0));
    if (a.size() == 3) {
      flags(a.get(1));
    }
    checkOpen(s);
    var address = Addresses.of(a.get(a.size() - 1), s.socket().family(), "sendto");
    return value(
        in, in.sockets.run(s, new Command.SendTo(s.name(), data, address), call(s, "sendto", a)));
  }

  private static Object recvfrom(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("recvfrom", a, k, 1, "bufsize", "flags");
    int n = bufsize(v[0], "recvfrom");
    flags(v[1]);
    return value(
        in,
        in.sockets.run(
            s, new Command.RecvFrom(s.name(), n), "data, addr = " + call(s, "recvfrom", a)));
  }

  private static Object shutdown(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.exactly("shutdown", a, k, 1);
    int how = Nums.cInt(a.get(0));
    if (how < 0 || how > 2) {
      checkOpen(s);
      throw Convert.exception(SocketError.of(Errno.EINVAL));
    }
    ShutdownHow h = ShutdownHow.values()[how];
    in.sockets.run(s, new Command.Shutdown(s.name(), h), s.name() + ".shutdown(socket." + h + ")");
    return PyNone.NONE;
  }

  private static SockOpt option(Interpreter in, Object level, Object name) {
    int l = Nums.cInt(level);
    int n = Nums.cInt(name);
    for (SockOpt o : SockOpt.values()) {
      if (o.level().number() == l && o.number() == n) {
        return o;
      }
    }
    throw new Signals.Unsupported(
        "socket option (level "
            + l
            + ", option "
            + n
            + ") is not supported (sockshell has "
            + "SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_BROADCAST, SO_RCVBUF, SO_SNDBUF,"
            + " SO_LINGER, SO_TYPE, SO_ERROR, TCP_NODELAY, IPV6_V6ONLY, IP_MULTICAST_TTL and"
            + " IP_MULTICAST_LOOP)");
  }

  private static Object setsockopt(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("setsockopt", k);
    if (a.size() != 3 && a.size() != 4) {
      throw Errors.type("setsockopt() takes exactly 3 arguments (" + a.size() + " given)");
    }
    checkOpen(s);
    SockOpt option = option(in, a.get(0), a.get(1));
    Object raw = a.get(2);
    OptionValue value;
    if (Ops.isBytesLike(raw)) {
      ByteString b = Ops.bytes(raw);
      if (option == SockOpt.SO_LINGER && b.size() == 8) {
        int on = StructModule.nativeInt(b, 0);
        int secs = StructModule.nativeInt(b, 4);
        value = new OptionValue.Linger(on != 0, secs);
      } else if (b.size() == 4) {
        value = new OptionValue.Int(StructModule.nativeInt(b, 0));
      } else {
        throw Convert.exception(SocketError.of(Errno.EINVAL));
      }
    } else {
      value = new OptionValue.Int(Nums.cInt(raw));
      if (option == SockOpt.SO_LINGER) {
        throw Convert.exception(SocketError.of(Errno.EINVAL));
      }
    }
    in.sockets.run(
        s,
        new Command.SetSockOpt(s.name(), option, value),
        s.name()
            + ".setsockopt(socket."
            + option.level()
            + ", socket."
            + option
            + ", "
            + Reprs.repr(raw)
            + ")");
    return PyNone.NONE;
  }

  private static Object getsockopt(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("getsockopt", k);
    if (a.size() != 2 && a.size() != 3) {
      throw Errors.type("getsockopt() takes at least 2 arguments (" + a.size() + " given)");
    }
    checkOpen(s);
    SockOpt option = option(in, a.get(0), a.get(1));
    Outcome outcome =
        in.sockets.run(
            s,
            new Command.GetSockOpt(s.name(), option),
            s.name()
                + ".getsockopt(socket."
                + option.level()
                + ", socket."
                + option
                + (a.size() == 3 ? ", " + Reprs.repr(a.get(2)) : "")
                + ")");
    Value v = outcome.value();
    if (v instanceof Value.Tuple t) {
      long on = ((Value.Int) t.items().get(0)).value();
      long secs = ((Value.Int) t.items().get(1)).value();
      if (a.size() == 3) {
        return StructModule.nativeInts((int) on, (int) secs);
      }
      return Nums.of(on);
    }
    long n = ((Value.Int) v).value();
    if (a.size() == 3) {
      return StructModule.nativeInts((int) n);
    }
    return Nums.of(n);
  }

  private static Object settimeout(
      Interpreter in, PySocket s, List<Object> a, Map<String, Object> k) {
    Args.exactly("settimeout", a, k, 1);
    Timeout timeout = timeout(a.get(0));
    checkOpen(s);
    in.sockets.run(s, new Command.SetTimeout(s.name(), timeout), call(s, "settimeout", a));
    return PyNone.NONE;
  }

  /** A timeout argument: None, or seconds 0 or more. */
  static Timeout timeout(Object o) {
    if (o == PyNone.NONE) {
      return Timeout.BLOCKING;
    }
    if (!Nums.isNumber(o)) {
      throw Errors.notAnInteger(o);
    }
    double seconds = Nums.dbl(o);
    if (!(seconds >= 0) || seconds > Long.MAX_VALUE / 1e9) {
      throw Errors.value(PyMessages.TIMEOUT_RANGE);
    }
    return Timeout.seconds(seconds);
  }

  /** The socket behind a Python object, for select's lists. */
  static NetSocket socketOf(Object o) {
    if (o instanceof PySocket s) {
      return s.socket();
    }
    return null;
  }
}
