package dev.sockshell.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's dict, in insertion order. Keys are looked up by Python equality ({@code 1}, {@code 1.0}
 * and {@code True} are one key), through {@link Ops#hashKey}; the first key stored is kept.
 */
final class PyDict {
  private record Entry(Object key, Object value) {}

  private final Map<Object, Entry> entries = new LinkedHashMap<>();

  Object get(Object key) {
    Entry e = entries.get(Ops.hashKey(key));
    return e == null ? null : e.value();
  }

  void put(Object key, Object value) {
    Object k = Ops.hashKey(key);
    Entry old = entries.get(k);
    entries.put(k, new Entry(old == null ? key : old.key(), value));
  }

  /** The value removed, or null if the key was not there. */
  Object remove(Object key) {
    Entry e = entries.remove(Ops.hashKey(key));
    return e == null ? null : e.value();
  }

  boolean containsKey(Object key) {
    return entries.containsKey(Ops.hashKey(key));
  }

  int size() {
    return entries.size();
  }

  void clear() {
    entries.clear();
  }

  List<Object> keys() {
    List<Object> keys = new ArrayList<>();
    entries.values().forEach(e -> keys.add(e.key()));
    return keys;
  }

  List<Object> values() {
    List<Object> values = new ArrayList<>();
    entries.values().forEach(e -> values.add(e.value()));
    return values;
  }

  List<PyTuple> items() {
    List<PyTuple> items = new ArrayList<>();
    entries.values().forEach(e -> items.add(PyTuple.of(e.key(), e.value())));
    return items;
  }
}
