package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.Advice;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an error usually means, for errors that arrive without a hint of their own. Keyed by command
 * and errno (or Python class), then by errno alone. An error whose fix is a command to type brings
 * its {@link Advice} from the net layer, and is worded here.
 */
final class Hints {
  private Hints() {}

  /** What a connected UDP socket's ECONNREFUSED means, whichever call raised it. */
  private static final String UDP_REFUSED =
      "an earlier datagram reached a port where nothing listens (ICMP port unreachable)";

  /** The translation key of {@link #UDP_REFUSED}, one for all the calls that give it. */
  private static final String UDP_REFUSED_KEY = "hint.udp.ECONNREFUSED";

  private static final Map<String, String> BY_COMMAND =
      Map.ofEntries(
          Map.entry(
              "connect ECONNREFUSED", "nothing is listening there; did the server call listen?"),
          Map.entry("connect TimeoutError", "no answer in time; the socket is still connecting"),
          Map.entry("accept TimeoutError", "no client connected in time; the socket still listens"),
          Map.entry("accept KeyboardInterrupt", "the socket is still listening"),
          Map.entry("sleep KeyboardInterrupt", "the rest of the wait was skipped"),
          Map.entry("recv TimeoutError", "nothing arrived in time; the connection is still open"),
          Map.entry("recvfrom TimeoutError", "no datagram arrived in time"),
          Map.entry("recv ECONNREFUSED", UDP_REFUSED),
          Map.entry("recvfrom ECONNREFUSED", UDP_REFUSED),
          Map.entry("send ECONNREFUSED", UDP_REFUSED),
          Map.entry(
              "bind EADDRINUSE",
              "the port is taken, or an old connection on it is in TIME_WAIT:"
                  + " setsockopt NAME SO_REUSEADDR 1 before bind"),
          Map.entry("listen EADDRINUSE", "another socket already listens on this port"));

  private static final Map<Errno, String> BY_ERRNO =
      Map.of(
          Errno.ECONNRESET,
          "the peer reset the connection (it closed with data unread, or"
              + " SO_LINGER 0); this connection is over",
          Errno.EPIPE,
          "the connection cannot send: it is not connected, shut down for writing,"
              + " or the peer has gone",
          Errno.EADDRNOTAVAIL,
          "that IP address is not one of this machine's; try 127.0.0.1, or [::1] for AF_INET6",
          Errno.EAI_NONAME,
          "the host name is not known; check its spelling, or use an IP address",
          Errno.EAGAIN,
          "the socket is non-blocking and the call would have to wait; try again"
              + " later, or use select",
          Errno.EINPROGRESS,
          "the connection is on its way; select for writability, then use it");

  static SocketError complete(String command, SocketError e) {
    if (e.hint() != null) {
      return e;
    }
    if (e.advice() != null) {
      return e.withHint(advice(e.advice()));
    }
    String key = e.errno() != null ? e.errno().name() : e.type().name();
    String hint = BY_COMMAND.get(command + " " + key);
    String translation = hint == null ? null : keyOf(command + " " + key, hint);
    if (hint == null && e.errno() != null) {
      hint = BY_ERRNO.get(e.errno());
      translation = "hint." + key;
    }
    if (hint == null && e.type() == PyException.KeyboardInterrupt) {
      hint = INTERRUPTED;
      translation = "hint.KeyboardInterrupt";
    }
    return hint == null ? e : e.withHint(Text.spec(translation, hint));
  }

  /** The command an {@link Advice} stands for, in a sentence: {0} is the socket. */
  static String advice(Advice advice) {
    List<Object> args = new ArrayList<>();
    args.add(advice.socket());
    args.addAll(advice.details());
    return Text.get("advice." + advice.kind().name(), args.toArray());
  }

  /** {@code hint.COMMAND.ERROR}, or the one key of a hint several commands give. */
  private static String keyOf(String entry, String hint) {
    return hint.equals(UDP_REFUSED) ? UDP_REFUSED_KEY : "hint." + entry.replace(' ', '.');
  }

  private static final String INTERRUPTED =
      "cancelled by Ctrl-C; the session and the socket are still usable";

  /** The keys of these hints' translations ({@code hint.connect.ECONNREFUSED}…). */
  static Set<String> specKeys() {
    Set<String> keys = new TreeSet<>();
    BY_COMMAND.forEach((entry, hint) -> keys.add(keyOf(entry, hint)));
    BY_ERRNO.keySet().forEach(errno -> keys.add("hint." + errno.name()));
    keys.add("hint.KeyboardInterrupt");
    return keys;
  }
}
