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
  /** A call the object does not have: {@code version} on a socket without TLS. */
  AttributeError(Exception),
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
  gaierror(OSError),
  /** Python's {@code ssl} module: a TLS failure, with OpenSSL's reason. */
  SSLError(OSError),
  /** The peer closed the TLS connection with close_notify. */
  SSLZeroReturnError(SSLError),
  /** The connection ended without close_notify, where TLS needed more. */
  SSLEOFError(SSLError),
  /** A non-blocking TLS socket must read before it can go on. */
  SSLWantReadError(SSLError),
  /** A non-blocking TLS socket must write before it can go on. */
  SSLWantWriteError(SSLError),
  /** The certificate chain or the host name did not verify; also a ValueError, as in Python. */
  SSLCertVerificationError(SSLError, ValueError);

  private final PyException parent;

  /** A second base class (Python's multiple inheritance), or null. */
  private final PyException alsoParent;

  PyException(PyException parent) {
    this(parent, null);
  }

  PyException(PyException parent, PyException alsoParent) {
    this.parent = parent;
    this.alsoParent = alsoParent;
  }

  /** True when {@code except other} catches this class. */
  public boolean isA(PyException other) {
    for (PyException c = this; c != null; c = c.parent) {
      if (c == other || c.alsoParent != null && c.alsoParent.isA(other)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class with this Python name; also accepts {@code socket.timeout}, {@code socket.error} and
   * {@code socket.gaierror}, Python's aliases, the {@code ssl.} prefix of the TLS classes and
   * {@code ssl.CertificateError}, the old name of SSLCertVerificationError.
   */
  public static Optional<PyException> byName(String name) {
    String n = name.startsWith("socket.") ? name.substring("socket.".length()) : name;
    if (n.startsWith("ssl.")) {
      n = n.substring("ssl.".length());
      if (n.equals("CertificateError")) {
        return Optional.of(SSLCertVerificationError);
      }
      return byName(n).filter(PyException::isSsl);
    }
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

  /** How Python prints the class: {@code socket.gaierror}, {@code ssl.SSLError}, else the name. */
  public String pythonName() {
    return this == gaierror ? "socket.gaierror" : isSsl() ? "ssl." + name() : name();
  }

  /** One of the {@code ssl} module's classes. */
  public boolean isSsl() {
    return isA(SSLError);
  }
}
