package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.PyMessages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The methods of bytes and bytearray. They work on a Latin-1 view (one char per byte) through
 * {@link TextOps}, with ASCII's whitespace and case; results that are bytes keep the type of the
 * object they came from.
 */
final class BytesMethods {
  private BytesMethods() {}

  static Object method(Object self, String name) {
    PyCallable body = body(self, name);
    return body == null ? null : new BoundMethod(self, name, body);
  }

  private static String text(ByteString b) {
    return new String(b.toByteArray(), StandardCharsets.ISO_8859_1);
  }

  private static ByteString bytes(String latin1) {
    return ByteString.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A result of the same type as {@code self}. */
  private static Object same(Object self, ByteString b) {
    return self instanceof PyByteArray ? new PyByteArray(b) : b;
  }

  private static PyCallable body(Object self, String name) {
    ByteString b = Ops.bytes(self);
    PyCallable shared = shared(self, b, name);
    if (shared != null || !(self instanceof PyByteArray array)) {
      return shared;
    }
    return switch (name) {
      case "append" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            array.append(Constructors.byteValue(a.get(0)));
            return PyNone.NONE;
          };
      case "extend" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            array.extend(Constructors.bytesOf(a.get(0)));
            return PyNone.NONE;
          };
      case "clear" ->
          (in, a, k) -> {
            Args.none(name, a, k);
            array.clear();
            return PyNone.NONE;
          };
      case "copy" -> (in, a, k) -> new PyByteArray(array.snapshot());
      case "pop" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "index");
            if (array.size() == 0) {
              throw Errors.index("pop from empty bytearray");
            }
            int i =
                Seqs.position(
                    v[0] == null ? Nums.of(-1) : v[0], array.size(), "pop index out of range");
            int value = array.get(i);
            array.replace(i, i + 1, ByteString.EMPTY);
            return Nums.of(value);
          };
      default -> null;
    };
  }

  private static PyCallable shared(Object self, ByteString b, String name) {
    return switch (name) {
      case "decode" ->
          (in, a, k) -> {
            Object[] v = Args.parse("decode", a, k, 0, "encoding", "errors");
            return Codecs.decode(
                b,
                v[0] == null ? "utf-8" : Args.str(v[0], "decode() argument 'encoding'"),
                v[1] == null ? "strict" : Args.str(v[1], "decode() argument 'errors'"));
          };
      case "split", "rsplit" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "sep", "maxsplit");
            String sep = v[0] == null || v[0] == PyNone.NONE ? null : text(arg(v[0]));
            long max = v[1] == null ? -1 : Nums.index(v[1]);
            List<String> parts =
                name.equals("split")
                    ? TextOps.split(text(b), sep, max, true)
                    : TextOps.rsplit(text(b), sep, max, true);
            return list(self, parts);
          };
      case "splitlines" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "keepends");
            return list(self, TextOps.splitlines(text(b), v[0] != null && Ops.truthy(v[0]), true));
          };
      case "strip", "lstrip", "rstrip" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "bytes");
            String chars = v[0] == null || v[0] == PyNone.NONE ? null : text(arg(v[0]));
            return same(
                self,
                bytes(
                    TextOps.strip(
                        text(b), chars, !name.equals("rstrip"), !name.equals("lstrip"), true)));
          };
      case "startswith", "endswith" -> (in, a, k) -> affix(b, name, a, k);
      case "find", "rfind", "index", "rindex", "count" -> (in, a, k) -> find(b, name, a, k);
      case "join" ->
          (in, a, k) -> {
            Args.exactly("join", a, k, 1);
            StringBuilder sb = new StringBuilder();
            String sep = text(b);
            int i = 0;
            for (var it = Seqs.iterate(a.get(0)); it.hasNext(); i++) {
              Object item = it.next();
              if (!Ops.isBytesLike(item)) {
                throw Errors.type(
                    "sequence item "
                        + i
                        + ": expected a bytes-like object, "
                        + Types.name(item)
                        + " found");
              }
              if (i > 0) {
                sb.append(sep);
              }
              sb.append(text(Ops.bytes(item)));
            }
            return same(self, bytes(sb.toString()));
          };
      case "upper" -> none(self, name, () -> same(self, bytes(asciiCase(text(b), true))));
      case "lower" -> none(self, name, () -> same(self, bytes(asciiCase(text(b), false))));
      case "replace" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 2, "old", "new", "count");
            return same(
                self,
                bytes(
                    TextOps.replace(
                        text(b),
                        text(arg(v[0])),
                        text(arg(v[1])),
                        v[2] == null ? -1 : Nums.index(v[2]))));
          };
      case "hex" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "sep", "bytes_per_sep");
            String hex = b.hex();
            if (v[0] == null) {
              return hex;
            }
            String sep = v[0] instanceof String s ? s : text(arg(v[0]));
            int per = v[1] == null ? 1 : (int) Nums.index(v[1]);
            return groupHex(hex, sep, per);
          };
      case "isdigit" -> test(self, name, b, c -> c >= '0' && c <= '9');
      case "isalpha" -> test(self, name, b, c -> Character.isLetter(c) && c < 128);
      case "isalnum" -> test(self, name, b, c -> Character.isLetterOrDigit(c) && c < 128);
      case "isspace" -> test(self, name, b, c -> TextOps.isSpace(c, true));
      case "isascii" -> none(self, name, () -> text(b).chars().allMatch(c -> c < 128));
      case "partition", "rpartition" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            String s = text(b);
            String sep = text(arg(a.get(0)));
            if (sep.isEmpty()) {
              throw Errors.value("empty separator");
            }
            int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
            Object empty = same(self, ByteString.EMPTY);
            if (at < 0) {
              return name.equals("partition")
                  ? PyTuple.of(same(self, b), empty, same(self, ByteString.EMPTY))
                  : PyTuple.of(empty, same(self, ByteString.EMPTY), same(self, b));
            }
            return PyTuple.of(
                same(self, bytes(s.substring(0, at))),
                same(self, bytes(sep)),
                same(self, bytes(s.substring(at + sep.length()))));
          };
      case "removeprefix", "removesuffix" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            String s = text(b);
            String p = text(arg(a.get(0)));
            if (name.equals("removeprefix")) {
              return same(self, bytes(s.startsWith(p) ? s.substring(p.length()) : s));
            }
            return same(
                self,
                bytes(s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s));
          };
      case "center", "ljust", "rjust" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 1, "width", "fillchar");
            String fill = v[1] == null ? " " : text(arg(v[1]));
            char how = name.equals("ljust") ? '<' : name.equals("rjust") ? '>' : '^';
            return same(self, bytes(TextOps.justify(text(b), Nums.index(v[0]), fill, how)));
          };
      case "zfill" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            return same(self, bytes(TextOps.zfill(text(b), Nums.index(a.get(0)))));
          };
      default -> null;
    };
  }

  private static PyList list(Object self, List<String> parts) {
    List<Object> items = new ArrayList<>();
    parts.forEach(p -> items.add(same(self, bytes(p))));
    return new PyList(items);
  }

  private static String asciiCase(String s, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (upper && c >= 'a' && c <= 'z') {
        sb.append((char) (c - 32));
      } else if (!upper && c >= 'A' && c <= 'Z') {
        sb.append((char) (c + 32));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String groupHex(String hex, String sep, int per) {
    if (hex.isEmpty() || per == 0) {
      return hex;
    }
    int unit = Math.abs(per) * 2;
    List<String> groups = new ArrayList<>();
    if (per > 0) {
      int first = hex.length() % unit == 0 ? unit : hex.length() % unit;
      groups.add(hex.substring(0, first));
      for (int i = first; i < hex.length(); i += unit) {
        groups.add(hex.substring(i, i + unit));
      }
    } else {
      int i = 0;
      for (; i + unit < hex.length(); i += unit) {
        groups.add(hex.substring(i, i + unit));
      }
      groups.add(hex.substring(i));
    }
    return String.join(sep, groups);
  }

  /** A bytes-like argument (a separator, a prefix), or TypeError as Python words it. */
  private static ByteString arg(Object o) {
    if (Ops.isBytesLike(o)) {
      return Ops.bytes(o);
    }
    throw Errors.type(PyMessages.bytesLikeRequired(Types.name(o)));
  }

  private interface Value {
    Object get();
  }

  private static PyCallable none(Object self, String name, Value value) {
    return (in, a, k) -> {
      if (!a.isEmpty() || !k.isEmpty()) {
        throw Errors.type(
            Types.name(self) + "." + name + "() takes no arguments (" + a.size() + " given)");
      }
      return value.get();
    };
  }

  private static PyCallable test(
      Object self, String name, ByteString b, java.util.function.IntPredicate p) {
    return none(self, name, () -> b.size() > 0 && text(b).chars().allMatch(p));
  }

  private static Object affix(ByteString b, String name, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse(name, a, k, 1, "prefix", "start", "end");
    int[] bounds = TextOps.bounds(v[1], v[2], b.size());
    String range = bounds[0] <= bounds[1] ? text(b).substring(bounds[0], bounds[1]) : null;
    List<Object> options = v[0] instanceof PyTuple t ? t.items() : List.of(v[0]);
    for (Object o : options) {
      if (!Ops.isBytesLike(o)) {
        throw Errors.type(
            name + " first arg must be bytes or a tuple of bytes, not " + Types.name(o));
      }
      String p = text(Ops.bytes(o));
      if (range != null && (name.equals("startswith") ? range.startsWith(p) : range.endsWith(p))) {
        return true;
      }
    }
    return false;
  }

  private static Object find(ByteString b, String name, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse(name, a, k, 1, "sub", "start", "end");
    String sub;
    if (Nums.isInt(v[0])) {
      int value = Constructors.byteValue(v[0]);
      sub = String.valueOf((char) value);
    } else {
      if (!Ops.isBytesLike(v[0])) {
        throw Errors.type(
            "argument should be integer or bytes-like object, not '" + Types.name(v[0]) + "'");
      }
      sub = text(Ops.bytes(v[0]));
    }
    int[] bounds = TextOps.bounds(v[1], v[2], b.size());
    String s = text(b);
    if (name.equals("count")) {
      return Nums.of(TextOps.count(s, sub, bounds[0], bounds[1]));
    }
    int at = -1;
    if (bounds[0] <= bounds[1]) {
      String range = s.substring(bounds[0], bounds[1]);
      int i = name.startsWith("r") ? range.lastIndexOf(sub) : range.indexOf(sub);
      at = i < 0 ? -1 : bounds[0] + i;
    }
    if (at < 0 && name.endsWith("index")) {
      throw Errors.value("subsection not found");
    }
    return Nums.of(at);
  }

  /** {@code bytes.fromhex('68 69')}: hex digit pairs, whitespace between pairs allowed. */
  static ByteString fromHex(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (TextOps.isSpace(c, true)) {
        i++;
        continue;
      }
      int hi = Character.digit(c, 16);
      int lo = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      if (hi < 0 || lo < 0 || c > 127 || s.charAt(i + 1) > 127) {
        int at = hi < 0 || c > 127 ? i : i + 1;
        throw Errors.value("non-hexadecimal number found in fromhex() arg at position " + at);
      }
      out.write(hi * 16 + lo);
      i += 2;
    }
    return ByteString.wrap(out.toByteArray());
  }
}
