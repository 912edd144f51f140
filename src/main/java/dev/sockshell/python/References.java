package dev.sockshell.python;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether anything a program can still reach refers to a socket: names in the running frames and
 * the containers they hold. Stands in for CPython's reference count, which closes a socket once
 * nothing refers to it.
 */
final class References {
  private References() {}

  private static final int DEPTH = 6;

  /**
   * True if {@code socket} is reachable other than through the name {@code rebinding} of the
   * innermost frame, which the running assignment is about to replace.
   */
  static boolean held(Interpreter in, PySocket socket, String rebinding) {
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    boolean innermost = true;
    for (Frame f : in.frames()) {
      for (Map.Entry<String, Object> e : f.names.entrySet()) {
        if (innermost && e.getKey().equals(rebinding)) {
          continue;
        }
        if (reaches(e.getValue(), socket, seen, DEPTH)) {
          return true;
        }
      }
      innermost = false;
    }
    return false;
  }

  private static boolean reaches(Object o, PySocket socket, Map<Object, Boolean> seen, int depth) {
    if (o instanceof PySocket s) {
      return s.socket() == socket.socket();
    }
    if (depth == 0 || seen.put(o, Boolean.TRUE) != null) {
      return false;
    }
    if (o instanceof PyList l) {
      return l.items.stream().anyMatch(x -> reaches(x, socket, seen, depth - 1));
    } else if (o instanceof PyTuple t) {
      return t.items().stream().anyMatch(x -> reaches(x, socket, seen, depth - 1));
    } else if (o instanceof PyDict d) {
      return d.keys().stream().anyMatch(x -> reaches(x, socket, seen, depth - 1))
          || d.values().stream().anyMatch(x -> reaches(x, socket, seen, depth - 1));
    } else if (o instanceof BoundMethod m) {
      return reaches(m.self(), socket, seen, depth - 1);
    } else if (o instanceof SocketFile f) {
      return f.socket().socket() == socket.socket();
    }
    return false;
  }
}
