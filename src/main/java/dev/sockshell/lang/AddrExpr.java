package dev.sockshell.lang;

import dev.sockshell.i18n.Text;
import java.util.List;

/**
 * The ADDR argument of bind, connect and sendto, as typed: a host and port, a Unix path, another
 * socket of the session (meaning its bound address), or a kept value. Checked here (port range,
 * IPv6 brackets), resolved when the command runs.
 */
public sealed interface AddrExpr {
  /** How it was typed. */
  String source();

  /** {@code HOST:PORT}, {@code [IPv6]:PORT} or Python's {@code (host, port[, flow, scope])}. */
  /**
   * @param items how many items the tuple had (3 or 4 only suit AF_INET6, as in Python); 2 for
   *     {@code HOST:PORT}
   */
  record HostPort(String host, int port, int flowInfo, int scopeId, int items, String source)
      implements AddrExpr {}

  /** An AF_UNIX path: a quoted string, or a word with a '/' in it. */
  record Path(String path, String source) implements AddrExpr {}

  /** The bound address of the socket with this name. */
  record SocketName(String name, String source) implements AddrExpr {}

  /**
   * Python's {@code (host, port)} with a kept value in it, {@code ('127.0.0.1', $1[1])}: its items
   * are known only when the command runs. Each is a {@link Literal.Text}, a {@link Literal.Number}
   * or a {@link Literal.Ref}.
   */
  record TupleWithRefs(List<Literal> items, String source) implements AddrExpr {
    public TupleWithRefs {
      items = List.copyOf(items);
    }
  }

  record Ref(Literal.Ref ref) implements AddrExpr {
    @Override
    public String source() {
      return ref.text();
    }
  }

  static AddrExpr of(Literal literal, String source) throws UsageError {
    if (literal instanceof Literal.Tuple t) {
      return tuple(t, source);
    } else if (literal instanceof Literal.Text t) {
      return new Path(t.text(), source);
    } else if (literal instanceof Literal.Ref r) {
      return new Ref(r);
    } else if (literal instanceof Literal.Word w) {
      return word(w, source);
    }
    throw new UsageError(Text.get("usage.addr.form"), literal.start());
  }

  private static AddrExpr tuple(Literal.Tuple t, String source) throws UsageError {
    List<Literal> items = t.items();
    if (items.size() < 2 || items.size() > 4) {
      throw new UsageError(Text.get("usage.addr.tuple.size"), t.start());
    }
    if (items.stream().anyMatch(i -> i instanceof Literal.Ref)) {
      for (Literal item : items) {
        if (!(item instanceof Literal.Ref
            || item instanceof Literal.Text
            || item instanceof Literal.Number)) {
          throw new UsageError(Text.get("usage.addr.tuple.refs"), item.start());
        }
      }
      return new TupleWithRefs(items, source);
    }
    if (!(items.get(0) instanceof Literal.Text host)) {
      throw new UsageError(Text.get("usage.addr.host.quoted"), items.get(0).start());
    }
    int port = port(items.get(1));
    int flow =
        items.size() >= 3
            ? (int) whole(items.get(2), Text.get("usage.whole.number", "flowinfo"))
            : 0;
    int scope =
        items.size() == 4
            ? (int) whole(items.get(3), Text.get("usage.whole.number", "scope_id"))
            : 0;
    return new HostPort(host.text(), port, flow, scope, items.size(), source);
  }

  /** The whole number {@code literal} is, or {@code error} pointing at it. */
  private static long whole(Literal literal, String error) throws UsageError {
    if (literal instanceof Literal.Number n && n.integral()) {
      return n.asLong();
    }
    throw new UsageError(error, literal.start());
  }

  private static int port(Literal literal) throws UsageError {
    long port = whole(literal, Text.get("usage.addr.port.whole"));
    checkPort(port, literal.start());
    return (int) port;
  }

  private static void checkPort(long port, int column) throws UsageError {
    if (port < 0 || port > 65535) {
      throw new UsageError(Text.get("usage.port.range", port), column);
    }
  }

  private static AddrExpr word(Literal.Word w, String source) throws UsageError {
    String text = w.text();
    if (text.startsWith("[") && text.endsWith("]") && text.indexOf(',') > 0) {
      // Python's bind(['host', 80]) is "TypeError: ... must be tuple, not list".
      throw new UsageError(
          Text.get("usage.addr.list", text.substring(1, text.length() - 1)), w.start());
    }
    if (text.contains("/")) {
      return new Path(text, source);
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      // demo.sock cannot be a socket name, nor HOST:PORT: an AF_UNIX path, as Python's 'demo.sock'.
      return Args.isName(text) ? new SocketName(text, source) : new Path(text, source);
    }
    String host;
    if (text.startsWith("[")) {
      // [IPv6]:PORT: the colons inside the brackets are the address's own.
      int close = text.indexOf(']');
      if (close < 0) {
        throw new UsageError(Text.get("usage.addr.bracket.end"), w.start());
      } else if (close + 1 == text.length() || text.charAt(close + 1) != ':') {
        throw new UsageError(
            Text.get("usage.addr.bracket.port", text.substring(0, close + 1)),
            w.start() + close + 1);
      }
      host = text.substring(1, close);
      colon = close + 1;
    } else {
      host = text.substring(0, colon);
      if (host.indexOf(':') >= 0) {
        boolean ipv6 =
            host.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        throw new UsageError(
            ipv6
                ? Text.get("usage.addr.ipv6", host, text.substring(colon + 1))
                : Text.get("usage.addr.colons", text),
            w.start());
      }
    }
    String portText = text.substring(colon + 1);
    int portColumn = w.start() + colon + 1;
    if (portText.isEmpty() || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new UsageError(
          portText.isEmpty()
              ? Text.get("usage.port.missing")
              : Text.get("usage.port.number", portText),
          portColumn);
    }
    long port = portText.length() > 6 ? Long.MAX_VALUE : Long.parseLong(portText);
    if (port > 65535) {
      throw new UsageError(Text.get("usage.port.range", portText), portColumn);
    }
    if (host.equals("*")) {
      host = ""; // all interfaces, as Python's ''
    }
    return new HostPort(host, (int) port, 0, 0, 2, source);
  }
}
