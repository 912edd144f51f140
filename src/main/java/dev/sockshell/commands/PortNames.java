package dev.sockshell.commands;

import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.EphemeralPorts;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Resolver;
import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports the OS chose during a session, by the socket that has them, so that a saved script names
 * the socket where the user typed its port ({@code connect cli localhost:41873} becomes {@code
 * connect cli srv}): a replay gets other ports, and a typed one would point nowhere. Only addresses
 * in ADDR and VALUE positions are rewritten, never data, and only when the typed host is the
 * socket's own address (or, for a socket on all interfaces, a local one), so the name means the
 * same address.
 */
final class PortNames {
  /** A socket holding an OS-chosen port. */
  record Owner(String name, SockAddress.Inet address) {}

  private PortNames() {}

  /**
   * Who holds the OS-chosen {@code port} now, the first-created socket first (a listener, not its
   * connections), or null. Only asked for ports a line names, so a command costs nothing more in a
   * session of thousands of sockets.
   */
  static Owner owner(Session session, int port) {
    if (!EphemeralPorts.contains(port)) {
      return null;
    }
    for (NetSocket s : session.sockets()) {
      try {
        if (s.localAddress() instanceof SockAddress.Inet inet && inet.port() == port) {
          return new Owner(s.name(), inet);
        }
      } catch (SocketError e) {
        // Closed: nothing to name.
      }
    }
    return null;
  }

  /**
   * {@code line} with each such address written as its socket's name, as {@code session} is before
   * the line runs; the line itself if none. {@code bound} says which words of the line are an ADDR
   * or a VALUE: the binder's reading ({@link Args#bound}), so an option or a keyword before them
   * ({@code break if VALUE}) moves nothing.
   */
  static String rewrite(String line, List<Args.Bound> bound, Session session) {
    if (!mayName(line)) {
      return line;
    }
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    try {
      for (Args.Bound b : bound) {
        Param.Kind kind = b.param().kind();
        if (kind == Param.Kind.ADDRESS || kind == Param.Kind.VALUE) {
          find(LiteralParser.parse(b.token()), kind, session, spans, names);
        }
      }
    } catch (UsageError e) {
      return line; // it parsed when it ran; leave it as typed if it no longer does
    }
    StringBuilder sb = new StringBuilder(line);
    for (int i = spans.size() - 1; i >= 0; i--) {
      sb.replace(spans.get(i)[0], spans.get(i)[1], names.get(i));
    }
    return sb.toString();
  }

  /** False for a line with no HOST:PORT and no tuple: it names no port. */
  static boolean mayName(String line) {
    return line.indexOf(':') >= 0 || line.indexOf(',') >= 0;
  }

  /** Collects the spans of {@code literal} (or of the items of a tuple) to rewrite. */
  private static void find(
      Literal literal, Param.Kind kind, Session session, List<int[]> spans, List<String> names) {
    Owner owner = owner(literal, kind, session);
    if (owner != null) {
      spans.add(new int[] {literal.start(), literal.end()});
      names.add(owner.name());
    } else if (literal instanceof Literal.Tuple t) {
      for (Literal item : t.items()) {
        find(item, kind, session, spans, names);
      }
    }
  }

  private static Owner owner(Literal literal, Param.Kind kind, Session session) {
    try {
      if (!(AddrExpr.of(literal, "") instanceof AddrExpr.HostPort hp)) {
        return null;
      }
      Owner owner = owner(session, hp.port());
      if (owner == null) {
        return null;
      }
      SockAddress.Inet typed = Resolver.resolve(hp.host(), hp.port(), owner.address().family());
      boolean same = typed.address().equals(owner.address().address());
      // connect/sendto to the socket's port on a local address reach a socket on all interfaces.
      boolean reaches =
          kind == Param.Kind.ADDRESS
              && owner.address().address().isAnyLocalAddress()
              && (typed.address().isLoopbackAddress() || typed.address().isAnyLocalAddress());
      return same || reaches ? owner : null;
    } catch (UsageError | SocketError e) {
      return null;
    }
  }
}
