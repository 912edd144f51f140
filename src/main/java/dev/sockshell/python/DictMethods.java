package dev.sockshell.python;

import java.util.List;

/** The methods of dict. */
final class DictMethods {
  private DictMethods() {}

  /** {@code d.keys()}, {@code d.values()}, {@code d.items()}: live views of a dict. */
  record View(String kind, PyDict dict) {
    List<Object> items() {
      return switch (kind) {
        case "keys" -> dict.keys();
        case "values" -> dict.values();
        default -> List.copyOf(dict.items());
      };
    }

    String repr() {
      return "dict_" + kind + "(" + Reprs.repr(new PyList(items())) + ")";
    }
  }

  static Object method(PyDict d, String name) {
    PyCallable body =
        switch (name) {
          case "get" ->
              (in, a, k) -> {
                Object[] v = Args.parse("get", a, k, 1, "key", "default");
                Object value = d.get(v[0]);
                return value != null ? value : v[1] == null ? PyNone.NONE : v[1];
              };
          case "keys", "values", "items" ->
              (in, a, k) -> {
                Args.none(name, a, k);
                return new View(name, d);
              };
          case "pop" ->
              (in, a, k) -> {
                Object[] v = Args.parse("pop", a, k, 1, "key", "default");
                Object value = d.remove(v[0]);
                if (value == null) {
                  if (v[1] == null) {
                    throw Errors.keyError(v[0]);
                  }
                  return v[1];
                }
                return value;
              };
          case "setdefault" ->
              (in, a, k) -> {
                Object[] v = Args.parse("setdefault", a, k, 1, "key", "default");
                Object value = d.get(v[0]);
                if (value == null) {
                  value = v[1] == null ? PyNone.NONE : v[1];
                  d.put(v[0], value);
                }
                return value;
              };
          case "update" ->
              (in, a, k) -> {
                if (a.size() > 1) {
                  throw Errors.type("update expected at most 1 argument, got " + a.size());
                }
                if (!a.isEmpty()) {
                  Constructors.fill(d, a.get(0));
                }
                k.forEach(d::put);
                return PyNone.NONE;
              };
          case "clear" ->
              (in, a, k) -> {
                d.clear();
                return PyNone.NONE;
              };
          case "copy" ->
              (in, a, k) -> {
                PyDict copy = new PyDict();
                d.items().forEach(i -> copy.put(i.get(0), i.get(1)));
                return copy;
              };
          default -> null;
        };
    return body == null ? null : new BoundMethod(d, name, body);
  }
}
