package dev.sockshell.python;

import java.util.ArrayList;
import java.util.List;

/** Python's list: a mutable sequence (unhashable). */
final class PyList {
  final List<Object> items;

  PyList() {
    this.items = new ArrayList<>();
  }

  PyList(List<?> items) {
    this.items = new ArrayList<>(items);
  }
}
