package dev.sockshell.python;

import java.util.List;
import java.util.Map;

/** A method of a built-in object taken as a value: {@code data.decode}, {@code sock.recv}. */
record BoundMethod(Object self, String name, PyCallable body) implements PyCallable {
  @Override
  public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> keywords) {
    return body.call(interpreter, args, keywords);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoundMethod b && b.self == self && b.name.equals(name);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(self) * 31 + name.hashCode();
  }
}
