package dev.sockshell.python;

import java.util.List;

/**
 * A function made by {@code def}: its definition, the default values computed when it was defined,
 * and the frame it was defined in (for the names it reads from an enclosing function).
 */
record PyFunction(Stmt.Def def, List<Object> defaults, Frame enclosing, String file) {
  String name() {
    return def.name();
  }
}
