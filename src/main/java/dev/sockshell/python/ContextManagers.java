package dev.sockshell.python;

import dev.sockshell.lang.Command;

/** {@code with x as y:} for the objects that are context managers: sockets and socket files. */
final class ContextManagers {
  private ContextManagers() {}

  static Object enter(Interpreter in, Object context) {
    if (context instanceof PySocket || context instanceof SocketFile) {
      return context;
    }
    throw Errors.type(
        "'" + Types.name(context) + "' object does not support the context manager" + " protocol");
  }

  /** At the block's end, however it ends: a socket is closed, as Python's {@code __exit__} does. */
  static void exit(Interpreter in, Object context) {
    if (context instanceof PySocket s) {
      in.sockets.run(s, new Command.Close(s.name()), s.name() + ".close()  # end of with");
    } else if (context instanceof SocketFile f) {
      f.close();
    }
  }
}
