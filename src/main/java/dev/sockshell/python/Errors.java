package dev.sockshell.python;

import dev.sockshell.net.PyMessages;

/** Python exceptions raised by the interpreter itself, with CPython's messages. */
final class Errors {
  private Errors() {}

  static PyRaise raise(PyType type, String message) {
    return new PyRaise(PyExc.of(type, message));
  }

  static PyRaise type(String message) {
    return raise(ExcTypes.TYPE_ERROR, message);
  }

  static PyRaise value(String message) {
    return raise(ExcTypes.VALUE_ERROR, message);
  }

  static PyRaise index(String message) {
    return raise(ExcTypes.INDEX_ERROR, message);
  }

  static PyRaise overflow(String message) {
    return raise(ExcTypes.OVERFLOW_ERROR, message);
  }

  static PyRaise zeroDivision(String message) {
    return raise(ExcTypes.ZERO_DIVISION_ERROR, message);
  }

  static PyRaise attribute(Object object, String name) {
    String type = Types.name(object);
    if (object instanceof PyModule m) {
      return raise(
          ExcTypes.ATTRIBUTE_ERROR, "module '" + m.name + "' has no attribute '" + name + "'");
    }
    if (object instanceof PyType t) {
      return raise(
          ExcTypes.ATTRIBUTE_ERROR, "type object '" + t.name + "' has no attribute '" + name + "'");
    }
    return noAttribute(type, name);
  }

  static PyRaise keyError(Object key) {
    return new PyRaise(PyExc.of(ExcTypes.KEY_ERROR, key));
  }

  static PyRaise nameError(String name) {
    return raise(ExcTypes.NAME_ERROR, "name '" + name + "' is not defined");
  }

  /** {@code unsupported operand type(s) for +: 'int' and 'str'}. */
  static PyRaise operands(String op, Object left, Object right) {
    return type(
        "unsupported operand type(s) for "
            + op
            + ": '"
            + Types.name(left)
            + "' and '"
            + Types.name(right)
            + "'");
  }

  /** {@code 'int' object cannot be interpreted as an integer} and friends. */
  static PyRaise notAnInteger(Object o) {
    return type(PyMessages.notAnInteger(Types.name(o)));
  }

  /** {@code 'int' object has no attribute 'x'}. */
  static PyRaise noAttribute(String type, String name) {
    return raise(ExcTypes.ATTRIBUTE_ERROR, "'" + type + "' object has no attribute '" + name + "'");
  }
}
