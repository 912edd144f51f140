package dev.sockshell.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The methods of str that socket code uses. */
final class StrMethods {
  private StrMethods() {}

  static Object method(String s, String name) {
    PyCallable body = body(s, name);
    return body == null ? null : new BoundMethod(s, name, body);
  }

  private static PyCallable body(String s, String name) {
    return switch (name) {
      case "encode" ->
          (in, a, k) -> {
            Object[] v = Args.parse("encode", a, k, 0, "encoding", "errors");
            return Codecs.encode(
                s,
                v[0] == null ? "utf-8" : Args.str(v[0], "encode() argument 'encoding'"),
                v[1] == null ? "strict" : Args.str(v[1], "encode() argument 'errors'"));
          };
      case "split", "rsplit" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "sep", "maxsplit");
            String sep = v[0] == null || v[0] == PyNone.NONE ? null : sep(v[0]);
            long max = v[1] == null ? -1 : Nums.index(v[1]);
            List<String> parts =
                name.equals("split")
                    ? TextOps.split(s, sep, max, false)
                    : TextOps.rsplit(s, sep, max, false);
            return new PyList(parts);
          };
      case "splitlines" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "keepends");
            return new PyList(TextOps.splitlines(s, v[0] != null && Ops.truthy(v[0]), false));
          };
      case "strip", "lstrip", "rstrip" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "chars");
            String chars = v[0] == null || v[0] == PyNone.NONE ? null : sep(v[0]);
            return TextOps.strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip"), false);
          };
      case "startswith", "endswith" -> (in, a, k) -> affix(s, name, a, k);
      case "find", "rfind", "index", "rindex" -> (in, a, k) -> find(s, name, a, k);
      case "count" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 1, "sub", "start", "end");
            int[] b = javaBounds(s, v[1], v[2]);
            return Nums.of(TextOps.count(s, sep(v[0]), b[0], b[1]));
          };
      case "join" ->
          (in, a, k) -> {
            Args.exactly("join", a, k, 1);
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (var it = Seqs.iterate(a.get(0)); it.hasNext(); i++) {
              Object item = it.next();
              if (!(item instanceof String t)) {
                throw Errors.type(
                    "sequence item "
                        + i
                        + ": expected str instance, "
                        + Types.name(item)
                        + " found");
              }
              if (i > 0) {
                sb.append(s);
              }
              sb.append(t);
            }
            return sb.toString();
          };
      case "upper" -> none(name, () -> s.toUpperCase(Locale.ROOT));
      case "lower" -> none(name, () -> s.toLowerCase(Locale.ROOT));
      case "casefold" -> none(name, () -> s.toLowerCase(Locale.ROOT));
      case "swapcase" ->
          none(
              name,
              () -> {
                StringBuilder sb = new StringBuilder();
                s.codePoints()
                    .forEach(
                        c ->
                            sb.appendCodePoint(
                                Character.isUpperCase(c)
                                    ? Character.toLowerCase(c)
                                    : Character.toUpperCase(c)));
                return sb.toString();
              });
      case "title" -> none(name, () -> TextOps.title(s));
      case "capitalize" ->
          none(
              name,
              () ->
                  s.isEmpty()
                      ? s
                      : s.substring(0, 1).toUpperCase(Locale.ROOT)
                          + s.substring(1).toLowerCase(Locale.ROOT));
      case "replace" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 2, "old", "new", "count");
            return TextOps.replace(s, sep(v[0]), sep(v[1]), v[2] == null ? -1 : Nums.index(v[2]));
          };
      case "format" -> (in, a, k) -> Formatting.strFormat(in, s, a, k);
      case "isdigit", "isnumeric", "isdecimal" -> test(name, s, Character::isDigit);
      case "isalpha" -> test(name, s, Character::isLetter);
      case "isalnum" -> test(name, s, Character::isLetterOrDigit);
      case "isspace" -> test(name, s, c -> TextOps.isSpace(c, false));
      case "isupper" -> none(name, () -> hasCased(s) && s.equals(s.toUpperCase(Locale.ROOT)));
      case "islower" -> none(name, () -> hasCased(s) && s.equals(s.toLowerCase(Locale.ROOT)));
      case "isprintable" ->
          none(name, () -> s.codePoints().allMatch(dev.sockshell.bytes.Printable::isPrintable));
      case "isascii" -> none(name, () -> s.chars().allMatch(c -> c < 128));
      case "isidentifier" ->
          none(
              name,
              () ->
                  !s.isEmpty()
                      && Character.isJavaIdentifierStart(s.charAt(0))
                      && s.charAt(0) != '$'
                      && s.chars().allMatch(c -> Character.isJavaIdentifierPart(c) && c != '$'));
      case "partition", "rpartition" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            String sep = sep(a.get(0));
            if (sep.isEmpty()) {
              throw Errors.value("empty separator");
            }
            int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
            if (at < 0) {
              return name.equals("partition") ? PyTuple.of(s, "", "") : PyTuple.of("", "", s);
            }
            return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
          };
      case "zfill" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            return TextOps.zfill(s, Nums.index(a.get(0)));
          };
      case "center", "ljust", "rjust" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 1, "width", "fillchar");
            String fill = v[1] == null ? " " : sep(v[1]);
            if (fill.codePointCount(0, fill.length()) != 1) {
              throw Errors.type("The fill character must be exactly one character long");
            }
            char how = name.equals("ljust") ? '<' : name.equals("rjust") ? '>' : '^';
            return TextOps.justify(s, Nums.index(v[0]), fill, how);
          };
      case "removeprefix" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            String p = sep(a.get(0));
            return s.startsWith(p) ? s.substring(p.length()) : s;
          };
      case "removesuffix" ->
          (in, a, k) -> {
            Args.exactly(name, a, k, 1);
            String p = sep(a.get(0));
            return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
          };
      case "expandtabs" ->
          (in, a, k) -> {
            Object[] v = Args.parse(name, a, k, 0, "tabsize");
            int size = v[0] == null ? 8 : (int) Nums.index(v[0]);
            StringBuilder sb = new StringBuilder();
            int column = 0;
            for (char c : s.toCharArray()) {
              if (c == '\t') {
                int spaces = size <= 0 ? 0 : size - column % size;
                sb.append(" ".repeat(spaces));
                column += spaces;
              } else {
                sb.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
              }
            }
            return sb.toString();
          };
      default -> null;
    };
  }

  private static boolean hasCased(String s) {
    return s.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
  }

  private interface Value {
    Object get();
  }

  private static PyCallable none(String name, Value value) {
    return (in, a, k) -> {
      if (!a.isEmpty() || !k.isEmpty()) {
        throw Errors.type("str." + name + "() takes no arguments (" + a.size() + " given)");
      }
      return value.get();
    };
  }

  private static PyCallable test(String name, String s, java.util.function.IntPredicate p) {
    return none(name, () -> !s.isEmpty() && s.codePoints().allMatch(p));
  }

  private static String sep(Object o) {
    if (o instanceof String s) {
      return s;
    }
    throw Errors.type("must be str or None, not " + Types.name(o));
  }

  /** start/end arguments (code points) as Java indices. */
  private static int[] javaBounds(String s, Object start, Object end) {
    int length = s.codePointCount(0, s.length());
    int[] b = TextOps.bounds(start, end, length);
    return new int[] {s.offsetByCodePoints(0, b[0]), s.offsetByCodePoints(0, b[1])};
  }

  private static Object affix(String s, String name, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse(name, a, k, 1, "prefix", "start", "end");
    int[] b = javaBounds(s, v[1], v[2]);
    String range = b[0] <= b[1] ? s.substring(b[0], b[1]) : null;
    List<Object> options = v[0] instanceof PyTuple t ? t.items() : List.of(v[0]);
    for (Object o : options) {
      if (!(o instanceof String p)) {
        throw Errors.type(name + " first arg must be str or a tuple of str, not " + Types.name(o));
      }
      if (range != null && (name.equals("startswith") ? range.startsWith(p) : range.endsWith(p))) {
        return true;
      }
    }
    return false;
  }

  private static Object find(String s, String name, List<Object> a, Map<String, Object> k) {
    Object[] v = Args.parse(name, a, k, 1, "sub", "start", "end");
    String sub = sep(v[0]);
    int[] b = javaBounds(s, v[1], v[2]);
    int at = -1;
    if (b[0] <= b[1]) {
      String range = s.substring(b[0], b[1]);
      int i = name.startsWith("r") ? range.lastIndexOf(sub) : range.indexOf(sub);
      at = i < 0 ? -1 : s.codePointCount(0, b[0] + i);
    }
    if (at < 0 && name.endsWith("index")) {
      throw Errors.value("substring not found");
    }
    return Nums.of(at);
  }

  /** Splits into a list of str for {@code str.split}-like results. */
  static List<Object> strings(List<String> parts) {
    return new ArrayList<>(parts);
  }
}
