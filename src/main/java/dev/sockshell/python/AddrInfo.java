package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyMessages;
import dev.sockshell.net.SocketError;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Name resolution as the socket module does it: getaddrinfo, gethostname, inet_aton. */
final class AddrInfo {

  private static final String ILLEGAL_IP_ADDRESS = "illegal IP address string passed to inet_aton";

  private AddrInfo() {}

  private static final Map<String, Integer> SERVICES =
      Map.of(
          "http", 80, "https", 443, "ftp", 21, "ssh", 22, "smtp", 25, "domain", 53, "telnet", 23,
          "pop3", 110, "imap", 143, "echo", 7);

  static Object getaddrinfo(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v =
        Args.parse("getaddrinfo", a, k, 2, "host", "port", "family", "type", "proto", "flags");
    int family = v[2] == null ? 0 : Nums.cInt(v[2]);
    int type = v[3] == null ? 0 : Nums.cInt(v[3]);
    int proto = v[4] == null ? 0 : Nums.cInt(v[4]);
    int flags = v[5] == null ? 0 : Nums.cInt(v[5]);
    int port = port(v[1]);
    List<InetAddress> addresses = resolve(v[0], family, (flags & 1) != 0);
    List<Object> result = new ArrayList<>();
    int[][] kinds = {{1, 6}, {2, 17}, {3, 0}};
    for (InetAddress address : addresses) {
      int f = address instanceof Inet6Address ? 10 : 2;
      for (int[] kind : kinds) {
        if ((type != 0 && kind[0] != type) || (proto != 0 && kind[1] != proto)) {
          continue;
        }
        Object sockaddr =
            f == 10
                ? PyTuple.of(
                    host(address),
                    Nums.of(port),
                    Nums.of(0),
                    Nums.of(((Inet6Address) address).getScopeId()))
                : PyTuple.of(host(address), Nums.of(port));
        result.add(
            PyTuple.of(
                IntConst.of("AddressFamily", f == 10 ? "AF_INET6" : "AF_INET", f),
                IntConst.of(
                    "SocketKind",
                    kind[0] == 1 ? "SOCK_STREAM" : kind[0] == 2 ? "SOCK_DGRAM" : "SOCK_RAW",
                    kind[0]),
                Nums.of(kind[1]),
                "",
                sockaddr));
      }
    }
    return new PyList(result);
  }

  private static String host(InetAddress address) {
    return new dev.sockshell.net.SockAddress.Inet(address, 0).host();
  }

  private static int port(Object p) {
    if (p == PyNone.NONE) {
      return 0;
    }
    if (Nums.isInt(p)) {
      long n = Nums.index(p);
      if (n < 0 || n > 65535) {
        throw Errors.overflow("getaddrinfo(): port must be 0-65535.");
      }
      return (int) n;
    }
    if (p instanceof String || Ops.isBytesLike(p)) {
      String s = p instanceof String t ? t : new String(Ops.bytes(p).toByteArray());
      if (s.matches("\\d+")) {
        return Integer.parseInt(s);
      }
      Integer known = SERVICES.get(s);
      if (known != null) {
        return known;
      }
      throw Convert.exception(SocketError.of(Errno.EAI_SERVICE));
    }
    throw Errors.raise(ExcTypes.OS_ERROR, "Int or String expected");
  }

  private static List<InetAddress> resolve(Object host, int family, boolean passive) {
    List<InetAddress> all = new ArrayList<>();
    try {
      if (host == PyNone.NONE) {
        all.add(InetAddress.getByName(passive ? "0.0.0.0" : "127.0.0.1"));
        all.add(InetAddress.getByName(passive ? "::" : "::1"));
      } else {
        String name = host instanceof String s ? s : new String(Ops.bytes(host).toByteArray());
        if (name.isEmpty() || name.equals("<broadcast>")) {
          all.add(InetAddress.getByName(name.isEmpty() ? "0.0.0.0" : "255.255.255.255"));
        } else {
          for (InetAddress address : InetAddress.getAllByName(name)) {
            all.add(address);
          }
        }
      }
    } catch (UnknownHostException e) {
      throw Convert.exception(SocketError.of(Errno.EAI_NONAME));
    }
    List<InetAddress> wanted = new ArrayList<>();
    for (InetAddress address : all) {
      boolean v6 = address instanceof Inet6Address;
      if (family == 0 || (family == 2 && !v6) || (family == 10 && v6)) {
        wanted.add(address);
      }
    }
    if (wanted.isEmpty()) {
      throw Convert.exception(
          SocketError.of(
              family == 0 || family == 2 || family == 10
                  ? Errno.EAI_ADDRFAMILY
                  : Errno.EAI_FAMILY));
    }
    return wanted;
  }

  /** The kernel's node name, as Python's gethostname (uname) returns it. */
  static Object gethostname(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.none("gethostname", a, k);
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException u) {
        return "localhost";
      }
    }
  }

  static Object gethostbyname(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.exactly("gethostbyname", a, k, 1);
    String name = Args.str(a.get(0), "gethostbyname() argument 1");
    try {
      for (InetAddress address : InetAddress.getAllByName(name)) {
        if (address instanceof Inet4Address) {
          return address.getHostAddress();
        }
      }
    } catch (UnknownHostException e) {
      // below
    }
    throw Convert.exception(SocketError.of(Errno.EAI_NONAME));
  }

  static Object getfqdn(Interpreter in, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse("getfqdn", a, k, 0, "name");
    String name =
        v[0] == null || "".equals(v[0])
            ? (String) gethostname(in, List.of(), k)
            : Args.str(v[0], "getfqdn() argument");
    try {
      return InetAddress.getByName(name).getCanonicalHostName();
    } catch (UnknownHostException e) {
      return name;
    }
  }

  static Object inetAton(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.exactly("inet_aton", a, k, 1);
    String text = Args.str(a.get(0), "inet_aton() argument 1");
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4 || !text.matches("[0-9.]+")) {
      throw Errors.raise(ExcTypes.OS_ERROR, ILLEGAL_IP_ADDRESS);
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int n = parts[i].isEmpty() ? 256 : Integer.parseInt(parts[i]);
      if (n > 255) {
        throw Errors.raise(ExcTypes.OS_ERROR, ILLEGAL_IP_ADDRESS);
      }
      out[i] = (byte) n;
    }
    return ByteString.wrap(out);
  }

  static Object inetNtoa(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.exactly("inet_ntoa", a, k, 1);
    if (!Ops.isBytesLike(a.get(0))) {
      throw Errors.type(PyMessages.bytesLikeRequired(Types.name(a.get(0))));
    }
    ByteString b = Ops.bytes(a.get(0));
    if (b.size() != 4) {
      throw Errors.raise(ExcTypes.OS_ERROR, "packed IP wrong length for inet_ntoa");
    }
    return b.get(0) + "." + b.get(1) + "." + b.get(2) + "." + b.get(3);
  }
}
