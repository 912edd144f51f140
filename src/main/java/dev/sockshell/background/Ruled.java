package dev.sockshell.background;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.StreamSocket;

/**
 * The user's own connected socket with rules ({@code on cli contains "x" send "y"}): the background
 * answers what arrives until its rules are removed ({@code off}, {@code stop}), a rule closes it,
 * or the peer closes; then the socket is the user's again, with what no rule matched left for recv.
 */
final class Ruled implements Job, Connection.Owner {
  private final Jobs jobs;
  private final StreamSocket socket;
  private final Connection connection;

  Ruled(Jobs jobs, StreamSocket socket) {
    this.jobs = jobs;
    this.socket = socket;
    this.connection = new Connection(socket, jobs.rules().responderFor(null), jobs, this);
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void ended(Connection c) {
    jobs.forgetHandler(socket);
    jobs.rules().removeAll(socket);
    jobs.ended(
        this,
        new BackgroundEvent.Ended(
            socket.name(), Text.get("background.rules.ended", socket.name())));
  }

  @Override
  public void peerDone(Connection c) {
    jobs.forgetHandler(socket);
    jobs.rules().removeAll(socket);
    jobs.ended(
        this,
        new BackgroundEvent.Ended(
            socket.name(), Text.get("background.rules.peer.closed", socket.name())));
  }

  @Override
  public boolean involves(NetSocket s) {
    return s == socket;
  }

  @Override
  public String stop() {
    connection.release();
    jobs.forgetHandler(socket);
    jobs.rules().removeAll(socket);
    return Text.get("background.rules.off", socket.name());
  }

  @Override
  public String describe() {
    return Text.get(
        "background.describe.rules",
        socket.name(),
        Jobs.count(jobs.rules().of(socket).size(), "rule"),
        socket.bytesReceived(),
        socket.bytesSent());
  }

  @Override
  public String role(NetSocket s) {
    return Text.get("role.rules");
  }
}
