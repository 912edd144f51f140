package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Length, indexing, slicing and iteration of Python's sequences and dicts. */
final class Seqs {

  private static final String INDICES_NOT_INTEGERS = " indices must be integers or slices, not ";
  private static final String BYTEARRAY_INDEX_OUT_OF_RANGE = "bytearray index out of range";
  private static final String OBJECT_IS_NOT_SUBSCRIPTABLE = "' object is not subscriptable";
  private static final String LIST_ASSIGNMENT_INDEX_OUT_OF_RANGE =
      "list assignment index out of range";

  private Seqs() {}

  static long len(Object o) {
    if (o instanceof String s) {
      return s.codePointCount(0, s.length());
    } else if (o instanceof ByteString b) {
      return b.size();
    } else if (o instanceof PyByteArray b) {
      return b.size();
    } else if (o instanceof PyList l) {
      return l.items.size();
    } else if (o instanceof PyTuple t) {
      return t.size();
    } else if (o instanceof PyDict d) {
      return d.size();
    } else if (o instanceof PyRange r) {
      return r.length();
    } else if (o instanceof DictMethods.View v) {
      return v.dict().size();
    }
    throw Errors.type("object of type '" + Types.name(o) + "' has no len()");
  }

  /** A sequence's items as a Java list (a copy for mutable ones), or null if not a sequence. */
  static Iterator<Object> iterate(Object o) {
    if (o instanceof PyList l) {
      // Python's list iterator reads the list as it is now: appends during the loop are seen.
      return new Iterator<>() {
        private int i;

        @Override
        public boolean hasNext() {
          return i < l.items.size();
        }

        @Override
        public Object next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return l.items.get(i++);
        }
      };
    } else if (o instanceof PyTuple t) {
      return t.items().iterator();
    } else if (o instanceof String s) {
      return s.codePoints().mapToObj(cp -> (Object) Character.toString(cp)).iterator();
    } else if (o instanceof ByteString || o instanceof PyByteArray) {
      ByteString b = Ops.bytes(o);
      List<Object> ints = new ArrayList<>(b.size());
      for (int i = 0; i < b.size(); i++) {
        ints.add(Nums.of(b.get(i)));
      }
      return ints.iterator();
    } else if (o instanceof PyDict d) {
      return d.keys().iterator();
    } else if (o instanceof PyRange r) {
      return new Iterator<>() {
        private long i;

        @Override
        public boolean hasNext() {
          return i < r.length();
        }

        @Override
        public Object next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return Nums.of(r.get(i++));
        }
      };
    } else if (o instanceof SocketFile f) {
      return f.lines();
    } else if (o instanceof PyIterator i) {
      return i.items();
    } else if (o instanceof DictMethods.View v) {
      return v.items().iterator();
    }
    throw Errors.type("'" + Types.name(o) + "' object is not iterable");
  }

  static List<Object> toList(Object iterable) {
    List<Object> items = new ArrayList<>();
    iterate(iterable).forEachRemaining(items::add);
    return items;
  }

  static Object getItem(Object o, Object index) {
    if (o instanceof PyDict d) {
      Object v = d.get(index);
      if (v == null) {
        throw Errors.keyError(index);
      }
      return v;
    }
    if (index instanceof Slice s) {
      return slice(o, s);
    }
    if (o instanceof String s) {
      if (!Nums.isInt(index)) {
        throw Errors.type("string indices must be integers, not '" + Types.name(index) + "'");
      }
      int[] cps = s.codePoints().toArray();
      int i = position(index, cps.length, "string index out of range");
      return Character.toString(cps[i]);
    }
    if (o instanceof ByteString || o instanceof PyByteArray) {
      ByteString b = Ops.bytes(o);
      if (!Nums.isInt(index)) {
        throw Errors.type(
            (o instanceof ByteString ? "byte" : "bytearray")
                + INDICES_NOT_INTEGERS
                + Types.name(index));
      }
      int i =
          position(
              index,
              b.size(),
              o instanceof ByteString ? "index out of range" : BYTEARRAY_INDEX_OUT_OF_RANGE);
      return Nums.of(b.get(i));
    }
    if (o instanceof PyList l) {
      checkIndex(index, "list");
      return l.items.get(position(index, l.items.size(), "list index out of range"));
    }
    if (o instanceof PyTuple t) {
      checkIndex(index, "tuple");
      return t.get(position(index, t.size(), "tuple index out of range"));
    }
    if (o instanceof PyRange r) {
      checkIndex(index, "range");
      long length = r.length();
      long i = Nums.index(index);
      if (i < 0) {
        i += length;
      }
      if (i < 0 || i >= length) {
        throw Errors.index("range object index out of range");
      }
      return Nums.of(r.get(i));
    }
    throw Errors.type("'" + Types.name(o) + OBJECT_IS_NOT_SUBSCRIPTABLE);
  }

  private static void checkIndex(Object index, String type) {
    if (!Nums.isInt(index)) {
      throw Errors.type(type + INDICES_NOT_INTEGERS + Types.name(index));
    }
  }

  /** A Python index (negative from the end) checked against {@code size}. */
  static int position(Object index, int size, String message) {
    BigInteger b = Nums.big(index);
    if (b.bitLength() > 31) {
      throw Errors.index(message);
    }
    int i = b.intValue();
    if (i < 0) {
      i += size;
    }
    if (i < 0 || i >= size) {
      throw Errors.index(message);
    }
    return i;
  }

  /** A slice object: the value of {@code a:b:c} inside brackets. */
  record Slice(Object lower, Object upper, Object step) {
    /** start, stop, step and count for a sequence of {@code length}, as slice.indices does. */
    long[] indices(long length) {
      long st = step == PyNone.NONE ? 1 : bound(step);
      if (st == 0) {
        throw Errors.value("slice step cannot be zero");
      }
      long lo;
      long hi;
      if (st > 0) {
        lo = lower == PyNone.NONE ? 0 : clamp(bound(lower), length, 0, length);
        hi = upper == PyNone.NONE ? length : clamp(bound(upper), length, 0, length);
      } else {
        lo = lower == PyNone.NONE ? length - 1 : clamp(bound(lower), length, -1, length - 1);
        hi = upper == PyNone.NONE ? -1 : clamp(bound(upper), length, -1, length - 1);
      }
      long count =
          st > 0 ? (hi > lo ? (hi - lo - 1) / st + 1 : 0) : (lo > hi ? (lo - hi - 1) / -st + 1 : 0);
      return new long[] {lo, hi, st, count};
    }

    private static long bound(Object o) {
      if (!Nums.isInt(o)) {
        throw Errors.type("slice indices must be integers or None or have an __index__ method");
      }
      BigInteger b = Nums.big(o);
      return b.bitLength() > 62
          ? (b.signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2)
          : b.longValue();
    }

    private static long clamp(long i, long length, long min, long max) {
      if (i < 0) {
        i += length;
      }
      return Math.max(min, Math.min(max, i));
    }
  }

  static Object slice(Object o, Slice s) {
    if (o instanceof String str) {
      int[] cps = str.codePoints().toArray();
      long[] ix = s.indices(cps.length);
      StringBuilder sb = new StringBuilder();
      for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
        sb.appendCodePoint(cps[(int) i]);
      }
      return sb.toString();
    }
    if (o instanceof ByteString || o instanceof PyByteArray) {
      ByteString b = Ops.bytes(o);
      long[] ix = s.indices(b.size());
      ByteString result;
      if (ix[2] == 1) {
        result = b.substring((int) ix[0], (int) (ix[0] + ix[3]));
      } else {
        byte[] out = new byte[(int) ix[3]];
        for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
          out[(int) k] = (byte) b.get((int) i);
        }
        result = ByteString.wrap(out);
      }
      return o instanceof PyByteArray ? new PyByteArray(result) : result;
    }
    if (o instanceof PyList || o instanceof PyTuple) {
      List<Object> items = o instanceof PyList l ? l.items : ((PyTuple) o).items();
      long[] ix = s.indices(items.size());
      List<Object> out = new ArrayList<>();
      for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
        out.add(items.get((int) i));
      }
      return o instanceof PyList ? new PyList(out) : PyTuple.of(out);
    }
    if (o instanceof PyRange r) {
      long[] ix = s.indices(r.length());
      return new PyRange(r.get(ix[0]), r.get(ix[0]) + ix[3] * ix[2] * r.step(), r.step() * ix[2]);
    }
    if (o instanceof PyDict) {
      throw Errors.type("unhashable type: 'slice'");
    }
    throw Errors.type("'" + Types.name(o) + OBJECT_IS_NOT_SUBSCRIPTABLE);
  }

  static void setItem(Object o, Object index, Object value) {
    if (o instanceof PyDict d) {
      d.put(index, value);
    } else if (o instanceof PyList l) {
      if (index instanceof Slice s) {
        long[] ix = s.indices(l.items.size());
        List<Object> replacement = toList(value);
        if (ix[2] != 1) {
          if (replacement.size() != ix[3]) {
            throw Errors.value(
                "attempt to assign sequence of size "
                    + replacement.size()
                    + " to extended slice of size "
                    + ix[3]);
          }
          for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
            l.items.set((int) i, replacement.get((int) k));
          }
          return;
        }
        int from = (int) ix[0];
        int to = (int) Math.max(ix[0], ix[1]);
        l.items.subList(from, to).clear();
        l.items.addAll(from, replacement);
        return;
      }
      checkIndex(index, "list");
      l.items.set(position(index, l.items.size(), LIST_ASSIGNMENT_INDEX_OUT_OF_RANGE), value);
    } else if (o instanceof PyByteArray b) {
      if (index instanceof Slice s) {
        long[] ix = s.indices(b.size());
        if (ix[2] != 1) {
          throw Errors.value("extended slice assignment to bytearray is not supported");
        }
        b.replace((int) ix[0], (int) Math.max(ix[0], ix[1]), Constructors.bytesOf(value));
        return;
      }
      checkIndex(index, "bytearray");
      int i = position(index, b.size(), BYTEARRAY_INDEX_OUT_OF_RANGE);
      b.set(i, Constructors.byteValue(value));
    } else {
      throw Errors.type("'" + Types.name(o) + "' object does not support item assignment");
    }
  }

  static void delItem(Object o, Object index) {
    if (o instanceof PyDict d) {
      if (d.remove(index) == null) {
        throw Errors.keyError(index);
      }
    } else if (o instanceof PyList l) {
      if (index instanceof Slice s) {
        long[] ix = s.indices(l.items.size());
        List<Integer> gone = new ArrayList<>();
        for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) {
          gone.add((int) i);
        }
        gone.sort(java.util.Comparator.reverseOrder());
        for (int i : gone) {
          l.items.remove(i);
        }
        return;
      }
      checkIndex(index, "list");
      l.items.remove(position(index, l.items.size(), LIST_ASSIGNMENT_INDEX_OUT_OF_RANGE));
    } else if (o instanceof PyByteArray b) {
      if (index instanceof Slice s) {
        long[] ix = s.indices(b.size());
        if (ix[2] == 1) {
          b.replace((int) ix[0], (int) Math.max(ix[0], ix[1]), ByteString.EMPTY);
          return;
        }
      }
      checkIndex(index, "bytearray");
      int i = position(index, b.size(), BYTEARRAY_INDEX_OUT_OF_RANGE);
      b.replace(i, i + 1, ByteString.EMPTY);
    } else {
      throw Errors.type("'" + Types.name(o) + "' object doesn't support item deletion");
    }
  }
}
