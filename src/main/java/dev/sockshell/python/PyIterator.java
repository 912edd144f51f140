package dev.sockshell.python;

import java.util.Iterator;

/** An iterator object: what {@code iter}, {@code enumerate}, {@code zip} and {@code map} return. */
record PyIterator(String kind, Iterator<Object> items) {
  String repr() {
    return "<" + kind + " object at " + Reprs.address(this) + ">";
  }
}
