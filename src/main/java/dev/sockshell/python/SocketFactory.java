package dev.sockshell.python;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.net.Errno;
import dev.sockshell.net.Family;
import dev.sockshell.net.SockType;
import dev.sockshell.net.SocketError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Making sockets: {@code socket.socket()}, and the module's helpers built on it ({@code
 * create_connection}, {@code create_server}), which run the same calls Python's versions make.
 */
final class SocketFactory {
  private SocketFactory() {}

  private static final int SOCK_NONBLOCK = 2048;
  private static final int SOCK_CLOEXEC = 524288;

  static Object socket(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("socket", a, k, 0, "family", "type", "proto", "fileno");
    if (v[3] != null && v[3] != PyNone.NONE) {
      throw new Signals.Unsupported(Text.get("python.unsupported.socket.socket.fileno"));
    }
    int familyNumber = v[0] == null || v[0] == PyNone.NONE ? 2 : Nums.cInt(v[0]);
    int typeNumber = v[1] == null || v[1] == PyNone.NONE ? 1 : Nums.cInt(v[1]);
    if (familyNumber == -1) {
      familyNumber = 2;
    }
    if (typeNumber == -1) {
      typeNumber = 1;
    }
    boolean nonBlocking = (typeNumber & SOCK_NONBLOCK) != 0;
    int base = typeNumber & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    Family family = family(familyNumber);
    SockType type = type(base);
    if (v[2] != null && Nums.cInt(v[2]) != 0) {
      int proto = Nums.cInt(v[2]);
      int expected = type == SockType.SOCK_STREAM ? 6 : 17;
      if (proto != expected || family == Family.AF_UNIX) {
        throw Convert.exception(SocketError.of(Errno.EPROTONOSUPPORT));
      }
    }
    PySocket s = make(in, family, type);
    if (nonBlocking) {
      in.sockets.run(s, new Command.SetBlocking(s.name(), false), s.name() + ".setblocking(False)");
    }
    return s;
  }

  private static Family family(int number) {
    for (Family f : Family.values()) {
      if (f.number() == number) {
        return f;
      }
    }
    if (List.of(16, 17, 29, 31, 40).contains(number)) {
      throw new Signals.Unsupported(
          "address family "
              + number
              + " is not supported (sockshell has AF_INET, AF_INET6 and"
              + " AF_UNIX)");
    }
    throw Convert.exception(SocketError.of(Errno.EAFNOSUPPORT));
  }

  private static SockType type(int number) {
    for (SockType t : SockType.values()) {
      if (t.number() == number) {
        return t;
      }
    }
    if (number == 3 || number == 5) {
      throw new Signals.Unsupported(
          (number == 3 ? "SOCK_RAW" : "SOCK_SEQPACKET")
              + " sockets are not supported"
              + " (sockshell has SOCK_STREAM and SOCK_DGRAM)");
    }
    throw Convert.exception(SocketError.of(Errno.EINVAL));
  }

  /** A new session socket, named by the line that makes it. */
  static PySocket make(Interpreter in, Family family, SockType type) {
    String name = in.sockets.claimName("sock");
    String python = name + " = socket.socket(socket." + family + ", socket." + type + ")";
    in.sockets.run(new Command.Socket(name, family, type), python);
    return in.sockets.made(name);
  }

  /** Python 3.11's create_connection: each address getaddrinfo gives, until one connects. */
  static Object createConnection(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v =
        Args.parse(
            "create_connection", a, k, 1, "address", "timeout", "source_address", "all_errors");
    if (!(v[0] instanceof PyTuple address) || address.size() != 2) {
      throw Errors.value("too many values to unpack (expected 2)");
    }
    String offered = in.sockets.offerName(null);
    List<Object> infos =
        Seqs.toList(
            AddrInfo.getaddrinfo(
                in,
                List.of(address.get(0), address.get(1), BigInteger.ZERO, Nums.of(1)),
                new HashMap<>()));
    List<PyRaise> errors = new ArrayList<>();
    for (Object info : infos) {
      PyTuple res = (PyTuple) info;
      PySocket s = null;
      try {
        in.sockets.offerName(offered);
        s = make(in, family(Nums.cInt(res.get(0))), SockType.SOCK_STREAM);
        if (v[1] != null) {
          in.call(SocketMethods.attribute(in, s, "settimeout"), List.of(v[1]), new HashMap<>());
        }
        if (v[2] != null && v[2] != PyNone.NONE) {
          in.call(SocketMethods.attribute(in, s, "bind"), List.of(v[2]), new HashMap<>());
        }
        in.call(SocketMethods.attribute(in, s, "connect"), List.of(res.get(4)), new HashMap<>());
        return s;
      } catch (PyRaise e) {
        if (!e.exception.type.isSubclassOf(ExcTypes.OS_ERROR)) {
          throw e;
        }
        errors.add(e);
        if (s != null) {
          in.call(SocketMethods.attribute(in, s, "close"), List.of(), new HashMap<>());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    throw Errors.raise(ExcTypes.OS_ERROR, "getaddrinfo returns an empty list");
  }

  /** Python 3.11's create_server: SO_REUSEADDR, bind, listen. */
  static Object createServer(Interpreter in, List<Object> a, Map<String, Object> k) {
    if (a.size() != 1) {
      throw Errors.type(
          "create_server() takes 1 positional argument but " + a.size() + " were given");
    }
    Object address = a.get(0);
    Object familyArg = k.getOrDefault("family", Nums.of(2));
    Object backlog = k.getOrDefault("backlog", PyNone.NONE);
    boolean reusePort = Ops.truthy(k.getOrDefault("reuse_port", false));
    if (Ops.truthy(k.getOrDefault("dualstack_ipv6", false))) {
      throw new Signals.Unsupported(
          Text.get("python.unsupported.create.server.dualstack.ipv6.true"));
    }
    PySocket s = make(in, family(Nums.cInt(familyArg)), SockType.SOCK_STREAM);
    try {
      setsockopt(in, s, "SO_REUSEADDR");
      if (reusePort) {
        setsockopt(in, s, "SO_REUSEPORT");
      }
      try {
        in.call(SocketMethods.attribute(in, s, "bind"), List.of(address), new HashMap<>());
      } catch (PyRaise e) {
        PyExc err = e.exception;
        if (!err.type.isSubclassOf(ExcTypes.OS_ERROR) || err.attributes.get("errno") == null) {
          throw e;
        }
        String message =
            Reprs.str(err.attributes.get("strerror"))
                + " (while attempting to bind on address "
                + Reprs.repr(address)
                + ")";
        PyExc wrapped =
            PyExc.construct(
                ExcTypes.OS_ERROR, List.of(err.attributes.get("errno"), message), Map.of());
        wrapped.origin = err.origin;
        wrapped.suppressContext = true;
        throw new PyRaise(wrapped);
      }
      in.call(
          SocketMethods.attribute(in, s, "listen"),
          backlog == PyNone.NONE ? List.of() : List.of(backlog),
          new HashMap<>());
      return s;
    } catch (PyRaise e) {
      in.call(SocketMethods.attribute(in, s, "close"), List.of(), new HashMap<>());
      throw e;
    }
  }

  private static void setsockopt(Interpreter in, PySocket s, String option) {
    PyModule socket = in.modules.get("socket");
    in.call(
        SocketMethods.attribute(in, s, "setsockopt"),
        List.of(socket.attributes.get("SOL_SOCKET"), socket.attributes.get(option), Nums.of(1)),
        new HashMap<>());
  }
}
