package dev.sockshell.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exception object: its class and arguments, the attributes some classes add ({@code errno},
 * {@code strerror}), the exception being handled when it was raised, and the frames it went through
 * (its traceback).
 */
final class PyExc {
  /** One line of a traceback: {@code File "x.py", line 3, in <module>}. */
  record TraceEntry(String file, int line, String function, Object owner) {}

  final PyType type;
  final PyTuple args;
  final Map<String, Object> attributes = new HashMap<>();
  final List<TraceEntry> traceback = new ArrayList<>();

  /** The socket error this came from, whose line and hint sockshell shows; null if none. */
  dev.sockshell.net.SocketError origin;

  /** {@code str(e)} when a codec worded it (a Unicode error), else null: computed from args. */
  String message;

  PyExc context;
  PyExc cause;
  boolean suppressContext;

  PyExc(PyType type, PyTuple args) {
    this.type = type;
    this.args = args;
  }

  static PyExc of(PyType type, Object... args) {
    return new PyExc(type, PyTuple.of(args));
  }

  /**
   * {@code Type(*args)}, with OSError's special cases: {@code OSError(errno, strerror)} is the
   * subclass for that errno, with the attributes set.
   */
  static PyExc construct(PyType type, List<Object> args, Map<String, Object> keywords) {
    Args.noKeywords(type.name, keywords);
    PyType actual = type;
    if (type.isSubclassOf(ExcTypes.OS_ERROR)
        && args.size() >= 2
        && args.size() <= 5
        && args.get(0) instanceof BigInteger errno) {
      if (type == ExcTypes.OS_ERROR) {
        actual = ExcTypes.forErrno(errno.intValue());
      }
      PyExc e = new PyExc(actual, PyTuple.of(args.get(0), args.get(1)));
      e.attributes.put("errno", args.get(0));
      e.attributes.put("strerror", args.get(1));
      e.attributes.put("filename", args.size() > 2 ? args.get(2) : PyNone.NONE);
      if (args.size() == 2 || args.size() == 3) {
        return e;
      }
      return e;
    }
    PyExc e = new PyExc(actual, PyTuple.of(args));
    if (type.isSubclassOf(ExcTypes.OS_ERROR)) {
      e.attributes.put("errno", PyNone.NONE);
      e.attributes.put("strerror", PyNone.NONE);
      e.attributes.put("filename", PyNone.NONE);
    }
    if (type == ExcTypes.SYSTEM_EXIT) {
      e.attributes.put(
          "code", args.isEmpty() ? PyNone.NONE : args.size() == 1 ? args.get(0) : e.args);
    }
    return e;
  }

  /** {@code str(e)}, as Python prints it after the class name. */
  String str() {
    Object errno = attributes.get("errno");
    Object strerror = attributes.get("strerror");
    if (errno != null && errno != PyNone.NONE && strerror != null) {
      Object filename = attributes.get("filename");
      String text = "[Errno " + Reprs.str(errno) + "] " + Reprs.str(strerror);
      if (filename != null && filename != PyNone.NONE) {
        text += ": " + Reprs.repr(filename);
      }
      return text;
    }
    if (message != null) {
      return message;
    }
    if (args.size() == 0) {
      return "";
    }
    if (args.size() == 1) {
      return type.isSubclassOf(ExcTypes.KEY_ERROR)
          ? Reprs.repr(args.get(0))
          : Reprs.str(args.get(0));
    }
    return Reprs.repr(args);
  }

  String repr() {
    if (args.size() == 1) {
      return type.name + "(" + Reprs.repr(args.get(0)) + ")";
    }
    String tuple = Reprs.repr(args);
    return type.name + tuple;
  }

  /** {@code ConnectionRefusedError: [Errno 111] Connection refused}: a traceback's last line. */
  String lastLine() {
    String text = str();
    return text.isEmpty() ? type.qualifiedName : type.qualifiedName + ": " + text;
  }
}
