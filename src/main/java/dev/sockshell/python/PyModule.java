package dev.sockshell.python;

import java.util.LinkedHashMap;
import java.util.Map;

/** An imported module: a name and its attributes. */
final class PyModule {
  final String name;
  final Map<String, Object> attributes = new LinkedHashMap<>();

  PyModule(String name) {
    this.name = name;
  }

  PyModule add(String attribute, Object value) {
    attributes.put(attribute, value);
    return this;
  }

  PyModule function(String attribute, PyCallable body) {
    return add(attribute, new Builtin(attribute, body));
  }
}
