package dev.sockshell.net;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code select.select(r, w, [], timeout)} over named sockets, on the session's selector:
 * which sockets a {@code recv}/{@code accept} (readable) or a {@code send} (writable) would not
 * block on. It never reads, so nothing is consumed. Where the JDK's selector and Linux's {@code
 * poll} disagree (a stream socket that is not connected, bytes sockshell already holds, a connect
 * that finished), the socket's own state answers, as measured with Python on Linux.
 */
public final class Readiness {
  static final int READ = 1;
  static final int WRITE = 2;

  /** The sockets that are ready, each list in the order asked (Python's {@code (r, w, x)}). */
  public record Ready(List<NetSocket> readable, List<NetSocket> writable) {}

  /**
   * How to find out whether a socket is ready.
   *
   * @param readyNow READ/WRITE bits known from the socket's state alone
   * @param channel the channel to ask the selector, or null
   * @param readOps selector ops meaning readable (OP_READ, OP_ACCEPT)
   * @param writeOps selector ops meaning writable
   * @param changeOps selector ops after which the state changed and must be probed again (a pending
   *     connect that finished: OP_CONNECT)
   */
  record Probe(int readyNow, SelectableChannel channel, int readOps, int writeOps, int changeOps) {
    static Probe known(int readyNow) {
      return new Probe(readyNow, null, 0, 0, 0);
    }

    static Probe ask(int readyNow, SelectableChannel channel, int readOps, int writeOps) {
      return new Probe(readyNow, channel, readOps, writeOps, 0);
    }
  }

  private Readiness() {}

  /**
   * Waits until a socket in {@code read} is readable or one in {@code write} is writable, or the
   * timeout passes (then both lists are empty), or Ctrl-C.
   *
   * @throws SocketError ValueError for a closed socket (as Python's select), KeyboardInterrupt
   */
  static Ready select(Waiter waiter, List<NetSocket> read, List<NetSocket> write, Timeout timeout)
      throws SocketError {
    for (NetSocket s : concat(read, write)) {
      if (s.state() == SocketState.CLOSED) {
        // Python's select calls fileno() on the closed socket and gets -1.
        throw SocketError.python(PyException.ValueError, PyMessages.CLOSED_FD)
            .withAdvice(Advice.Kind.SELECT_OPEN_ONLY, s.name());
      }
    }
    long deadline = timeout.deadlineFromNow();
    String what = "select";
    while (true) {
      Map<NetSocket, Probe> probes = new LinkedHashMap<>();
      Map<NetSocket, Integer> ready = new HashMap<>();
      Map<SelectableChannel, Integer> interest = new HashMap<>();
      for (NetSocket s : concat(read, write)) {
        if (probes.containsKey(s)) {
          continue;
        }
        Probe p = s.probe();
        probes.put(s, p);
        int asked = (read.contains(s) ? READ : 0) | (write.contains(s) ? WRITE : 0);
        if ((p.readyNow() & asked) != 0) {
          ready.merge(s, p.readyNow() & asked, (a, b) -> a | b);
        }
        if (p.channel() != null) {
          int ops =
              ((asked & READ) != 0 ? p.readOps() : 0)
                  | ((asked & WRITE) != 0 ? p.writeOps() : 0)
                  | p.changeOps();
          if (ops != 0) {
            interest.put(p.channel(), ops);
          }
        }
      }
      // With something ready already, only look at the others; otherwise wait.
      long until = ready.isEmpty() ? deadline : System.nanoTime();
      Map<SelectableChannel, Integer> fired = waiter.select(interest, until, what);
      boolean changed = false;
      for (Map.Entry<NetSocket, Probe> e : probes.entrySet()) {
        Probe p = e.getValue();
        Integer ops = p.channel() == null ? null : fired.get(p.channel());
        if (ops == null) {
          continue;
        }
        changed |= (ops & p.changeOps()) != 0;
        int bits = ((ops & p.readOps()) != 0 ? READ : 0) | ((ops & p.writeOps()) != 0 ? WRITE : 0);
        if (bits != 0) {
          ready.merge(e.getKey(), bits, (a, b) -> a | b);
        }
      }
      if (changed) {
        continue; // a connect finished: probe its new state
      }
      if (!ready.isEmpty() || deadline - System.nanoTime() <= 0) {
        return new Ready(pick(read, ready, READ), pick(write, ready, WRITE));
      }
    }
  }

  private static List<NetSocket> pick(
      List<NetSocket> asked, Map<NetSocket, Integer> ready, int bit) {
    List<NetSocket> picked = new ArrayList<>();
    for (NetSocket s : asked) {
      if ((ready.getOrDefault(s, 0) & bit) != 0) {
        picked.add(s);
      }
    }
    return picked;
  }

  private static List<NetSocket> concat(List<NetSocket> a, List<NetSocket> b) {
    List<NetSocket> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Selector ops for a connected stream or datagram channel. */
  static Probe readWrite(int readyNow, SelectableChannel channel) {
    return Probe.ask(readyNow, channel, SelectionKey.OP_READ, SelectionKey.OP_WRITE);
  }
}
