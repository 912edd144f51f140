package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.bytes.Printable;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code format()}, {@code str.format}, and printf-style {@code %} for str and bytes. */
final class Formatting {

  private static final String OUT_OF_RANGE_FOR_POSITIONAL_ARGS_TUPLE =
      " out of range for positional args tuple";

  private Formatting() {}

  /** {@code format(value, spec)}. */
  static String format(Object value, String spec) {
    if (spec.isEmpty()) {
      return Reprs.str(value);
    }
    FormatSpec f;
    try {
      f = FormatSpec.parse(spec);
    } catch (PyRaise e) {
      throw FormatSpec.invalid(spec, Types.name(value));
    }
    return f.apply(value, spec);
  }

  /** {@code ascii(x)}: the repr with every non-ASCII character escaped. */
  static String ascii(String repr) {
    StringBuilder sb = new StringBuilder();
    repr.codePoints()
        .forEach(
            cp -> {
              if (cp < 128) {
                sb.append((char) cp);
              } else {
                Printable.appendEscape(sb, cp);
              }
            });
    return sb.toString();
  }

  /** {@code "{} {name!r:>5}".format(...)}. */
  static String strFormat(
      Interpreter in, String template, List<Object> args, java.util.Map<String, Object> keywords) {
    StringBuilder sb = new StringBuilder();
    int auto = 0;
    boolean manual = false;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        sb.append('{');
        i += 2;
        continue;
      }
      if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        sb.append('}');
        i += 2;
        continue;
      }
      if (c == '}') {
        throw Errors.value("Single '}' encountered in format string");
      }
      if (c != '{') {
        sb.append(c);
        i++;
        continue;
      }
      int depth = 1;
      int j = i + 1;
      while (j < template.length() && depth > 0) {
        if (template.charAt(j) == '{') {
          depth++;
        } else if (template.charAt(j) == '}') {
          depth--;
        }
        j++;
      }
      if (depth > 0) {
        throw Errors.value("expected '}' before end of string");
      }
      String field = template.substring(i + 1, j - 1);
      String spec = "";
      char conversion = 0;
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      int bang = field.indexOf('!');
      if (bang >= 0) {
        if (bang + 2 != field.length()) {
          throw Errors.value("expected ':' after conversion specifier");
        }
        conversion = field.charAt(bang + 1);
        field = field.substring(0, bang);
      }
      String name = field.split("[.\\[]", 2)[0];
      Object value;
      if (name.isEmpty()) {
        if (manual) {
          throw Errors.value(
              "cannot switch from manual field specification to automatic field numbering");
        }
        if (auto >= args.size()) {
          throw Errors.index("Replacement index " + auto + OUT_OF_RANGE_FOR_POSITIONAL_ARGS_TUPLE);
        }
        value = args.get(auto++);
      } else if (name.chars().allMatch(Character::isDigit)) {
        if (auto > 0) {
          throw Errors.value(
              "cannot switch from automatic field numbering to manual field specification");
        }
        manual = true;
        int n = Integer.parseInt(name);
        if (n >= args.size()) {
          throw Errors.index("Replacement index " + n + OUT_OF_RANGE_FOR_POSITIONAL_ARGS_TUPLE);
        }
        value = args.get(n);
      } else {
        value = keywords.get(name);
        if (value == null) {
          throw Errors.keyError(name);
        }
      }
      value = accessors(in, value, field.substring(name.length()));
      if (spec.contains("{")) {
        spec = strFormat(in, spec, args, keywords);
      }
      Object converted =
          switch (conversion) {
            case 'r' -> Reprs.repr(value);
            case 's' -> Reprs.str(value);
            case 'a' -> ascii(Reprs.repr(value));
            case 0 -> value;
            default -> throw Errors.value("Unknown conversion specifier " + conversion);
          };
      sb.append(format(converted, spec));
      i = j;
    }
    return sb.toString();
  }

  /** {@code .attr} and {@code [key]} after a field's name. */
  private static Object accessors(Interpreter in, Object value, String rest) {
    int i = 0;
    while (i < rest.length()) {
      if (rest.charAt(i) == '.') {
        int end = i + 1;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        value = Attributes.get(in, value, rest.substring(i + 1, end));
        i = end;
      } else if (rest.charAt(i) == '[') {
        int end = rest.indexOf(']', i);
        String key = rest.substring(i + 1, end);
        value =
            Seqs.getItem(
                value,
                key.chars().allMatch(Character::isDigit) && !key.isEmpty()
                    ? new BigInteger(key)
                    : key);
        i = end + 1;
      } else {
        throw Errors.value("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return value;
  }

  /** {@code "%s is %d" % (a, b)}. */
  static String percent(String template, Object args) {
    return new Percent(template, args, false).run();
  }

  static ByteString percentBytes(ByteString template, Object args) {
    String text = new String(template.toByteArray(), StandardCharsets.ISO_8859_1);
    String out = new Percent(text, args, true).run();
    return ByteString.wrap(out.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** One {@code %} formatting run over a template. */
  private static final class Percent {
    private final String template;
    private final Object args;
    private final boolean bytes;
    private final List<Object> values;
    private int next;

    Percent(String template, Object args, boolean bytes) {
      this.template = template;
      this.args = args;
      this.bytes = bytes;
      this.values = args instanceof PyTuple t ? t.items() : List.of(args);
    }

    String run() {
      StringBuilder sb = new StringBuilder();
      boolean usedMapping = false;
      int i = 0;
      while (i < template.length()) {
        char c = template.charAt(i);
        if (c != '%') {
          sb.append(c);
          i++;
          continue;
        }
        i++;
        if (i >= template.length()) {
          throw Errors.value("incomplete format");
        }
        Object mapped = null;
        if (template.charAt(i) == '(') {
          int end = template.indexOf(')', i);
          if (end < 0) {
            throw Errors.value("incomplete format key");
          }
          if (!(args instanceof PyDict d)) {
            throw Errors.type("format requires a mapping");
          }
          Object key = template.substring(i + 1, end);
          if (bytes) {
            key = ByteString.wrap(((String) key).getBytes(StandardCharsets.ISO_8859_1));
          }
          mapped = d.get(key);
          if (mapped == null) {
            throw Errors.keyError(key);
          }
          usedMapping = true;
          i = end + 1;
        }
        int start = i;
        while (i < template.length() && "-+ #0".indexOf(template.charAt(i)) >= 0) {
          i++;
        }
        String flags = template.substring(start, i);
        int width = -1;
        if (i < template.length() && template.charAt(i) == '*') {
          width = Nums.cInt(take());
          i++;
        } else {
          start = i;
          while (i < template.length() && Character.isDigit(template.charAt(i))) {
            i++;
          }
          if (i > start) {
            width = Integer.parseInt(template.substring(start, i));
          }
        }
        int precision = -1;
        if (i < template.length() && template.charAt(i) == '.') {
          i++;
          start = i;
          while (i < template.length() && Character.isDigit(template.charAt(i))) {
            i++;
          }
          precision = i > start ? Integer.parseInt(template.substring(start, i)) : 0;
        }
        if (i >= template.length()) {
          throw Errors.value("incomplete format");
        }
        char type = template.charAt(i++);
        if (type == '%') {
          sb.append('%');
          continue;
        }
        Object value = mapped != null ? mapped : take();
        sb.append(convert(type, flags, width, precision, value, i - 1));
      }
      if (!usedMapping && next < values.size() && !(args instanceof PyDict)) {
        throw Errors.type(
            "not all arguments converted during " + (bytes ? "bytes" : "string") + " formatting");
      }
      return sb.toString();
    }

    private Object take() {
      if (next >= values.size()) {
        throw Errors.type("not enough arguments for format string");
      }
      return values.get(next++);
    }

    private String convert(
        char type, String flags, int width, int precision, Object value, int at) {
      StringBuilder spec = new StringBuilder();
      if (flags.contains("-")) {
        spec.append('<');
      } else if (flags.contains("0") && "diouxXeEfFgG".indexOf(type) >= 0) {
        spec.append('0').append('=');
      } else {
        spec.append('>');
      }
      if (flags.contains("+")) {
        spec.append('+');
      } else if (flags.contains(" ")) {
        spec.append(' ');
      }
      if (flags.contains("#")) {
        spec.append('#');
      }
      if (width >= 0) {
        spec.append(width);
      }
      String text;
      switch (type) {
        case 's', 'r', 'a', 'b' -> {
          if (bytes && (type == 's' || type == 'b')) {
            if (!Ops.isBytesLike(value)) {
              throw Errors.type(
                  "%b requires a bytes-like object, or an object that implements"
                      + " __bytes__, not '"
                      + Types.name(value)
                      + "'");
            }
            text = new String(Ops.bytes(value).toByteArray(), StandardCharsets.ISO_8859_1);
          } else if (type == 'b') {
            throw Errors.value("unsupported format character 'b' (0x62) at index " + at);
          } else {
            text =
                type == 's'
                    ? Reprs.str(value)
                    : type == 'r' && !bytes ? Reprs.repr(value) : ascii(Reprs.repr(value));
          }
          if (precision >= 0 && text.length() > precision) {
            text = text.substring(0, precision);
          }
          return Formatting.format(text, spec.toString().replace("0=", ""));
        }
        case 'd', 'i', 'u' -> {
          if (!Nums.isNumber(value)) {
            throw Errors.type(
                "%" + type + " format: a real number is required, not " + Types.name(value));
          }
          BigInteger v =
              value instanceof Double d
                  ? new java.math.BigDecimal(d).toBigInteger()
                  : Nums.big(value);
          return format(v, spec + "d");
        }
        case 'x', 'X', 'o' -> {
          if (!Nums.isInt(value)) {
            throw Errors.type(
                "%" + type + " format: an integer is required, not " + Types.name(value));
          }
          return format(Nums.big(value), spec.toString() + type);
        }
        case 'e', 'E', 'f', 'F', 'g', 'G' -> {
          if (!Nums.isNumber(value)) {
            throw Errors.type("must be real number, not " + Types.name(value));
          }
          return format(Nums.dbl(value), spec + "." + (precision < 0 ? 6 : precision) + type);
        }
        case 'c' -> {
          if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
            return format(s, spec.toString().replace("0=", ""));
          }
          if (Nums.isInt(value)) {
            return format(
                Character.toString(Nums.big(value).intValue()), spec.toString().replace("0=", ""));
          }
          throw Errors.type("%c requires int or char");
        }
        default ->
            throw Errors.value(
                String.format(
                    "unsupported format character '%c' (0x%x) at index %d", type, (int) type, at));
      }
    }
  }
}
