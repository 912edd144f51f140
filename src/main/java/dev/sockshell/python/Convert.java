package dev.sockshell.python;

import dev.sockshell.net.Errno;
import dev.sockshell.net.Family;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketError;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Between the commands' values and errors and Python's objects and exceptions. */
final class Convert {
  private Convert() {}

  static Object fromValue(Value v, Interpreter in) {
    if (v instanceof Value.Bytes b) {
      return b.bytes();
    } else if (v instanceof Value.Int i) {
      return Nums.of(i.value());
    } else if (v instanceof Value.Float f) {
      return f.value();
    } else if (v instanceof Value.Bool b) {
      return b.value();
    } else if (v instanceof Value.Str s) {
      return s.text();
    } else if (v instanceof Value.None) {
      return PyNone.NONE;
    } else if (v instanceof Value.Address a) {
      return address(a.address());
    } else if (v instanceof Value.SocketRef s) {
      PySocket socket = in.sockets.forName(s.name());
      return socket == null ? s.name() : socket;
    } else if (v instanceof Value.PyList l) {
      List<Object> items = new ArrayList<>();
      l.items().forEach(item -> items.add(fromValue(item, in)));
      return new PyList(items);
    }
    List<Object> items = new ArrayList<>();
    ((Value.Tuple) v).items().forEach(item -> items.add(fromValue(item, in)));
    return PyTuple.of(items);
  }

  /** {@code ('127.0.0.1', 9999)}, {@code ('::1', 9999, 0, 0)}, or an AF_UNIX path. */
  static Object address(SockAddress address) {
    if (address instanceof SockAddress.Inet inet) {
      if (inet.family() == Family.AF_INET6) {
        return PyTuple.of(inet.host(), Nums.of(inet.port()), Nums.of(0), Nums.of(inet.scopeId()));
      }
      return PyTuple.of(inet.host(), Nums.of(inet.port()));
    }
    return ((SockAddress.Unix) address).path().toString();
  }

  /** The Python exception for a failed socket call; it keeps the error for sockshell's report. */
  static PyRaise exception(SocketError e) {
    PyType type = ExcTypes.of(e.type());
    Errno errno = e.errno();
    PyExc exc;
    if (errno != null) {
      exc = new PyExc(type, PyTuple.of(Nums.of(errno.number()), errno.message()));
      exc.attributes.put("errno", Nums.of(errno.number()));
      exc.attributes.put("strerror", errno.message());
      boolean file =
          errno == Errno.ENOENT
              || errno == Errno.EACCES
              || errno == Errno.EISDIR
              || errno == Errno.ENOTDIR
              || errno == Errno.EEXIST;
      exc.attributes.put("filename", file && e.address() != null ? e.address() : PyNone.NONE);
    } else if (type == ExcTypes.KEYBOARD_INTERRUPT) {
      exc = new PyExc(type, PyTuple.EMPTY);
    } else {
      exc = new PyExc(type, PyTuple.of(e.reason()));
      if (type.isSubclassOf(ExcTypes.OS_ERROR)) {
        exc.attributes.put("errno", PyNone.NONE);
        exc.attributes.put("strerror", PyNone.NONE);
        exc.attributes.put("filename", PyNone.NONE);
      }
    }
    exc.origin = e;
    return new PyRaise(exc);
  }
}
