package dev.sockshell.python;

import java.util.Arrays;
import java.util.List;

/** Python's tuple: an immutable sequence, hashable when its items are. */
final class PyTuple {
  static final PyTuple EMPTY = new PyTuple(new Object[0]);

  private final Object[] items;

  private PyTuple(Object[] items) {
    this.items = items;
  }

  static PyTuple of(Object... items) {
    return items.length == 0 ? EMPTY : new PyTuple(items.clone());
  }

  static PyTuple of(List<?> items) {
    return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
  }

  int size() {
    return items.length;
  }

  Object get(int i) {
    return items[i];
  }

  List<Object> items() {
    return Arrays.asList(items.clone());
  }
}
