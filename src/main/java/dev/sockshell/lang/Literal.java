package dev.sockshell.lang;

import dev.sockshell.bytes.ByteString;
import java.util.List;

/**
 * One argument read as a Python-like literal. What it means (data, an address, a value to expect)
 * depends on where it stands; see {@link DataExpr} and {@link AddrExpr}. Columns are the line's.
 */
public sealed interface Literal {
  int start();

  int end();

  /** A quoted str: {@code 'text'} or {@code "text"}. */
  record Text(String text, int start, int end) implements Literal {}

  /** {@code b'...'} or the hex form {@code x'48 69'}. */
  record Bytes(ByteString bytes, int start, int end) implements Literal {}

  /** A number inside a tuple ({@code ('localhost', 9999)}). */
  record Number(double value, boolean integral, int start, int end) implements Literal {
    public long asLong() {
      return (long) value;
    }
  }

  /** Anything unquoted: a name, {@code HOST:PORT}, a bare word of text, a constant. */
  record Word(String text, int start, int end) implements Literal {}

  record Tuple(List<Literal> items, int start, int end) implements Literal {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** {@code [a, b]} inside a tuple, to compare with a list such as select's results. */
  record ListOf(List<Literal> items, int start, int end) implements Literal {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /**
   * A kept value: {@code $N} ({@code number} N), or {@code _}, the last one ({@code number} 0),
   * with optional indexes such as {@code _[1]}.
   */
  record Ref(int number, List<Integer> indexes, int start, int end) implements Literal {
    public Ref {
      indexes = List.copyOf(indexes);
    }

    public String text() {
      StringBuilder sb = new StringBuilder(number == 0 ? "_" : "$" + number);
      indexes.forEach(i -> sb.append('[').append(i).append(']'));
      return sb.toString();
    }
  }

  /** {@code @PATH}: the bytes of a file. */
  record FileRef(String path, int start, int end) implements Literal {}
}
