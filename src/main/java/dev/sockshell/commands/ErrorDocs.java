package dev.sockshell.commands;

import dev.sockshell.commands.CommandSpec.ErrorDoc;

/**
 * What an error means where several commands raise it for the same reason: written (and translated,
 * under its own key) once, and named by the specs that list it.
 */
final class ErrorDocs {
  private ErrorDocs() {}

  static final ErrorDoc UDP_REFUSED =
      shared("udp_refused", "ECONNREFUSED", "connected UDP: an earlier datagram hit a closed port");

  /** connect's ECONNREFUSED, and what ConnectionRefusedError means on its /help page. */
  static final ErrorDoc REFUSED = new ErrorDoc("ECONNREFUSED", "nothing listens at that address");

  static final ErrorDoc PEER_RESET =
      shared("peer_reset", "ECONNRESET", "the peer reset the connection");
  static final ErrorDoc PEER_GONE =
      shared("peer_gone", "EPIPE", "not connected, shut down for writing, or the peer is gone");
  static final ErrorDoc NOT_CONNECTED =
      shared("not_connected", "ENOTCONN", "the socket is not connected");
  static final ErrorDoc NOT_RESOLVED =
      shared("not_resolved", "gaierror", "the host name did not resolve for this family");
  static final ErrorDoc NO_TLS = shared("no_tls", "AttributeError", "the socket does not use TLS");
  static final ErrorDoc NOT_A_STREAM =
      shared("not_a_stream", "ValueError", "a SOCK_DGRAM or non-blocking socket");
  static final ErrorDoc NO_DIRECTORY =
      shared("no_directory", "ENOENT", "the directory does not exist");
  static final ErrorDoc NOT_WRITABLE =
      shared("not_writable", "EACCES", "no permission to write there");

  private static ErrorDoc shared(String key, String name, String meaning) {
    return new ErrorDoc(name, meaning, "error.shared." + key);
  }
}
