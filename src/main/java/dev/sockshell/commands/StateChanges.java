package dev.sockshell.commands;

import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command did to the sockets' states, for verbose feedback: {@code srv: bound → listening
 * (backlog 5)}. Compares the states before and after the command, so it shows every change,
 * including those of a command that failed (a failed connect leaves the socket bound).
 */
public final class StateChanges {
  private final Map<String, String> before;

  private StateChanges(Map<String, String> before) {
    this.before = before;
  }

  /** Remembers every socket's state before a command runs. */
  public static StateChanges before(Session session) {
    return new StateChanges(states(session));
  }

  /** One line per socket whose state is not what it was, in the session's order. */
  public List<String> after(Session session) {
    List<String> lines = new ArrayList<>();
    states(session)
        .forEach(
            (name, state) -> {
              String old = before.get(name);
              if (!state.equals(old)) {
                lines.add(name + ": " + (old == null ? "(new)" : old) + " → " + state);
              }
            });
    return lines;
  }

  private static Map<String, String> states(Session session) {
    Map<String, String> states = new LinkedHashMap<>();
    for (NetSocket s : session.sockets()) {
      states.put(s.name(), SocketTable.state(s));
    }
    return states;
  }
}
