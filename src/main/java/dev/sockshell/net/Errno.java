package dev.sockshell.net;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The errno symbols sockshell can report, with Linux's numbers and {@code strerror} texts, and the
 * Python exception class each one raises (PEP 3151). The {@code EAI_*} rows are getaddrinfo's
 * codes, which Python raises as {@code socket.gaierror}.
 */
public enum Errno {
  EPERM(1, "Operation not permitted", PyException.PermissionError),
  ENOENT(2, "No such file or directory", PyException.FileNotFoundError),
  EINTR(4, "Interrupted system call", PyException.InterruptedError),
  EBADF(9, "Bad file descriptor", PyException.OSError),
  EAGAIN(11, "Resource temporarily unavailable", PyException.BlockingIOError),
  ENOMEM(12, "Cannot allocate memory", PyException.OSError),
  EACCES(13, "Permission denied", PyException.PermissionError),
  EEXIST(17, "File exists", PyException.FileExistsError),
  ENODEV(19, "No such device", PyException.OSError),
  ENOTDIR(20, "Not a directory", PyException.NotADirectoryError),
  EISDIR(21, "Is a directory", PyException.IsADirectoryError),
  EINVAL(22, "Invalid argument", PyException.OSError),
  ENFILE(23, "Too many open files in system", PyException.OSError),
  EMFILE(24, "Too many open files", PyException.OSError),
  ENOSPC(28, "No space left on device", PyException.OSError),
  EPIPE(32, "Broken pipe", PyException.BrokenPipeError),
  ENAMETOOLONG(36, "File name too long", PyException.OSError),
  ENOTSOCK(88, "Socket operation on non-socket", PyException.OSError),
  EDESTADDRREQ(89, "Destination address required", PyException.OSError),
  EMSGSIZE(90, "Message too long", PyException.OSError),
  EPROTOTYPE(91, "Protocol wrong type for socket", PyException.OSError),
  ENOPROTOOPT(92, "Protocol not available", PyException.OSError),
  EPROTONOSUPPORT(93, "Protocol not supported", PyException.OSError),
  EOPNOTSUPP(95, "Operation not supported", PyException.OSError),
  EAFNOSUPPORT(97, "Address family not supported by protocol", PyException.OSError),
  EADDRINUSE(98, "Address already in use", PyException.OSError),
  EADDRNOTAVAIL(99, "Cannot assign requested address", PyException.OSError),
  ENETDOWN(100, "Network is down", PyException.OSError),
  ENETUNREACH(101, "Network is unreachable", PyException.OSError),
  ECONNABORTED(103, "Software caused connection abort", PyException.ConnectionAbortedError),
  ECONNRESET(104, "Connection reset by peer", PyException.ConnectionResetError),
  ENOBUFS(105, "No buffer space available", PyException.OSError),
  EISCONN(106, "Transport endpoint is already connected", PyException.OSError),
  ENOTCONN(107, "Transport endpoint is not connected", PyException.OSError),
  ESHUTDOWN(108, "Cannot send after transport endpoint shutdown", PyException.BrokenPipeError),
  ETIMEDOUT(110, "Connection timed out", PyException.TimeoutError),
  ECONNREFUSED(111, "Connection refused", PyException.ConnectionRefusedError),
  EHOSTDOWN(112, "Host is down", PyException.OSError),
  EHOSTUNREACH(113, "No route to host", PyException.OSError),
  EALREADY(114, "Operation already in progress", PyException.BlockingIOError),
  EINPROGRESS(115, "Operation now in progress", PyException.BlockingIOError),
  EAI_NONAME(-2, "Name or service not known", PyException.gaierror),
  EAI_AGAIN(-3, "Temporary failure in name resolution", PyException.gaierror),
  EAI_FAIL(-4, "Non-recoverable failure in name resolution", PyException.gaierror),
  EAI_FAMILY(-6, "ai_family not supported", PyException.gaierror),
  EAI_SERVICE(-8, "Servname not supported for ai_socktype", PyException.gaierror),
  EAI_ADDRFAMILY(-9, "Address family for hostname not supported", PyException.gaierror);

  /** Python also names EAGAIN "EWOULDBLOCK"; scripts may use either. */
  private static final Map<String, Errno> BY_NAME = new HashMap<>();

  private static final Map<String, Errno> BY_MESSAGE = new HashMap<>();

  static {
    for (Errno e : values()) {
      BY_NAME.put(e.name(), e);
      BY_MESSAGE.put(e.message.toLowerCase(Locale.ROOT), e);
    }
    BY_NAME.put("EWOULDBLOCK", EAGAIN);
    BY_NAME.put("ENOTSUP", EOPNOTSUPP);
  }

  private final int number;
  private final String message;
  private final PyException pythonClass;

  Errno(int number, String message, PyException pythonClass) {
    this.number = number;
    this.message = message;
    this.pythonClass = pythonClass;
  }

  /** Linux's errno value (negative for getaddrinfo codes, as Python shows them). */
  public int number() {
    return number;
  }

  /** What {@code strerror} (or {@code gai_strerror}) says. */
  public String message() {
    return message;
  }

  public PyException pythonClass() {
    return pythonClass;
  }

  public static Optional<Errno> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT)));
  }

  /**
   * Why a file could not be opened, read or written, as Python's {@code open()} would say it: the
   * JDK names the errno only by the exception's class or its reason text.
   */
  public static Optional<Errno> ofFile(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Optional.of(ENOENT);
    } else if (e instanceof AccessDeniedException) {
      return Optional.of(EACCES);
    } else if (e instanceof NotDirectoryException) {
      return Optional.of(ENOTDIR);
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return byMessage(f.getReason());
    }
    return Optional.empty();
  }

  /** What went wrong with a file, in {@code strerror}'s words when the errno is known. */
  public static String fileReason(IOException e) {
    return ofFile(e).map(Errno::message).orElse(String.valueOf(e.getMessage()));
  }

  /** The errno whose {@code strerror} text is {@code message} (case-insensitive), if any. */
  static Optional<Errno> byMessage(String message) {
    return Optional.ofNullable(BY_MESSAGE.get(message.toLowerCase(Locale.ROOT)));
  }
}
