package dev.sockshell.python;

import dev.sockshell.render.Repr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's format specification mini-language: {@code format(value, '>10.2f')}, the part after the
 * colon in f-strings and {@code str.format}.
 */
final class FormatSpec {
  char fill = ' ';
  char align;
  char sign = '-';
  boolean alternate;
  boolean zero;
  int width = -1;
  char grouping;
  int precision = -1;
  char type;

  static FormatSpec parse(String spec) {
    FormatSpec f = new FormatSpec();
    int i = 0;
    int n = spec.length();
    if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
      f.fill = spec.charAt(0);
      f.align = spec.charAt(1);
      i = 2;
    } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
      f.align = spec.charAt(0);
      i = 1;
    }
    if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
      f.sign = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == 'z') {
      i++;
    }
    if (i < n && spec.charAt(i) == '#') {
      f.alternate = true;
      i++;
    }
    if (i < n && spec.charAt(i) == '0') {
      f.zero = true;
      i++;
    }
    int start = i;
    while (i < n && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    if (i > start) {
      f.width = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
      f.grouping = spec.charAt(i++);
    }
    if (i < n && spec.charAt(i) == '.') {
      i++;
      start = i;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw Errors.value("Format specifier missing precision");
      }
      f.precision = Integer.parseInt(spec.substring(start, i));
    }
    if (i < n) {
      f.type = spec.charAt(i++);
    }
    if (i < n) {
      throw invalid(spec, "%s");
    }
    return f;
  }

  String apply(Object value, String original) {
    if (value instanceof String s) {
      return string(s, original);
    }
    if (Nums.isInt(value) && "eEfFgG%".indexOf(type == 0 ? 'x' : type) < 0) {
      return integer(Nums.big(value), value);
    }
    if (Nums.isNumber(value)) {
      return floating(Nums.dbl(value), value);
    }
    if (type != 0 || !original.isEmpty()) {
      if (type == 0 || type == 's') {
        return string(Reprs.str(value), original);
      }
      throw Errors.type("unsupported format string passed to " + Types.name(value) + ".__format__");
    }
    return Reprs.str(value);
  }

  private String string(String s, String original) {
    if (type != 0 && type != 's') {
      throw unknown(type, "str");
    }
    if (sign != '-') {
      throw Errors.value("Sign not allowed in string format specifier");
    }
    if (precision >= 0 && s.codePointCount(0, s.length()) > precision) {
      s = s.substring(0, s.offsetByCodePoints(0, precision));
    }
    return pad(s, align == 0 ? '<' : align);
  }

  private String integer(BigInteger v, Object original) {
    if (precision >= 0) {
      throw Errors.value("Precision not allowed in integer format specifier");
    }
    String digits;
    String prefix = "";
    switch (type == 0 ? 'd' : type) {
      case 'd', 'n' -> digits = v.abs().toString();
      case 'x' -> {
        digits = v.abs().toString(16);
        prefix = alternate ? "0x" : "";
      }
      case 'X' -> {
        digits = v.abs().toString(16).toUpperCase();
        prefix = alternate ? "0X" : "";
      }
      case 'o' -> {
        digits = v.abs().toString(8);
        prefix = alternate ? "0o" : "";
      }
      case 'b' -> {
        digits = v.abs().toString(2);
        prefix = alternate ? "0b" : "";
      }
      case 'c' -> {
        return pad(Character.toString(v.intValueExact()), align == 0 ? '<' : align);
      }
      default -> throw unknown(type, Types.name(original));
    }
    if (grouping != 0) {
      digits =
          group(digits, grouping, type == 'x' || type == 'X' || type == 'o' || type == 'b' ? 4 : 3);
    }
    return number(v.signum() < 0, prefix, digits);
  }

  private String floating(double d, Object original) {
    char t = type;
    int p = precision < 0 ? 6 : precision;
    String body;
    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
    double a = Math.abs(d);
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      body = Double.isNaN(d) ? "nan" : "inf";
      if (Character.isUpperCase(t)) {
        body = body.toUpperCase();
      }
      return number(negative && !Double.isNaN(d), "", body);
    }
    switch (t) {
      case 'f', 'F' -> body = fixed(a, p);
      case '%' -> body = fixed(a * 100, p) + "%";
      case 'e', 'E' -> body = scientific(a, p, t);
      case 'g', 'G', 'n' ->
          body = general(a, precision < 0 ? 6 : Math.max(p, 1), t == 'G', alternate);
      case 0 -> {
        if (precision < 0) {
          body = Repr.floatRepr(a);
        } else {
          body = general(a, Math.max(p, 1), false, alternate);
        }
      }
      default -> throw unknown(t, Types.name(original));
    }
    if (grouping != 0) {
      int dot = body.indexOf('.');
      int end = dot >= 0 ? dot : body.indexOf('e') >= 0 ? body.indexOf('e') : body.length();
      body = group(body.substring(0, end), grouping, 3) + body.substring(end);
    }
    return number(negative, "", body);
  }

  static String fixed(double a, int p) {
    return new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String scientific(double a, int p, char t) {
    String s;
    if (a == 0) {
      s = (p == 0 ? "0" : "0." + "0".repeat(p)) + "e+00";
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
      String digits = r.unscaledValue().toString();
      digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
      int exp = r.precision() - r.scale() - 1;
      s =
          digits.charAt(0)
              + (p > 0 ? "." + digits.substring(1) : "")
              + String.format("e%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
    }
    return t == 'E' ? s.toUpperCase() : s;
  }

  private static String general(double a, int p, boolean upper, boolean keepZeros) {
    if (a == 0) {
      return keepZeros ? "0." + "0".repeat(p - 1) : "0";
    }
    BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exp = r.precision() - r.scale() - 1;
    String s;
    if (exp >= -4 && exp < p) {
      s = fixed(a, p - 1 - exp);
    } else {
      s = scientific(a, p - 1, upper ? 'E' : 'e');
    }
    if (!keepZeros) {
      int e = s.toLowerCase().indexOf('e');
      String mantissa = e >= 0 ? s.substring(0, e) : s;
      String exponent = e >= 0 ? s.substring(e) : "";
      if (mantissa.contains(".")) {
        mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      s = mantissa + exponent;
    }
    return upper ? s.toUpperCase() : s;
  }

  private static String group(String digits, char separator, int every) {
    StringBuilder sb = new StringBuilder();
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % every == 0) {
        sb.append(separator);
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private String number(boolean negative, String prefix, String digits) {
    String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
    char a = align != 0 ? align : zero ? '=' : '>';
    char f = align == 0 && zero ? '0' : fill;
    int length = signText.length() + prefix.length() + digits.length();
    if (width > length && a == '=') {
      return signText + prefix + String.valueOf(f).repeat(width - length) + digits;
    }
    char savedFill = this.fill;
    this.fill = f;
    try {
      return pad(signText + prefix + digits, a);
    } finally {
      this.fill = savedFill;
    }
  }

  private String pad(String s, char a) {
    int length = s.codePointCount(0, s.length());
    if (width <= length) {
      return s;
    }
    int total = width - length;
    String f = String.valueOf(fill);
    return switch (a) {
      case '<' -> s + f.repeat(total);
      case '^' -> f.repeat(total / 2) + s + f.repeat(total - total / 2);
      default -> f.repeat(total) + s;
    };
  }

  private static PyRaise unknown(char type, String typeName) {
    return Errors.value("Unknown format code '" + type + "' for object of type '" + typeName + "'");
  }

  /** Python's ValueError for a spec the type does not take. */
  static PyRaise invalid(String spec, String type) {
    return Errors.value(
        "Invalid format specifier '" + spec + "' for object of type '" + type + "'");
  }
}
