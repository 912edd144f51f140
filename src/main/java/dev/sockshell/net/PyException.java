package dev.sockshell.net;

import java.util.Locale;
import java.util.Optional;

/**
 * Python's exception classes that socket calls raise, with their parents, so {@code expect error
 * OSError} matches a {@code BrokenPipeError} the way {@code except OSError} does.
 */
public enum PyException {
  BaseException(null),
  KeyboardInterrupt(BaseException),
  Exception(BaseException),
  ValueError(Exception),
  UnicodeError(ValueError),
  /** Text with a character the session encoding cannot write ({@code "é"} in ASCII). */
  UnicodeEncodeError(UnicodeError),
  OverflowError(Exception),
  TypeError(Exception),
  /** The JVM's heap cannot hold what a call asked for (a BUFSIZE of 2 GB). */
  MemoryError(Exception),
  /** A message cut short by EOF (asyncio's IncompleteReadError is one). */
  EOFError(Exception),
  OSError(Exception),
  BlockingIOError(OSError),
  ConnectionError(OSError),
  BrokenPipeError(ConnectionError),
  ConnectionAbortedError(ConnectionError),
  ConnectionRefusedError(ConnectionError),
  ConnectionResetError(ConnectionError),
  FileExistsError(OSError),
  FileNotFoundError(OSError),
  InterruptedError(OSError),
  IsADirectoryError(OSError),
  NotADirectoryError(OSError),
  PermissionError(OSError),
  TimeoutError(OSError),
  gaierror(OSError);

  private final PyException parent;

  PyException(PyException parent) {
    this.parent = parent;
  }

  /** True when {@code except other} catches this class. */
  public boolean isA(PyException other) {
    for (PyException c = this; c != null; c = c.parent) {
      if (c == other) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class with this Python name; also accepts {@code socket.timeout}, {@code socket.error} and
   * {@code socket.gaierror}, Python's aliases.
   */
  public static Optional<PyException> byName(String name) {
    String n = name.startsWith("socket.") ? name.substring("socket.".length()) : name;
    switch (n.toLowerCase(Locale.ROOT)) {
      case "timeout":
        return Optional.of(TimeoutError);
      case "error":
        return Optional.of(OSError);
      case "gaierror":
        return Optional.of(gaierror);
      default:
        break;
    }
    for (PyException p : values()) {
      if (p.name().equals(n)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** How Python prints the class: {@code socket.gaierror}, else the bare name. */
  public String pythonName() {
    return this == gaierror ? "socket.gaierror" : name();
  }
}
