package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.util.List;

/**
 * A socket call failed the way Python would raise it: a Python exception class, the errno symbol
 * when there is one, the reason, and the address involved. A checked exception so that every caller
 * must decide how the user sees it; it carries no stack trace because users never see one.
 */
public final class SocketError extends Exception {
  private static final long serialVersionUID = 1L;

  private final PyException type;
  private final transient Errno errno;
  private final String address;
  private final String hint;

  /** OpenSSL's reason code of a TLS error ({@code WRONG_VERSION_NUMBER}), or null. */
  private final String sslReason;

  /** A command that would help, for the commands layer to word as the hint; or null. */
  private final transient Advice advice;

  private SocketError(
      PyException type,
      Errno errno,
      String reason,
      String address,
      String hint,
      String sslReason,
      Advice advice) {
    super(reason, null, false, false);
    this.type = type;
    this.errno = errno;
    this.address = address;
    this.hint = hint;
    this.sslReason = sslReason;
    this.advice = advice;
  }

  /** The OS refused with {@code errno}; the reason is the OS's own text. */
  public static SocketError of(Errno errno) {
    return new SocketError(errno.pythonClass(), errno, errno.message(), null, null, null, null);
  }

  /** A Python-level failure with no errno, such as {@code TimeoutError: timed out}. */
  public static SocketError python(PyException type, String reason) {
    return new SocketError(type, null, reason, null, null, null, null);
  }

  /**
   * A TLS failure as Python's {@code ssl} raises it: {@code ssl.SSLError [WRONG_VERSION_NUMBER]:
   * wrong version number} for OpenSSL's reason {@code sslReason} (null for the classes that have
   * none, such as SSLZeroReturnError).
   */
  public static SocketError ssl(PyException type, String sslReason, String text) {
    return new SocketError(type, null, text, null, null, sslReason, null);
  }

  /**
   * Something the OS can do and Java 17 cannot: one line naming the limitation ({@code the JVM
   * cannot …}), never a pretence that it worked.
   */
  public static SocketError jvmCannot(String what) {
    return python(PyException.OSError, Text.get("jvm.cannot", what));
  }

  public static SocketError timedOut() {
    return python(PyException.TimeoutError, "timed out");
  }

  /** The same error, naming the address it concerns (shown after the reason). */
  public SocketError at(Object address) {
    return new SocketError(
        type, errno, getMessage(), String.valueOf(address), hint, sslReason, advice);
  }

  /** The same error with a short hint saying what it usually means. */
  public SocketError withHint(String hint) {
    return new SocketError(type, errno, getMessage(), address, hint, sslReason, advice);
  }

  /**
   * The same error with {@code kind} of advice for socket {@code socket}: a command to type, which
   * the commands layer words as the hint (net knows no command syntax), telling {@code details}.
   */
  public SocketError withAdvice(Advice.Kind kind, String socket, Object... details) {
    return new SocketError(
        type,
        errno,
        getMessage(),
        address,
        hint,
        sslReason,
        new Advice(kind, socket, List.of(details)));
  }

  /** The command that would help, not yet worded as a hint; or null. */
  public Advice advice() {
    return advice;
  }

  /** OpenSSL's reason code of a TLS error ({@code CERTIFICATE_VERIFY_FAILED}), or null. */
  public String sslReason() {
    return sslReason;
  }

  public PyException type() {
    return type;
  }

  /** The errno symbol, or null for errors without one (timeouts, ValueError). */
  public Errno errno() {
    return errno;
  }

  public String reason() {
    return getMessage();
  }

  /** The address the error concerns, or null. */
  public String address() {
    return address;
  }

  /** A hint for the user, or null. */
  public String hint() {
    return hint;
  }

  /** {@code ConnectionRefusedError [ECONNREFUSED]: Connection refused (127.0.0.1:1)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.pythonName());
    if (errno != null || sslReason != null) {
      sb.append(" [").append(errno != null ? errno.name() : sslReason).append(']');
    }
    sb.append(": ").append(getMessage());
    if (address != null) {
      sb.append(" (").append(address).append(')');
    }
    return sb.toString();
  }
}
