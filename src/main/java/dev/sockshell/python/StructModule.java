package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.PyMessages;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code struct}: pack, unpack and calcsize with the byte-order prefixes, native sizes and
 * alignment for {@code @} (x86-64 Linux) and standard sizes for {@code = < > !}.
 */
final class StructModule {

  private static final String BAD_CHAR_IN_STRUCT_FORMAT = "bad char in struct format";

  private StructModule() {}

  static PyModule create() {
    PyModule m = new PyModule("struct");
    m.add("error", ExcTypes.STRUCT_ERROR);
    m.function("pack", StructModule::pack);
    m.function(
        "unpack",
        (in, a, k) -> {
          Args.exactly("unpack", a, k, 2);
          Format f = Format.parse(format(a.get(0)));
          ByteString b = buffer(a.get(1));
          if (b.size() != f.size) {
            throw error("unpack requires a buffer of " + f.size + " bytes");
          }
          return f.unpack(b, 0);
        });
    m.function(
        "unpack_from",
        (in, a, k) -> {
          Object[] v = Args.parse("unpack_from", a, k, 2, "format", "buffer", "offset");
          Format f = Format.parse(format(v[0]));
          ByteString b = buffer(v[1]);
          long offset = v[2] == null ? 0 : Nums.index(v[2]);
          if (offset < 0) {
            offset += b.size();
          }
          if (offset < 0 || offset + f.size > b.size()) {
            throw error(
                "unpack_from requires a buffer of at least "
                    + (f.size + offset)
                    + " bytes for unpacking "
                    + f.size
                    + " bytes at offset "
                    + offset
                    + " (actual buffer size is "
                    + b.size()
                    + ")");
          }
          return f.unpack(b, (int) offset);
        });
    m.function(
        "calcsize",
        (in, a, k) -> {
          Args.exactly("calcsize", a, k, 1);
          return Nums.of(Format.parse(format(a.get(0))).size);
        });
    return m;
  }

  private static PyRaise error(String message) {
    return new PyRaise(PyExc.of(ExcTypes.STRUCT_ERROR, message));
  }

  private static String format(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (Ops.isBytesLike(o)) {
      return new String(Ops.bytes(o).toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    throw Errors.type("Struct() argument 1 must be a str or bytes object, not " + Types.name(o));
  }

  private static ByteString buffer(Object o) {
    if (!Ops.isBytesLike(o)) {
      throw Errors.type(PyMessages.bytesLikeRequired(Types.name(o)));
    }
    return Ops.bytes(o);
  }

  private static Object pack(Interpreter in, List<Object> a, Map<String, Object> k) {
    Args.noKeywords("pack", k);
    if (a.isEmpty()) {
      throw Errors.type("pack expected at least 1 argument, got 0");
    }
    Format f = Format.parse(format(a.get(0)));
    List<Object> values = a.subList(1, a.size());
    if (values.size() != f.items()) {
      throw error("pack expected " + f.items() + " items for packing (got " + values.size() + ")");
    }
    return f.pack(values);
  }

  /** A little-endian C int from 4 bytes at {@code at} (setsockopt's buffers). */
  static int nativeInt(ByteString b, int at) {
    return ByteBuffer.wrap(b.toByteArray(), at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  /** C ints as this machine lays them out, as getsockopt returns a buffer. */
  static ByteString nativeInts(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return ByteString.wrap(b.array());
  }

  /** A parsed format: its codes with counts, its byte order, its size. */
  private static final class Format {
    private record Item(char code, int count, int size, int offset) {}

    private final List<Item> items = new ArrayList<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean nativeMode = true;
    private int size;

    static Format parse(String spec) {
      Format f = new Format();
      int i = 0;
      if (!spec.isEmpty() && "@=<>!".indexOf(spec.charAt(0)) >= 0) {
        char c = spec.charAt(0);
        f.nativeMode = c == '@';
        f.order = c == '>' || c == '!' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        i = 1;
      }
      while (i < spec.length()) {
        char c = spec.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
          continue;
        }
        int count = 1;
        if (Character.isDigit(c)) {
          int start = i;
          while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            i++;
          }
          count = Integer.parseInt(spec.substring(start, i));
          if (i >= spec.length()) {
            throw error("repeat count given without format specifier");
          }
          c = spec.charAt(i);
        }
        int unit = f.unitSize(c);
        if (f.nativeMode && unit > 1 && "sp".indexOf(c) < 0) {
          f.size = (f.size + unit - 1) / unit * unit;
        }
        if (c == 's' || c == 'p') {
          f.items.add(new Item(c, count, count, f.size));
          f.size += count;
        } else {
          for (int n = 0; n < count; n++) {
            f.items.add(new Item(c, 1, unit, f.size));
            f.size += unit;
          }
        }
        i++;
      }
      return f;
    }

    private int unitSize(char c) {
      return switch (c) {
        case 'x', 'c', 'b', 'B', '?', 's', 'p' -> 1;
        case 'h', 'H', 'e' -> 2;
        case 'i', 'I', 'f' -> 4;
        case 'l', 'L' -> nativeMode ? 8 : 4;
        case 'q', 'Q', 'd' -> 8;
        case 'n', 'N', 'P' -> {
          if (!nativeMode) {
            throw error(BAD_CHAR_IN_STRUCT_FORMAT);
          }
          yield 8;
        }
        default -> throw error(BAD_CHAR_IN_STRUCT_FORMAT);
      };
    }

    int items() {
      return (int) items.stream().filter(it -> it.code != 'x').count();
    }

    ByteString pack(List<Object> values) {
      ByteBuffer out = ByteBuffer.allocate(size).order(order);
      int v = 0;
      for (Item item : items) {
        out.position(item.offset);
        if (item.code == 'x') {
          out.put((byte) 0);
          continue;
        }
        Object value = values.get(v++);
        switch (item.code) {
          case 's', 'p' -> {
            if (!Ops.isBytesLike(value)) {
              throw error("argument for '" + item.code + "' must be a bytes object");
            }
            byte[] b = Ops.bytes(value).toByteArray();
            int n = Math.min(b.length, item.code == 'p' ? item.count - 1 : item.count);
            if (item.code == 'p' && item.count > 0) {
              out.put((byte) Math.min(n, 255));
            }
            out.put(b, 0, Math.max(0, n));
          }
          case 'c' -> {
            if (!Ops.isBytesLike(value) || Ops.bytes(value).size() != 1) {
              throw error("char format requires a bytes object of length 1");
            }
            out.put((byte) Ops.bytes(value).get(0));
          }
          case '?' -> out.put((byte) (Ops.truthy(value) ? 1 : 0));
          case 'e', 'f', 'd' -> {
            if (!Nums.isNumber(value)) {
              throw error("required argument is not a float");
            }
            double d = Nums.dbl(value);
            if (item.code == 'd') {
              out.putDouble(d);
            } else if (item.code == 'f') {
              if (!Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                throw Errors.overflow("float too large to pack with f format");
              }
              out.putFloat((float) d);
            } else {
              out.putShort(Half.bits(d));
            }
          }
          default -> putInteger(out, item, value);
        }
      }
      return ByteString.wrap(out.array());
    }

    private void putInteger(ByteBuffer out, Item item, Object value) {
      if (!Nums.isInt(value)) {
        throw error("required argument is not an integer");
      }
      BigInteger n = Nums.big(value);
      char c = item.code;
      boolean unsigned = Character.isUpperCase(c);
      int bytes = item.size;
      if (bytes == 8) {
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(63).negate();
        BigInteger max =
            unsigned
                ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
          throw error("int too large to convert");
        }
        out.putLong(n.longValue());
        return;
      }
      long min = unsigned ? 0 : -(1L << (bytes * 8 - 1));
      long max = unsigned ? (1L << (bytes * 8)) - 1 : (1L << (bytes * 8 - 1)) - 1;
      if (unsigned && n.signum() < 0 && bytes == 4) {
        throw error("argument out of range");
      }
      if (n.bitLength() > 62 || n.longValue() < min || n.longValue() > max) {
        String what = c == 'b' ? "byte format" : c == 'B' ? "ubyte format" : "'" + c + "' format";
        throw error(what + " requires " + min + " <= number <= " + max);
      }
      long l = n.longValue();
      switch (bytes) {
        case 1 -> out.put((byte) l);
        case 2 -> out.putShort((short) l);
        default -> out.putInt((int) l);
      }
    }

    PyTuple unpack(ByteString b, int from) {
      ByteBuffer in = ByteBuffer.wrap(b.toByteArray()).order(order);
      List<Object> out = new ArrayList<>();
      for (Item item : items) {
        int at = from + item.offset;
        switch (item.code) {
          case 'x' -> {}
          case 's' -> out.add(b.substring(at, at + item.count));
          case 'p' -> {
            int n = item.count == 0 ? 0 : Math.min(b.get(at), item.count - 1);
            out.add(b.substring(at + 1, at + 1 + n));
          }
          case 'c' -> out.add(b.substring(at, at + 1));
          case '?' -> out.add(b.get(at) != 0);
          case 'b' -> out.add(Nums.of(in.get(at)));
          case 'B' -> out.add(Nums.of(b.get(at)));
          case 'h' -> out.add(Nums.of(in.getShort(at)));
          case 'H' -> out.add(Nums.of(Short.toUnsignedInt(in.getShort(at))));
          case 'e' -> out.add(Half.value(in.getShort(at)));
          case 'f' -> out.add((double) in.getFloat(at));
          case 'd' -> out.add(in.getDouble(at));
          default -> out.add(integer(in, item, at));
        }
      }
      return PyTuple.of(out);
    }

    private Object integer(ByteBuffer in, Item item, int at) {
      boolean unsigned = Character.isUpperCase(item.code);
      if (item.size == 8) {
        long l = in.getLong(at);
        return unsigned ? new BigInteger(Long.toUnsignedString(l)) : Nums.of(l);
      }
      int i = in.getInt(at);
      return unsigned ? Nums.of(Integer.toUnsignedLong(i)) : Nums.of(i);
    }
  }
}
