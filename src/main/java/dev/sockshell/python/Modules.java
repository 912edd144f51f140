package dev.sockshell.python;

import dev.sockshell.commands.Outcome;
import dev.sockshell.lang.Command;
import dev.sockshell.net.Errno;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.PyMessages;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.Timeout;
import dev.sockshell.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The modules a program may import, made when first imported. */
final class Modules {
  private final Interpreter in;
  private final Map<String, PyModule> loaded = new HashMap<>();
  private List<String> argv = List.of("");

  Modules(Interpreter in) {
    this.in = in;
  }

  /** {@code sys.argv}: the program's path and its arguments. */
  void setArgv(List<String> argv) {
    this.argv = List.copyOf(argv);
    loaded.remove("sys");
  }

  PyModule get(String name) {
    return loaded.computeIfAbsent(name, this::create);
  }

  private PyModule create(String name) {
    return switch (name) {
      case "socket" -> SocketModule.create();
      case "struct" -> StructModule.create();
      case "time" -> time();
      case "sys" -> sys();
      case "errno" -> errno();
      case "select" -> select();
      default -> throw Errors.raise(ExcTypes.IMPORT_ERROR, "No module named '" + name + "'");
    };
  }

  private PyModule time() {
    PyModule m = new PyModule("time");
    m.function(
        "sleep",
        (i, a, k) -> {
          Args.exactly("sleep", a, k, 1);
          Object s = a.get(0);
          if (!Nums.isNumber(s)) {
            throw Errors.notAnInteger(s);
          }
          double seconds = Nums.dbl(s);
          if (seconds < 0) {
            throw Errors.value("sleep length must be non-negative");
          }
          try {
            i.host.context().session().waiter().sleep(seconds);
          } catch (SocketError e) {
            throw Convert.exception(e);
          }
          return PyNone.NONE;
        });
    m.function(
        "time",
        (i, a, k) -> {
          java.time.Instant now = java.time.Instant.now();
          return now.getEpochSecond() + now.getNano() / 1e9;
        });
    m.function("monotonic", (i, a, k) -> System.nanoTime() / 1e9);
    m.function("perf_counter", (i, a, k) -> System.nanoTime() / 1e9);
    m.function(
        "time_ns",
        (i, a, k) ->
            BigInteger.valueOf(System.currentTimeMillis()).multiply(BigInteger.valueOf(1_000_000)));
    m.function("monotonic_ns", (i, a, k) -> BigInteger.valueOf(System.nanoTime()));
    m.function(
        "ctime",
        (i, a, k) -> {
          java.time.ZonedDateTime now = java.time.ZonedDateTime.now();
          return now.format(
              java.time.format.DateTimeFormatter.ofPattern(
                  "EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.ROOT));
        });
    return m;
  }

  private PyModule sys() {
    PyModule m = new PyModule("sys");
    m.add("argv", new PyList(new ArrayList<>(argv)));
    m.function(
        "exit",
        (i, a, k) -> {
          Args.noKeywords("exit", k);
          if (a.size() > 1) {
            throw Errors.type("exit expected at most 1 argument, got " + a.size());
          }
          throw new PyRaise(PyExc.construct(ExcTypes.SYSTEM_EXIT, a, k));
        });
    m.add("stdout", new StdStream("<stdout>", false));
    m.add("stderr", new StdStream("<stderr>", true));
    m.add("platform", "linux");
    m.add("byteorder", "little");
    m.add("maxsize", BigInteger.valueOf(Long.MAX_VALUE));
    m.add("version_info", PyTuple.of(Nums.of(3), Nums.of(11), Nums.of(0), "final", Nums.of(0)));
    return m;
  }

  private PyModule errno() {
    PyModule m = new PyModule("errno");
    PyDict codes = new PyDict();
    for (Errno e : Errno.values()) {
      if (e.number() > 0) {
        m.add(e.name(), Nums.of(e.number()));
        codes.put(Nums.of(e.number()), e.name());
      }
    }
    m.add("EWOULDBLOCK", Nums.of(Errno.EAGAIN.number()));
    m.add("ENOTSUP", Nums.of(Errno.EOPNOTSUPP.number()));
    m.add("errorcode", codes);
    return m;
  }

  private PyModule select() {
    PyModule m = new PyModule("select");
    m.add("error", ExcTypes.OS_ERROR);
    m.function("select", this::select);
    for (String unsupported : List.of("poll", "epoll", "kqueue", "devpoll")) {
      m.function(
          unsupported,
          (i, a, k) -> {
            throw new Signals.Unsupported(
                "select." + unsupported + "() is not supported (select." + "select is)");
          });
    }
    return m;
  }

  private Object select(Interpreter i, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("select", k);
    if (a.size() < 3 || a.size() > 4) {
      throw Errors.type("select expected at least 3 arguments, got " + a.size());
    }
    List<PySocket> read = sockets(a.get(0));
    List<PySocket> write = sockets(a.get(1));
    sockets(a.get(2)); // exceptional conditions (TCP urgent data) never arrive here: []
    Timeout timeout = Timeout.BLOCKING;
    if (a.size() == 4 && a.get(3) != PyNone.NONE) {
      if (!Nums.isNumber(a.get(3))) {
        throw Errors.type("timeout must be a float or None");
      }
      double seconds = Nums.dbl(a.get(3));
      if (seconds < 0) {
        throw Errors.value("timeout must be non-negative");
      }
      timeout = Timeout.seconds(seconds);
    }
    List<String> readNames = new ArrayList<>();
    read.forEach(s -> readNames.add(s.name()));
    List<String> writeNames = new ArrayList<>();
    write.forEach(s -> writeNames.add(s.name()));
    String python =
        "select.select("
            + Reprs.repr(a.get(0))
            + ", "
            + Reprs.repr(a.get(1))
            + ", "
            + Reprs.repr(a.get(2))
            + (a.size() == 4 ? ", " + Reprs.repr(a.get(3)) : "")
            + ")";
    Outcome outcome = in.sockets.run(new Command.Select(readNames, writeNames, timeout), python);
    List<Value> lists = ((Value.Tuple) outcome.value()).items();
    return PyTuple.of(ready(lists.get(0), read), ready(lists.get(1), write), new PyList());
  }

  /** The objects that were passed in, in their order, for the names select found ready. */
  private PyList ready(Value names, List<PySocket> given) {
    List<String> ready = new ArrayList<>();
    ((Value.PyList) names).items().forEach(v -> ready.add(((Value.SocketRef) v).name()));
    List<Object> out = new ArrayList<>();
    for (PySocket s : given) {
      if (ready.remove(s.name())) {
        out.add(s);
      }
    }
    return new PyList(out);
  }

  private List<PySocket> sockets(Object list) {
    List<PySocket> out = new ArrayList<>();
    for (Object o : Seqs.toList(list)) {
      NetSocket s = SocketMethods.socketOf(o);
      if (s == null) {
        if (Nums.isInt(o) || o instanceof SocketFile) {
          throw new Signals.Unsupported(
              "select.select() on file descriptors and files is not"
                  + " supported (pass the socket objects)");
        }
        throw Errors.type("argument must be an int, or have a fileno() method.");
      }
      PySocket py = (PySocket) o;
      if (py.isClosed()) {
        throw Errors.value(PyMessages.CLOSED_FD);
      }
      if (in.host.context().session().find(py.name()).orElse(null) != s) {
        throw Convert.exception(SocketError.of(Errno.EBADF));
      }
      out.add(py);
    }
    return out;
  }
}
