package dev.sockshell.python;

import java.util.HashMap;
import java.util.Map;

/**
 * One running function (or the module): its names, the frame it was defined in, and the line it is
 * on, which a traceback shows.
 */
final class Frame {
  final String function;
  final PyFunction code;
  final Map<String, Object> names;
  final Frame globals;
  final String file;
  int line;

  private Frame(
      String function, PyFunction code, Map<String, Object> names, Frame globals, String file) {
    this.function = function;
    this.code = code;
    this.names = names;
    this.globals = globals == null ? this : globals;
    this.file = file;
  }

  /** The module's frame, whose names are the globals. */
  static Frame module(String file) {
    return new Frame("<module>", null, new HashMap<>(), null, file);
  }

  /** A call of {@code code}. */
  Frame call(PyFunction code) {
    return new Frame(code.name(), code, new HashMap<>(), globals, code.file());
  }

  boolean isModule() {
    return code == null;
  }
}
