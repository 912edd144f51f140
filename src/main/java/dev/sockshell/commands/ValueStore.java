package dev.sockshell.commands;

import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;

/** The values commands returned, as {@code $1, $2, …}; {@code _} is the last, as in Python. */
public final class ValueStore {
  private final List<Value> values = new ArrayList<>();

  /** Keeps {@code value} and returns its number N (for {@code $N}). */
  public int add(Value value) {
    values.add(value);
    return values.size();
  }

  public int size() {
    return values.size();
  }

  public void clear() {
    values.clear();
  }

  /** The value a reference such as {@code $3}, {@code _} or {@code _[1]} stands for. */
  public Value resolve(Literal.Ref ref) throws UsageError {
    if (values.isEmpty()) {
      throw new UsageError(
          ref.text() + ": no value yet; commands that return one keep it as $1," + " $2, …",
          ref.start());
    }
    int n = ref.number() == 0 ? values.size() : ref.number();
    if (n > values.size()) {
      throw new UsageError(
          "$" + n + " does not exist yet; the values so far are $1.." + "$" + values.size(),
          ref.start());
    }
    Value v = values.get(n - 1);
    for (int index : ref.indexes()) {
      List<Value> items =
          v instanceof Value.Tuple t ? t.items() : v instanceof Value.PyList l ? l.items() : null;
      if (items == null) {
        throw new UsageError(
            ref.text()
                + ": "
                + v.typeName()
                + " cannot be indexed; only pairs"
                + " such as (data, addr) and lists can",
            ref.start());
      }
      if (index >= items.size()) {
        throw new UsageError(
            ref.text()
                + ": index "
                + index
                + " is out of range for a "
                + v.typeName()
                + " of "
                + items.size(),
            ref.start());
      }
      v = items.get(index);
    }
    return v;
  }
}
