package dev.sockshell.background;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.EventLoop;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.net.StreamSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The session's background work, as the commands see it: {@code serve}, {@code relay}, rules,
 * {@code stop}, {@code wait}. The work itself runs on the session's {@link EventLoop}; this keeps
 * which work exists and which handler has which socket, so that a command that names a socket the
 * background owns can borrow it ({@link #borrow}) and the background get it back after the command
 * ({@link #giveBack}).
 */
public final class Jobs {
  /** The loop's one receive buffer: direct, so a read is one copy from the kernel. */
  private static final int SCRATCH = 64 << 10;

  /** How {@code serve} answers. */
  public enum Mode {
    ECHO("--echo"),
    REPLY("--reply"),
    RULES("--rules");

    private final String flag;

    Mode(String flag) {
      this.flag = flag;
    }

    public String flag() {
      return flag;
    }
  }

  private final Session session;
  private final EventLoop loop;
  private final Events events = new Events();
  private final RuleBook rules = new RuleBook();
  private final List<Job> jobs = new CopyOnWriteArrayList<>();

  /** The handler of each socket the background works on, to give a borrowed socket back to. */
  private final Map<NetSocket, EventLoop.Handler> handlers = new ConcurrentHashMap<>();

  /** Sockets the running command took from the background (foreground only). */
  private final Map<NetSocket, EventLoop.Handler> borrowed = new LinkedHashMap<>();

  private ByteBuffer scratch;

  public Jobs(Session session) {
    this.session = session;
    this.loop = session.background();
  }

  public Events events() {
    return events;
  }

  public RuleBook rules() {
    return rules;
  }

  Session session() {
    return session;
  }

  void emit(BackgroundEvent event) {
    events.emit(event);
  }

  /** The loop's receive buffer; only its thread uses it. */
  ByteBuffer scratch() {
    if (scratch == null) {
      scratch = ByteBuffer.allocateDirect(SCRATCH);
    }
    return scratch;
  }

  /**
   * Serves {@code socket} in the background: a listening stream socket accepts and answers every
   * connection, a bound datagram socket answers every datagram to its sender.
   *
   * @param reply what {@link Mode#REPLY} answers
   * @param max how many connections (or datagrams) to serve, or null for no limit
   * @return what feedback says
   */
  public String serve(NetSocket socket, Mode mode, ByteString reply, Integer max)
      throws SocketError {
    Supplier<Responder> responders =
        switch (mode) {
          case ECHO -> () -> Responder.ECHO;
          case REPLY -> () -> Responder.reply(reply);
          case RULES -> () -> rules.responderFor(socket);
        };
    String how = mode == Mode.REPLY ? mode.flag() + " " + preview(reply) : mode.flag();
    if (socket instanceof StreamSocket listener) {
      Served served = new Served(this, listener, mode, how, responders, max);
      start(served, socket, served);
    } else {
      ServedDatagrams served =
          new ServedDatagrams(this, (DatagramSocket) socket, mode, reply, how, max);
      start(served, socket, served);
    }
    return Text.get("background.served", socket.name(), how);
  }

  /**
   * The reply as the serve line and {@code /list} tell it: a reply read from a big file would
   * otherwise be written out in full, escaped, on every {@code /list}.
   */
  private static String preview(ByteString reply) {
    return reply.size() <= Events.PREVIEW
        ? reply.toString()
        : reply.substring(0, Events.PREVIEW) + "... (" + reply.size() + " bytes)";
  }

  /**
   * Relays {@code a} and {@code b} in the background, both ways.
   *
   * @param trace tell each chunk as an event ({@code hex}: as a hex dump)
   */
  public String relay(StreamSocket a, StreamSocket b, boolean trace, boolean hex)
      throws SocketError {
    Relay relay = new Relay(this, a, b, trace, hex);
    jobs.add(relay);
    try {
      attach(a, relay.first());
      attach(b, relay.second());
    } catch (SocketError | RuntimeException e) {
      stop(a);
      throw e;
    }
    return Text.get("background.relaying", a.name(), b.name());
  }

  /**
   * Adds a rule. On a connected stream socket that the background does not work on yet, the socket
   * goes to the background now, and its rules answer what arrives from then on.
   */
  public Rule addRule(NetSocket socket, Rule.Trigger when, Rule.Action then, String text)
      throws SocketError {
    Rule rule = rules.add(socket, when, then, text);
    if (socket instanceof StreamSocket stream
        && stream.state() == SocketState.CONNECTED
        && !socket.inBackground()
        && !borrowed.containsKey(socket)) {
      Ruled ruled = new Ruled(this, stream);
      try {
        start(ruled, socket, ruled.connection());
      } catch (SocketError | RuntimeException e) {
        rules.remove(rule.number());
        throw e;
      }
    }
    return rule;
  }

  /**
   * Removes rule {@code number}; a connection left with no rule goes back to the foreground.
   *
   * @return the rule removed, or null if there is none
   */
  public Rule removeRule(int number) {
    Rule rule = rules.remove(number);
    if (rule != null && rules.of(rule.socket()).isEmpty()) {
      loop.call(
          () -> {
            for (Job job : jobs) {
              if (job instanceof Ruled ruled && ruled.involves(rule.socket())) {
                ruled.stop();
                jobs.remove(job);
              }
            }
            return null;
          });
    }
    return rule;
  }

  private void start(Job job, NetSocket socket, EventLoop.Handler handler) throws SocketError {
    jobs.add(job);
    try {
      attach(socket, handler);
    } catch (RuntimeException e) {
      jobs.remove(job);
      throw e;
    }
  }

  /** Hands {@code socket} to the loop with {@code handler}, remembering who has it. */
  void attach(NetSocket socket, EventLoop.Handler handler) throws SocketError {
    handlers.put(socket, handler);
    loop.attach(socket, handler);
  }

  /** The loop let {@code socket} go for good (on the loop's thread). */
  void forgetHandler(NetSocket socket) {
    handlers.remove(socket);
  }

  /** A served connection closed: the session forgets its name too (on the loop's thread). */
  void forgetConnection(NetSocket socket) {
    handlers.remove(socket);
    session.forget(socket);
  }

  /**
   * {@code job} is over (on the loop's thread): it leaves the list, and {@code wait} may end. The
   * event is queued first, so a {@code wait} that sees the list empty prints it before its answer.
   */
  void ended(Job job, BackgroundEvent why) {
    if (jobs.contains(job)) {
      emit(why);
      jobs.remove(job);
      events.nudge();
    }
  }

  /**
   * Ends the background work {@code socket} is part of.
   *
   * @return what was stopped, or null if the socket had no background work
   */
  public String stop(NetSocket socket) {
    return loop.call(
        () -> {
          for (Job job : jobs) {
            if (job.involves(socket)) {
              String stopped = job.stop();
              jobs.remove(job);
              events.nudge();
              return stopped;
            }
          }
          return null;
        });
  }

  /** Ends every piece of work, closing what serving opened: {@code /reset} and leaving. */
  public void stopAll() {
    if (!jobs.isEmpty()) {
      loop.call(
          () -> {
            for (Job job : jobs) {
              job.stop();
            }
            jobs.clear();
            return null;
          });
    }
    handlers.clear();
    borrowed.clear();
    loop.close();
  }

  /** True when no background work is left: what {@code wait} waits for. */
  public boolean idle() {
    return jobs.isEmpty();
  }

  /**
   * Lets the background finish what is ready before a command runs (see {@link EventLoop#settle}).
   */
  public void settle() {
    loop.settle();
  }

  /**
   * Takes {@code socket} from the background for the command that named it, until {@link
   * #giveBack}: a recv on a connection with rules gets what no rule matched, and neither side ever
   * touches the socket while the other does.
   */
  public void borrow(NetSocket socket) {
    EventLoop.Handler handler = loop.detach(socket);
    if (handler != null) {
      borrowed.put(socket, handler);
    }
  }

  /** After a command: the sockets it borrowed go back to their work, if it goes on. */
  public void giveBack() {
    if (borrowed.isEmpty()) {
      return;
    }
    for (Map.Entry<NetSocket, EventLoop.Handler> e : borrowed.entrySet()) {
      NetSocket socket = e.getKey();
      boolean open = socket.state() != SocketState.CLOSED;
      if (open && !socket.inBackground() && handlers.get(socket) == e.getValue()) {
        try {
          loop.attach(socket, e.getValue());
        } catch (SocketError | RuntimeException lost) {
          abandon(socket);
        }
      } else if (!open) {
        abandon(socket);
      }
    }
    borrowed.clear();
  }

  /** A borrowed socket the command closed (or that could not go back): its work lets it go. */
  private void abandon(NetSocket socket) {
    loop.call(
        () -> {
          EventLoop.Handler handler = handlers.remove(socket);
          if (handler instanceof Connection c) {
            c.abandoned();
          }
          return null;
        });
  }

  /** One line per piece of work, for {@code /list}. */
  public List<String> describe() {
    if (jobs.isEmpty()) {
      return List.of();
    }
    return loop.call(
        () -> {
          List<String> lines = new ArrayList<>();
          for (Job job : jobs) {
            lines.add(job.describe());
          }
          return lines;
        });
  }

  /**
   * Whether {@code socket} is one end of a relay (rules on it would fight the relay for its bytes).
   */
  public boolean relayed(NetSocket socket) {
    if (jobs.isEmpty()) {
      return false;
    }
    return loop.call(
        () -> {
          for (Job job : jobs) {
            if (job instanceof Relay && job.involves(socket)) {
              return true;
            }
          }
          return false;
        });
  }

  /** The listening socket whose serve accepted a connection, and how that serve answers. */
  public record ServedBy(String listener, Mode mode) {}

  /** The serve that has the connection {@code socket}, or empty if none has it. */
  public Optional<ServedBy> servedBy(NetSocket socket) {
    if (jobs.isEmpty()) {
      return Optional.empty();
    }
    return loop.call(
        () -> {
          for (Job job : jobs) {
            if (job instanceof Served served && served.serves(socket)) {
              return Optional.of(new ServedBy(served.listenerName(), served.mode()));
            }
          }
          return Optional.empty();
        });
  }

  /** What each socket the background works on does ("served by srv"), for {@code /list}. */
  public Map<NetSocket, String> roles() {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    return loop.call(
        () -> {
          Map<NetSocket, String> roles = new LinkedHashMap<>();
          for (NetSocket s : handlers.keySet()) {
            for (Job job : jobs) {
              if (job.involves(s)) {
                roles.put(s, job.role(s));
              }
            }
          }
          return roles;
        });
  }

  /** {@code 1 connection}, {@code 3 datagrams}: {@code noun} is a key's last word. */
  static String count(long n, String noun) {
    return Text.get("count." + noun + (n == 1 ? ".one" : ""), n);
  }
}
