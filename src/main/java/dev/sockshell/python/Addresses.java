package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.lang.AddrExpr;
import dev.sockshell.net.Family;
import dev.sockshell.net.PyMessages;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A Python address argument checked as CPython checks it, then as the commands' ADDR. */
final class Addresses {
  private Addresses() {}

  static AddrExpr of(Object address, Family family, String method) {
    String source = Reprs.repr(address);
    if (family == Family.AF_UNIX) {
      if (address instanceof String s) {
        return new AddrExpr.Path(s, source);
      }
      if (Ops.isBytesLike(address)) {
        return new AddrExpr.Path(
            new String(Ops.bytes(address).toByteArray(), StandardCharsets.UTF_8), source);
      }
      throw Errors.type(
          method + "(): AF_UNIX address must be str or bytes-like, not " + Types.name(address));
    }
    if (!(address instanceof PyTuple t)) {
      throw Errors.type(method + "(): " + PyMessages.addressNotTuple(family, Types.name(address)));
    }
    if (family == Family.AF_INET && t.size() != 2) {
      throw Errors.type(PyMessages.AF_INET_PAIR);
    }
    if (family == Family.AF_INET6 && (t.size() < 2 || t.size() > 4)) {
      throw Errors.type(PyMessages.AF_INET6_TUPLE);
    }
    String host = host(t.get(0));
    int port = Nums.cInt(t.get(1));
    if (port < 0 || port > 65535) {
      throw Errors.overflow(method + "(): port must be 0-65535.");
    }
    int flow = 0;
    int scope = 0;
    if (t.size() >= 3) {
      BigInteger f = Nums.big(t.get(2));
      if (f.signum() < 0 || f.compareTo(BigInteger.valueOf(0xFFFFF)) > 0) {
        throw Errors.overflow(method + "(): flowinfo must be 0-1048575.");
      }
      flow = f.intValue();
    }
    if (t.size() == 4) {
      scope = Nums.cInt(t.get(3));
    }
    return new AddrExpr.HostPort(host, port, flow, scope, t.size(), source);
  }

  private static String host(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof ByteString || o instanceof PyByteArray) {
      return new String(Ops.bytes(o).toByteArray(), StandardCharsets.UTF_8);
    }
    throw Errors.type(PyMessages.hostNotText(Types.name(o)));
  }
}
