package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.TcpTable;
import java.util.List;
import java.util.Optional;

/**
 * A hint that blames TIME_WAIT names the connection that holds the port, as {@code /list --all}
 * shows it: {@code conn's connection (127.0.0.1:9999 → 127.0.0.1:53124) is in TIME_WAIT for 58 s
 * more}. What explains EADDRINUSE to a learner is the row, not the word.
 */
final class TimeWaitHint {
  private TimeWaitHint() {}

  static SocketError point(SocketError e, Context context) {
    // Only the hint that suspects TIME_WAIT: with SO_REUSEADDR on, a live socket holds the port.
    if (e.errno() != Errno.EADDRINUSE
        || e.hint() == null
        || !e.hint().contains("old connection on it is in TIME_WAIT")) {
      return e;
    }
    List<TraceRecorder.ClosedStream> closed = context.log().closedStreams();
    Optional<TcpTable> kernel = TcpTable.read();
    if (kernel.isEmpty() || e.address() == null) {
      return e;
    }
    for (int i = closed.size() - 1; i >= 0; i--) {
      TraceRecorder.ClosedStream c = closed.get(i);
      if (!samePort(c, e.address())) {
        continue;
      }
      Optional<TcpTable.Entry> row = kernel.get().of(c.family(), c.local(), c.peer());
      if (row.isPresent() && row.get().state().equals("TIME_WAIT")) {
        return e.withHint(
            Text.get("hint.time.wait", c.name(), c.local(), c.peer(), row.get().secondsLeft()));
      }
    }
    return e;
  }

  /** True when the closed socket held the port the error is about ({@code 127.0.0.1:9999}). */
  private static boolean samePort(TraceRecorder.ClosedStream c, String address) {
    String local = c.local().toString();
    String port = local.substring(local.lastIndexOf(':') + 1);
    return address.endsWith(":" + port);
  }
}
