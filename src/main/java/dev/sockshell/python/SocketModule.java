package dev.sockshell.python;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.Family;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SockType;
import java.util.Map;

/** Python's {@code socket} module: its constants, classes and functions. */
final class SocketModule {
  private SocketModule() {}

  /** {@code socket.socket}: the class, whose call makes a session socket. */
  static final PyType SOCKET_TYPE =
      PyType.builtin("socket", o -> o instanceof PySocket, SocketFactory::socket);

  private static final Map<String, PyType> ENUMS =
      Map.of(
          "AddressFamily", PyType.builtin("AddressFamily", o -> isEnum(o, "AddressFamily"), null),
          "SocketKind", PyType.builtin("SocketKind", o -> isEnum(o, "SocketKind"), null),
          "MsgFlag", PyType.builtin("MsgFlag", o -> isEnum(o, "MsgFlag"), null),
          "AddressInfo", PyType.builtin("AddressInfo", o -> isEnum(o, "AddressInfo"), null));

  private static boolean isEnum(Object o, String name) {
    return o instanceof IntConst c && c.enumName().equals(name);
  }

  static PyType enumType(String name) {
    return ENUMS.get(name);
  }

  static IntConst family(Family f) {
    return IntConst.of("AddressFamily", f.name(), f.number());
  }

  static IntConst kind(SockType t) {
    return IntConst.of("SocketKind", t.name(), t.number());
  }

  static PyModule create() {
    PyModule m = new PyModule("socket");
    m.add("socket", SOCKET_TYPE).add("SocketType", SOCKET_TYPE);
    ENUMS.forEach(m::add);
    m.add("AF_UNSPEC", IntConst.of("AddressFamily", "AF_UNSPEC", 0));
    for (Family f : Family.values()) {
      m.add(f.name(), family(f));
    }
    for (SockType t : SockType.values()) {
      m.add(t.name(), kind(t));
    }
    m.add("SOCK_RAW", IntConst.of("SocketKind", "SOCK_RAW", 3));
    m.add("SOCK_SEQPACKET", IntConst.of("SocketKind", "SOCK_SEQPACKET", 5));
    m.add("SOCK_NONBLOCK", IntConst.of("SocketKind", "SOCK_NONBLOCK", 2048));
    m.add("SOCK_CLOEXEC", IntConst.of("SocketKind", "SOCK_CLOEXEC", 524288));
    for (SockOpt.Level l : SockOpt.Level.values()) {
      m.add(l.name(), Nums.of(l.number()));
    }
    m.add("IPPROTO_UDP", Nums.of(17));
    for (SockOpt o : SockOpt.values()) {
      m.add(o.name(), Nums.of(o.number()));
    }
    // Options Python has that sockshell cannot set: setsockopt says so by name.
    m.add("SO_RCVTIMEO", Nums.of(20))
        .add("SO_SNDTIMEO", Nums.of(21))
        .add("SO_RCVLOWAT", Nums.of(18))
        .add("SO_SNDLOWAT", Nums.of(19))
        .add("SO_OOBINLINE", Nums.of(10))
        .add("SO_DONTROUTE", Nums.of(5))
        .add("TCP_KEEPIDLE", Nums.of(4))
        .add("TCP_KEEPINTVL", Nums.of(5))
        .add("TCP_KEEPCNT", Nums.of(6))
        .add("TCP_MAXSEG", Nums.of(2))
        .add("IP_TTL", Nums.of(2))
        .add("IP_ADD_MEMBERSHIP", Nums.of(35));
    m.add("SHUT_RD", Nums.of(0)).add("SHUT_WR", Nums.of(1)).add("SHUT_RDWR", Nums.of(2));
    m.add("SOMAXCONN", Nums.of(4096));
    m.add("AI_PASSIVE", IntConst.of("AddressInfo", "AI_PASSIVE", 1));
    m.add("AI_CANONNAME", IntConst.of("AddressInfo", "AI_CANONNAME", 2));
    m.add("AI_NUMERICHOST", IntConst.of("AddressInfo", "AI_NUMERICHOST", 4));
    m.add("AI_NUMERICSERV", IntConst.of("AddressInfo", "AI_NUMERICSERV", 1024));
    m.add("MSG_PEEK", IntConst.of("MsgFlag", "MSG_PEEK", 2));
    m.add("MSG_WAITALL", IntConst.of("MsgFlag", "MSG_WAITALL", 256));
    m.add("MSG_DONTWAIT", IntConst.of("MsgFlag", "MSG_DONTWAIT", 64));
    m.add("INADDR_ANY", Nums.of(0)).add("INADDR_LOOPBACK", Nums.of(0x7f000001));
    m.add("has_ipv6", true);
    m.add("timeout", ExcTypes.TIMEOUT_ERROR).add("error", ExcTypes.OS_ERROR);
    m.add("gaierror", ExcTypes.GAIERROR).add("herror", ExcTypes.HERROR);
    m.function("create_connection", SocketFactory::createConnection);
    m.function("create_server", SocketFactory::createServer);
    m.function("getaddrinfo", AddrInfo::getaddrinfo);
    m.function("gethostname", AddrInfo::gethostname);
    m.function("gethostbyname", AddrInfo::gethostbyname);
    m.function("getfqdn", AddrInfo::getfqdn);
    m.function("htons", (in, a, k) -> swap(a, k, "htons", 16));
    m.function("ntohs", (in, a, k) -> swap(a, k, "ntohs", 16));
    m.function("htonl", (in, a, k) -> swap(a, k, "htonl", 32));
    m.function("ntohl", (in, a, k) -> swap(a, k, "ntohl", 32));
    m.function("inet_aton", AddrInfo::inetAton);
    m.function("inet_ntoa", AddrInfo::inetNtoa);
    m.function(
        "setdefaulttimeout",
        (in, a, k) -> {
          Args.exactly("setdefaulttimeout", a, k, 1);
          in.host.context().session().setDefaultTimeout(SocketMethods.timeout(a.get(0)));
          return PyNone.NONE;
        });
    m.function(
        "getdefaulttimeout",
        (in, a, k) -> {
          Args.none("getdefaulttimeout", a, k);
          var t = in.host.context().session().defaultTimeout();
          return t.isBlocking() ? PyNone.NONE : (Object) t.seconds();
        });
    m.function(
        "socketpair",
        (in, a, k) -> {
          throw new Signals.Unsupported(Text.get("python.unsupported.socket.socketpair"));
        });
    m.function(
        "fromfd",
        (in, a, k) -> {
          throw new Signals.Unsupported(Text.get("python.unsupported.socket.fromfd"));
        });
    return m;
  }

  /** htons and friends: Linux is little-endian, so they swap the bytes. */
  private static Object swap(
      java.util.List<Object> a, Map<String, Object> k, String name, int bits) {
    Args.exactly(name, a, k, 1);
    long v = Nums.index(a.get(0));
    if (v < 0) {
      throw Errors.overflow(
          name
              + ": can't convert negative Python int to C "
              + (bits == 16 ? "16-bit" : "32-bit")
              + " unsigned integer");
    }
    if (bits == 16) {
      if (v > 0xFFFF) {
        throw Errors.overflow(
            name + ": Python int too large to convert to C 16-bit unsigned" + " integer");
      }
      return Nums.of(Short.toUnsignedInt(Short.reverseBytes((short) v)));
    }
    if (v > 0xFFFFFFFFL) {
      throw Errors.overflow("int larger than 32 bits");
    }
    return Nums.of(Integer.toUnsignedLong(Integer.reverseBytes((int) v)));
  }
}
