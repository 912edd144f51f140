package dev.sockshell.commands;

import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.render.Repr;

/** Arguments written as Python source, for the "Python equivalent" of a command. */
final class Py {
  private Py() {}

  static String address(AddrExpr address) {
    if (address instanceof AddrExpr.HostPort hp) {
      String host = Repr.str(hp.host());
      return hp.flowInfo() != 0 || hp.scopeId() != 0
          ? "(" + host + ", " + hp.port() + ", " + hp.flowInfo() + ", " + hp.scopeId() + ")"
          : "(" + host + ", " + hp.port() + ")";
    } else if (address instanceof AddrExpr.Path p) {
      return Repr.str(p.path());
    } else if (address instanceof AddrExpr.SocketName n) {
      return n.name() + ".getsockname()";
    }
    return address.source();
  }

  static String data(DataExpr data) {
    if (data instanceof DataExpr.Text t) {
      return Repr.str(t.text()) + ".encode()";
    } else if (data instanceof DataExpr.Bytes b) {
      return b.bytes().toString();
    } else if (data instanceof DataExpr.File f) {
      return "open(" + Repr.str(f.path()) + ", 'rb').read()";
    }
    return data.source();
  }
}
