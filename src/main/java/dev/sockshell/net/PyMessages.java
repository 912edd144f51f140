package dev.sockshell.net;

/**
 * Python's own words for the errors a wrong argument gets, which the commands and the Python front
 * end both raise: written once, so the two say the same as CPython.
 */
public final class PyMessages {
  private PyMessages() {}

  public static final String AF_INET_PAIR = "AF_INET address must be a pair (host, port)";
  public static final String AF_INET6_TUPLE =
      "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])";

  /** {@code a bytes-like object is required, not 'int'}. */
  public static String bytesLikeRequired(String typeName) {
    return "a bytes-like object is required, not '" + typeName + "'";
  }

  /** {@code 'str' object cannot be interpreted as an integer}. */
  public static String notAnInteger(String typeName) {
    return "'" + typeName + "' object cannot be interpreted as an integer";
  }

  /** {@code AF_INET address must be tuple, not str}. */
  public static String addressNotTuple(Family family, String typeName) {
    return family + " address must be tuple, not " + typeName;
  }

  /** {@code str, bytes or bytearray expected, not int}: a host that is not text. */
  public static String hostNotText(String typeName) {
    return "str, bytes or bytearray expected, not " + typeName;
  }

  /** select() of a closed socket, whose fileno() is -1. */
  public static final String CLOSED_FD = "file descriptor cannot be a negative integer (-1)";

  /** settimeout with a value no deadline can hold. */
  public static final String TIMEOUT_RANGE = "Timeout value out of range";
}
