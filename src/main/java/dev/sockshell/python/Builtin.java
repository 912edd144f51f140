package dev.sockshell.python;

import java.util.List;
import java.util.Map;

/** A function written in Java: {@code len}, {@code struct.pack}, {@code socket.getaddrinfo}. */
record Builtin(String name, PyCallable body) implements PyCallable {
  @Override
  public Object call(Interpreter interpreter, List<Object> args, Map<String, Object> keywords) {
    return body.call(interpreter, args, keywords);
  }
}
