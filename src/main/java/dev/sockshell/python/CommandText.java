package dev.sockshell.python;

import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.Timeout;
import dev.sockshell.render.Repr;
import java.util.ArrayList;
import java.util.List;

/**
 * A command a Python call made, as the sockshell line that makes the same call: what verbose
 * feedback shows beside the Python, and what {@code /history} and {@code /save} keep.
 */
public final class CommandText {
  private CommandText() {}

  /** The command line for {@code c}, which sockshell's parser reads back as {@code c}. */
  public static String of(Command c) {
    if (c instanceof Command.Socket s) {
      return "socket " + s.name() + " " + s.family() + " " + s.type();
    } else if (c instanceof Command.Bind b) {
      return "bind " + b.name() + " " + address(b.address());
    } else if (c instanceof Command.Listen l) {
      return "listen " + l.name() + (l.backlog() == null ? "" : " " + l.backlog());
    } else if (c instanceof Command.Accept a) {
      return "accept " + a.name() + (a.newName() == null ? "" : " " + a.newName());
    } else if (c instanceof Command.Connect k) {
      return "connect " + k.name() + " " + address(k.address());
    } else if (c instanceof Command.Send s) {
      return "send " + s.name() + " " + data(s.data());
    } else if (c instanceof Command.SendAll s) {
      return "sendall " + s.name() + " " + data(s.data());
    } else if (c instanceof Command.Recv r) {
      return recv(r);
    } else if (c instanceof Command.SendTo s) {
      return "sendto " + s.name() + " " + data(s.data()) + " " + address(s.address());
    } else if (c instanceof Command.RecvFrom r) {
      return "recvfrom " + r.name() + " " + r.bufsize();
    } else if (c instanceof Command.Shutdown s) {
      return "shutdown " + s.name() + " " + s.how();
    } else if (c instanceof Command.Close s) {
      return "close " + s.name();
    } else if (c instanceof Command.GetSockName s) {
      return "getsockname " + s.name();
    } else if (c instanceof Command.GetPeerName s) {
      return "getpeername " + s.name();
    } else if (c instanceof Command.SetTimeout s) {
      return "settimeout " + s.name() + " " + timeout(s.timeout());
    } else if (c instanceof Command.GetTimeout s) {
      return "gettimeout " + s.name();
    } else if (c instanceof Command.SetBlocking s) {
      return "setblocking " + s.name() + " " + (s.blocking() ? "True" : "False");
    } else if (c instanceof Command.SetSockOpt s) {
      String value =
          s.value() instanceof OptionValue.Linger l
              ? (l.on() ? 1 : 0) + " " + l.seconds()
              : s.value().toString();
      return "setsockopt " + s.name() + " " + s.option() + " " + value;
    } else if (c instanceof Command.GetSockOpt s) {
      return "getsockopt " + s.name() + " " + s.option();
    } else if (c instanceof Command.Select s) {
      return select(s);
    } else if (c instanceof Command.Sleep s) {
      return "sleep " + Repr.floatRepr(s.seconds());
    }
    throw new IllegalArgumentException("no command text for " + c);
  }

  private static String recv(Command.Recv r) {
    if (r.framing() instanceof Command.Framing.Exact e) {
      return "recv " + r.name() + " --exact " + e.size();
    }
    if (r.framing() instanceof Command.Framing.Until u) {
      return "recv " + r.name() + " --until " + data(u.delimiter());
    }
    if (r.framing() instanceof Command.Framing.Len32) {
      return "recv " + r.name() + " --frame len32";
    }
    return "recv " + r.name() + " " + r.bufsize();
  }

  private static String select(Command.Select s) {
    List<String> words = new ArrayList<>(List.of("select"));
    words.addAll(s.read());
    if (!s.write().isEmpty()) {
      words.add("--");
      words.addAll(s.write());
    }
    if (!s.timeout().isBlocking()) {
      words.add(Repr.floatRepr(s.timeout().seconds()));
    }
    return String.join(" ", words);
  }

  private static String timeout(Timeout t) {
    return t.isBlocking() ? "none" : Repr.floatRepr(t.seconds());
  }

  private static String data(DataExpr d) {
    if (d instanceof DataExpr.Bytes b) {
      return b.bytes().toString();
    }
    if (d instanceof DataExpr.Text t) {
      return Repr.str(t.text());
    }
    return d.source();
  }

  private static String address(AddrExpr a) {
    if (a instanceof AddrExpr.HostPort hp) {
      String host = Repr.str(hp.host());
      return hp.items() > 2
          ? "(" + host + ", " + hp.port() + ", " + hp.flowInfo() + ", " + hp.scopeId() + ")"
          : "(" + host + ", " + hp.port() + ")";
    }
    if (a instanceof AddrExpr.Path p) {
      return Repr.str(p.path());
    }
    return a.source();
  }
}
