package dev.sockshell.commands;

import dev.sockshell.lang.Param;

/**
 * The parameters many commands share. A spec lists them and its binder reads words for them, so
 * what the binder records ({@link dev.sockshell.lang.Args#bound}) is the very parameter the spec
 * shows.
 */
final class Params {
  private Params() {}

  /** An existing socket, the first argument of most commands. */
  static final Param NAME = Param.of("NAME", Param.Kind.SOCKET);

  static final Param ADDR = Param.of("ADDR", Param.Kind.ADDRESS);

  static final Param DATA = Param.of("DATA", Param.Kind.DATA);
}
