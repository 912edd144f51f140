package dev.sockshell.lang;

import java.util.List;

/**
 * One parameter of a command, for the synopsis, completion and highlighting; a binder reads each
 * word for one ({@link Args#bound}), so nothing else has to place words by position.
 *
 * @param name as the synopsis shows it ({@code NAME}, {@code ADDR})
 * @param choices the constants allowed here, if it is a constant; for a NUMBER, the words it takes
 *     too ({@code forever})
 */
public record Param(String name, Kind kind, boolean optional, List<String> choices) {
  /** What kind of thing stands at a position. */
  public enum Kind {
    /** An existing socket of the session. */
    SOCKET,
    /** A name for a socket this command creates. */
    NEW_SOCKET,
    ADDRESS,
    DATA,
    NUMBER,
    CONSTANT,
    PATH,
    /** A value to compare with ({@code expect}). */
    VALUE,
    /** A Python exception class or errno symbol. */
    ERROR_NAME,
    /** A command name ({@code /help COMMAND}). */
    COMMAND,
    /** Free text up to the end of the line. */
    TEXT
  }

  public Param {
    choices = List.copyOf(choices);
  }

  public static Param of(String name, Kind kind) {
    return new Param(name, kind, false, List.of());
  }

  public static Param optional(String name, Kind kind) {
    return new Param(name, kind, true, List.of());
  }

  public static Param constant(String name, boolean optional, List<String> choices) {
    return new Param(name, Kind.CONSTANT, optional, choices);
  }

  /** A position that takes any number of arguments, such as select's {@code READ...}. */
  public boolean repeats() {
    return name.endsWith("...");
  }

  @Override
  public String toString() {
    return optional ? "[" + name + "]" : name;
  }
}
