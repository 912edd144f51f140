package dev.sockshell.python;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The methods of list and tuple. */
final class ListMethods {
  private ListMethods() {}

  static Object method(PyList l, String name) {
    PyCallable body =
        switch (name) {
          case "append" ->
              (in, a, k) -> {
                Args.exactly("append", a, k, 1);
                l.items.add(a.get(0));
                return PyNone.NONE;
              };
          case "extend" ->
              (in, a, k) -> {
                Args.exactly("extend", a, k, 1);
                l.items.addAll(Seqs.toList(a.get(0)));
                return PyNone.NONE;
              };
          case "insert" ->
              (in, a, k) -> {
                Args.exactly("insert", a, k, 2);
                long i = Nums.index(a.get(0));
                int size = l.items.size();
                if (i < 0) {
                  i = Math.max(0, i + size);
                }
                l.items.add((int) Math.min(i, size), a.get(1));
                return PyNone.NONE;
              };
          case "pop" ->
              (in, a, k) -> {
                Object[] v = Args.parse("pop", a, k, 0, "index");
                if (l.items.isEmpty()) {
                  throw Errors.index("pop from empty list");
                }
                return l.items.remove(
                    Seqs.position(
                        v[0] == null ? Nums.of(-1) : v[0],
                        l.items.size(),
                        "pop index out of range"));
              };
          case "remove" ->
              (in, a, k) -> {
                Args.exactly("remove", a, k, 1);
                for (int i = 0; i < l.items.size(); i++) {
                  if (Ops.equal(l.items.get(i), a.get(0))) {
                    l.items.remove(i);
                    return PyNone.NONE;
                  }
                }
                throw Errors.value("list.remove(x): x not in list");
              };
          case "index" -> (in, a, k) -> index(l.items, a, k, "list.index(x): x not in list");
          case "count" -> (in, a, k) -> count(l.items, a, k);
          case "clear" ->
              (in, a, k) -> {
                Args.none("clear", a, k);
                l.items.clear();
                return PyNone.NONE;
              };
          case "copy" -> (in, a, k) -> new PyList(l.items);
          case "reverse" ->
              (in, a, k) -> {
                Collections.reverse(l.items);
                return PyNone.NONE;
              };
          case "sort" ->
              (in, a, k) -> {
                if (!a.isEmpty()) {
                  throw Errors.type("sort() takes no positional arguments");
                }
                Object key = k.getOrDefault("key", PyNone.NONE);
                boolean reverse = Ops.truthy(k.getOrDefault("reverse", false));
                sort(in, l.items, key, reverse);
                return PyNone.NONE;
              };
          default -> null;
        };
    return body == null ? null : new BoundMethod(l, name, body);
  }

  /** Sorts in place, stably, by {@code key} (None: the items themselves). */
  static void sort(Interpreter in, List<Object> items, Object key, boolean reverse) {
    List<Object[]> keyed = new ArrayList<>();
    for (Object item : items) {
      Object k = key == PyNone.NONE ? item : in.call(key, List.of(item), new java.util.HashMap<>());
      keyed.add(new Object[] {k, item});
    }
    keyed.sort(
        (x, y) -> {
          int c =
              Evaluator.compare("<", x[0], y[0]) ? -1 : Evaluator.compare("<", y[0], x[0]) ? 1 : 0;
          return reverse ? -c : c;
        });
    items.clear();
    keyed.forEach(pair -> items.add(pair[1]));
  }

  static Object tupleMethod(PyTuple t, String name) {
    PyCallable body =
        switch (name) {
          case "index" -> (in, a, k) -> index(t.items(), a, k, "tuple.index(x): x not in tuple");
          case "count" -> (in, a, k) -> count(t.items(), a, k);
          default -> null;
        };
    return body == null ? null : new BoundMethod(t, name, body);
  }

  private static Object index(
      List<Object> items, List<Object> a, java.util.Map<String, Object> k, String message) {
    Object[] v = Args.parse("index", a, k, 1, "value", "start", "stop");
    int[] b = TextOps.bounds(v[1], v[2], items.size());
    for (int i = b[0]; i < b[1]; i++) {
      if (Ops.equal(items.get(i), v[0])) {
        return Nums.of(i);
      }
    }
    throw Errors.value(message);
  }

  private static Object count(List<Object> items, List<Object> a, java.util.Map<String, Object> k) {
    Args.exactly("count", a, k, 1);
    long n = items.stream().filter(item -> Ops.equal(item, a.get(0))).count();
    return Nums.of(n);
  }
}
