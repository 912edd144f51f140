package dev.sockshell.python;

import java.util.List;
import java.util.Map;

/** Argument checks for functions written in Java, with CPython's messages. */
final class Args {
  private Args() {}

  static void none(String function, List<Object> args, Map<String, Object> keywords) {
    noKeywords(function, keywords);
    if (!args.isEmpty()) {
      throw Errors.type(function + "() takes no arguments (" + args.size() + " given)");
    }
  }

  static void exactly(String function, List<Object> args, Map<String, Object> keywords, int n) {
    noKeywords(function, keywords);
    if (args.size() != n) {
      throw Errors.type(
          function
              + "() takes exactly "
              + (n == 1 ? "one argument" : n + " arguments")
              + " ("
              + args.size()
              + " given)");
    }
  }

  static void noKeywords(String function, Map<String, Object> keywords) {
    if (!keywords.isEmpty()) {
      throw Errors.type(function + "() takes no keyword arguments");
    }
  }

  /**
   * Positional or keyword arguments by {@code names}; the first {@code required} must be given.
   * Missing optional ones are null.
   */
  static Object[] parse(
      String function,
      List<Object> args,
      Map<String, Object> keywords,
      int required,
      String... names) {
    if (args.size() > names.length) {
      throw Errors.type(
          function
              + "() takes at most "
              + names.length
              + " argument"
              + (names.length == 1 ? "" : "s")
              + " ("
              + args.size()
              + " given)");
    }
    Object[] values = new Object[names.length];
    for (int i = 0; i < args.size(); i++) {
      values[i] = args.get(i);
    }
    for (Map.Entry<String, Object> k : keywords.entrySet()) {
      int i = List.of(names).indexOf(k.getKey());
      if (i < 0) {
        throw Errors.type(
            "'" + k.getKey() + "' is an invalid keyword argument for " + function + "()");
      }
      if (values[i] != null) {
        throw Errors.type(
            "argument for "
                + function
                + "() given by name ('"
                + k.getKey()
                + "') and position ("
                + (i + 1)
                + ")");
      }
      values[i] = k.getValue();
    }
    for (int i = 0; i < required; i++) {
      if (values[i] == null) {
        throw Errors.type(
            function
                + "() takes at least "
                + required
                + " argument"
                + (required == 1 ? "" : "s")
                + " ("
                + args.size()
                + " given)");
      }
    }
    return values;
  }

  static String str(Object o, String what) {
    if (o instanceof String s) {
      return s;
    }
    throw Errors.type(what + " must be str, not " + Types.name(o));
  }
}
