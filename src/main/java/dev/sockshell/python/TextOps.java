package dev.sockshell.python;

import java.util.ArrayList;
import java.util.List;

/**
 * The algorithms str and bytes methods share (split, strip, find, justify), over Java strings; for
 * bytes the string holds one char per byte (Latin-1) and whitespace is ASCII's, as in Python.
 */
final class TextOps {
  private TextOps() {}

  static boolean isSpace(int c, boolean bytes) {
    if (bytes) {
      return c == ' ' || (c >= 9 && c <= 13);
    }
    return Character.isWhitespace(c)
        || c == 0x85
        || c == 0xA0
        || c == 0x2007
        || c == 0x202F
        || (c >= 0x1C && c <= 0x1F);
  }

  static List<String> split(String s, String sep, long maxsplit, boolean bytes) {
    List<String> parts = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && isSpace(s.charAt(i), bytes)) {
          i++;
        }
        if (i >= n) {
          return parts;
        }
        if (maxsplit >= 0 && parts.size() >= maxsplit) {
          int end = n;
          while (end > i && isSpace(s.charAt(end - 1), bytes)) {
            end--;
          }
          parts.add(s.substring(i, end));
          return parts;
        }
        int start = i;
        while (i < n && !isSpace(s.charAt(i), bytes)) {
          i++;
        }
        parts.add(s.substring(start, i));
      }
    }
    if (sep.isEmpty()) {
      throw Errors.value("empty separator");
    }
    int start = 0;
    while (maxsplit < 0 || parts.size() < maxsplit) {
      int at = s.indexOf(sep, start);
      if (at < 0) {
        break;
      }
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  static List<String> rsplit(String s, String sep, long maxsplit, boolean bytes) {
    if (maxsplit < 0) {
      return split(s, sep, maxsplit, bytes);
    }
    List<String> parts = new ArrayList<>();
    if (sep == null) {
      int i = s.length();
      while (true) {
        while (i > 0 && isSpace(s.charAt(i - 1), bytes)) {
          i--;
        }
        if (i <= 0) {
          break;
        }
        if (parts.size() >= maxsplit) {
          int start = 0;
          while (start < i && isSpace(s.charAt(start), bytes)) {
            start++;
          }
          parts.add(0, s.substring(start, i));
          return parts;
        }
        int end = i;
        while (i > 0 && !isSpace(s.charAt(i - 1), bytes)) {
          i--;
        }
        parts.add(0, s.substring(i, end));
      }
      return parts;
    }
    if (sep.isEmpty()) {
      throw Errors.value("empty separator");
    }
    int end = s.length();
    while (parts.size() < maxsplit) {
      int at = s.lastIndexOf(sep, end - sep.length());
      if (at < 0) {
        break;
      }
      parts.add(0, s.substring(at + sep.length(), end));
      end = at;
    }
    parts.add(0, s.substring(0, end));
    return parts;
  }

  static List<String> splitlines(String s, boolean keepends, boolean bytes) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean eol =
          c == '\n'
              || c == '\r'
              || (!bytes
                  && (c == 0x0B
                      || c == 0x0C
                      || c == 0x1C
                      || c == 0x1D
                      || c == 0x1E
                      || c == 0x85
                      || c == 0x2028
                      || c == 0x2029));
      if (!eol) {
        i++;
        continue;
      }
      int end = i;
      i++;
      if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
        i++;
      }
      lines.add(s.substring(start, keepends ? i : end));
      start = i;
    }
    if (start < s.length()) {
      lines.add(s.substring(start));
    }
    return lines;
  }

  /** {@code strip}: {@code chars} null strips whitespace. */
  static String strip(String s, String chars, boolean left, boolean right, boolean bytes) {
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end && strips(s.charAt(start), chars, bytes)) {
        start++;
      }
    }
    if (right) {
      while (end > start && strips(s.charAt(end - 1), chars, bytes)) {
        end--;
      }
    }
    return s.substring(start, end);
  }

  private static boolean strips(char c, String chars, boolean bytes) {
    return chars == null ? isSpace(c, bytes) : chars.indexOf(c) >= 0;
  }

  static String justify(String s, long width, String fill, char how) {
    int length = s.codePointCount(0, s.length());
    if (width <= length) {
      return s;
    }
    int total = (int) width - length;
    return switch (how) {
      case '<' -> s + fill.repeat(total);
      case '>' -> fill.repeat(total) + s;
      default -> {
        int left = total / 2 + (total & (int) width & 1);
        yield fill.repeat(left) + s + fill.repeat(total - left);
      }
    };
  }

  static String zfill(String s, long width) {
    int length = s.length();
    if (width <= length) {
      return s;
    }
    String zeros = "0".repeat((int) width - length);
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return s.charAt(0) + zeros + s.substring(1);
    }
    return zeros + s;
  }

  static String replace(String s, String old, String replacement, long count) {
    if (count < 0) {
      if (old.isEmpty()) {
        StringBuilder sb = new StringBuilder(replacement);
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp).append(replacement));
        return sb.toString();
      }
      return s.replace(old, replacement);
    }
    StringBuilder sb = new StringBuilder();
    int start = 0;
    long done = 0;
    while (done < count) {
      int at = old.isEmpty() ? (start <= s.length() ? start : -1) : s.indexOf(old, start);
      if (at < 0) {
        break;
      }
      sb.append(s, start, at).append(replacement);
      if (old.isEmpty()) {
        if (at < s.length()) {
          sb.append(s.charAt(at));
        }
        start = at + 1;
      } else {
        start = at + old.length();
      }
      done++;
    }
    if (start <= s.length()) {
      sb.append(s.substring(Math.min(start, s.length())));
    }
    return sb.toString();
  }

  static int count(String s, String sub, int start, int end) {
    if (start > s.length() || start > end) {
      return 0;
    }
    String range = s.substring(start, Math.min(end, s.length()));
    if (sub.isEmpty()) {
      return range.length() + 1;
    }
    int n = 0;
    int i = 0;
    while ((i = range.indexOf(sub, i)) >= 0) {
      n++;
      i += sub.length();
    }
    return n;
  }

  /** start and end arguments as Python clamps them (negative from the end). */
  static int[] bounds(Object start, Object end, int length) {
    int s = start == null || start == PyNone.NONE ? 0 : clamp(Nums.index(start), length);
    int e = end == null || end == PyNone.NONE ? length : clamp(Nums.index(end), length);
    return new int[] {s, e};
  }

  private static int clamp(long i, int length) {
    if (i < 0) {
      i += length;
    }
    return (int) Math.max(0, Math.min(length, i));
  }

  static String title(String s) {
    StringBuilder sb = new StringBuilder();
    boolean previousCased = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(previousCased ? Character.toLowerCase(c) : Character.toTitleCase(c));
      previousCased = Character.isLetter(c);
    }
    return sb.toString();
  }
}
