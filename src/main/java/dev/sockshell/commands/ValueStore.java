package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import dev.sockshell.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values commands returned, as {@code $1, $2, …}; {@code _} is the last, as in Python. A loop
 * numbers its values as any command does but keeps only those of its last two rounds ({@link
 * #forget}), so a loop of 10,000 rounds holds a round's worth, not 10,000.
 */
public final class ValueStore {
  /** By number. A hash map: a script adds one per command, and a tree's inserts cost more. */
  private final Map<Integer, Value> values = new HashMap<>();

  /** How many values were numbered, kept or not: the number of the last, {@code _}. */
  private int count;

  /** Keeps {@code value} and returns its number N (for {@code $N}). */
  public int add(Value value) {
    values.put(++count, value);
    return count;
  }

  /** The value {@code $n}, or null if there is none (any more). */
  public Value get(int n) {
    return values.get(n);
  }

  /** How many values were numbered so far (the last one's number). */
  public int size() {
    return count;
  }

  /** How many values are held now: those of loops' earlier rounds are not. */
  public int kept() {
    return values.size();
  }

  /** The number the next value will get. */
  public int next() {
    return count + 1;
  }

  /** Drops the values numbered {@code from} up to, not including, {@code to}; never {@code _}. */
  public void forget(int from, int to) {
    int end = Math.min(to, count);
    for (int n = from; n < end; n++) {
      values.remove(n); // a loop's earlier round: a round's worth of numbers
    }
  }

  public void clear() {
    values.clear();
    count = 0;
  }

  /** The value a reference such as {@code $3}, {@code _} or {@code _[1]} stands for. */
  public Value resolve(Literal.Ref ref) throws UsageError {
    if (count == 0) {
      throw new UsageError(Text.get("usage.value.none", ref.text()), ref.start());
    }
    int n = ref.number() == 0 ? count : ref.number();
    if (n > count) {
      throw new UsageError(Text.get("usage.value.later", n, count), ref.start());
    }
    Value v = values.get(n);
    if (v == null) {
      throw new UsageError(Text.get("usage.value.gone", n), ref.start());
    }
    for (int index : ref.indexes()) {
      List<Value> items =
          v instanceof Value.Tuple t
              ? t.items()
              : v instanceof Value.PyList l
                  ? l.items()
                  : v instanceof Value.Address a ? a.items() : null;
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
