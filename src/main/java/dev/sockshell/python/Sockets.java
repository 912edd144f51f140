package dev.sockshell.python;

import dev.sockshell.commands.Outcome;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The Python side of the session's sockets: one socket object per session socket, the names new
 * sockets take from the line that makes them ({@code server = socket.socket()} is {@code server}),
 * and running a socket call as its command.
 */
final class Sockets {
  private final Interpreter in;
  private final Map<NetSocket, PySocket> objects = new IdentityHashMap<>();

  /** How many commands Python's calls ran, so the REPL knows a value was reported. */
  private long commandsRun;

  /** The name an assignment offers to a socket its call creates, or null. */
  private String offered;

  Sockets(Interpreter in) {
    this.in = in;
  }

  private Session session() {
    return in.host.context().session();
  }

  /** Offers {@code name} to the call about to run; returns what was offered before. */
  String offerName(String name) {
    String before = offered;
    offered = name;
    return before;
  }

  /** The offered name, once: a socket made deeper inside the call does not take it again. */
  private String takeName() {
    String name = offered;
    offered = null;
    return name;
  }

  long commandsRun() {
    return commandsRun;
  }

  PySocket of(NetSocket socket) {
    return objects.computeIfAbsent(socket, s -> new PySocket(s, false));
  }

  /** The object for the session socket called {@code name}, or null. */
  PySocket forName(String name) {
    return session().find(name).map(this::of).orElse(null);
  }

  /** A socket a command made, which a Python line may use by its name. */
  PySocket byCommandName(String name) {
    return forName(name);
  }

  /**
   * The session name for a socket the line is about to make: the offered name if it is free; if an
   * open socket has it that Python made and nothing refers to any more, that one is closed first
   * (Python's garbage collector would have closed it when its name was rebound); otherwise the name
   * with a number ({@code conn1} with nothing offered).
   */
  String claimName(String fallbackPrefix) {
    String wanted = takeName();
    if (wanted == null || !wanted.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return session().freshName(fallbackPrefix);
    }
    NetSocket existing = session().find(wanted).orElse(null);
    if (existing == null || existing.state() == SocketState.CLOSED) {
      return wanted;
    }
    PySocket old = objects.get(existing);
    if (old != null && old.madeByPython() && !References.held(in, old, wanted)) {
      closeForgotten(old);
      return wanted;
    }
    return session().freshName(wanted);
  }

  private void closeForgotten(PySocket old) {
    try {
      in.host.run(new Command.Close(old.name()), "del " + old.name());
    } catch (SocketError | UsageError e) {
      // Closing never fails; a socket already closed was closed already.
    }
  }

  /** Records that Python made the session socket {@code name}. */
  PySocket made(String name) {
    NetSocket socket = session().find(name).orElseThrow();
    PySocket py = new PySocket(socket, true);
    objects.put(socket, py);
    return py;
  }

  /**
   * Runs a call on {@code socket} as its command. A socket whose name now belongs to another (it
   * was closed, and the name reused) is a closed socket: EBADF, as Python says.
   */
  Outcome run(PySocket socket, Command command, String python) {
    NetSocket current = session().find(socket.name()).orElse(null);
    if (current != socket.socket()) {
      if (command instanceof Command.Close) {
        return new Outcome.Done(Text.get("feedback.already.closed", socket.name()));
      }
      throw Convert.exception(SocketError.of(dev.sockshell.net.Errno.EBADF));
    }
    return run(command, python);
  }

  /** Runs a command on no particular socket (creating one, select, sleep). */
  Outcome run(Command command, String python) {
    commandsRun++;
    try {
      return in.host.run(command, python);
    } catch (SocketError e) {
      throw Convert.exception(e);
    } catch (UsageError e) {
      // The interpreter checks arguments as Python does before building a command, so a usage
      // error here is a command-level limit Python does not have: say so, never pretend.
      throw new Signals.Unsupported(e.getMessage());
    }
  }
}
