package dev.sockshell.python;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Python class: a built-in type ({@code int}, {@code bytes}) or an exception class. Calling it
 * makes an instance; {@code isinstance} and {@code except} ask {@link #isInstance}.
 */
final class PyType implements PyCallable {
  final String name;

  /** How its repr names it: {@code socket.gaierror}, or just the name. */
  final String qualifiedName;

  final PyType base;
  private final Predicate<Object> instances;
  private PyCallable constructor;

  private PyType(
      String name,
      String qualifiedName,
      PyType base,
      Predicate<Object> instances,
      PyCallable constructor) {
    this.name = name;
    this.qualifiedName = qualifiedName;
    this.base = base;
    this.instances = instances;
    this.constructor = constructor;
  }

  /** A built-in type whose instances are the Java objects {@code instances} accepts. */
  static PyType builtin(String name, Predicate<Object> instances, PyCallable constructor) {
    return new PyType(name, name, null, instances, constructor);
  }

  /** An exception class; its instances are {@link PyExc} objects of it or a subclass. */
  static PyType exception(String name, String module, PyType base) {
    PyType type = new PyType(name, module == null ? name : module + "." + name, base, null, null);
    type.constructor = (interpreter, args, keywords) -> PyExc.construct(type, args, keywords);
    return type;
  }

  boolean isException() {
    return instances == null;
  }

  boolean isSubclassOf(PyType other) {
    for (PyType t = this; t != null; t = t.base) {
      if (t == other) {
        return true;
      }
    }
    return false;
  }

  boolean isInstance(Object o) {
    if (instances != null) {
      return instances.test(o);
    }
    return o instanceof PyExc e && e.type.isSubclassOf(this);
  }

  @Override
  public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> keywords) {
    if (constructor == null) {
      throw Errors.type("cannot create '" + name + "' instances");
    }
    return constructor.call(interpreter, args, keywords);
  }

  @Override
  public String toString() {
    return "<class '" + qualifiedName + "'>";
  }
}
