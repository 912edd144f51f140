package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * The JDK's TLS failures as Python's {@code ssl} raises them: the class ({@code SSLError}, {@code
 * SSLCertVerificationError}, {@code SSLEOFError}, {@code SSLZeroReturnError}) and OpenSSL's reason
 * code and text, which is what Python shows ({@code [SSL: WRONG_VERSION_NUMBER] wrong version
 * number}), without the C file and line. The JDK says it in its own words: the alert a peer sent
 * has the alert's name ({@code Received fatal alert: unknown_ca}), which OpenSSL's reason is made
 * from; a few other messages are matched by their text; a certificate that did not verify comes
 * from {@link TlsTrust} with OpenSSL's words already.
 */
final class TlsErrors {
  private TlsErrors() {}

  /** Alerts OpenSSL names with {@code SSLV3_ALERT_}; the others are {@code TLSV1_ALERT_}. */
  private static final Set<String> SSLV3_ALERTS =
      Set.of(
          "unexpected_message",
          "bad_record_mac",
          "decompression_failure",
          "handshake_failure",
          "no_certificate",
          "bad_certificate",
          "unsupported_certificate",
          "certificate_revoked",
          "certificate_expired",
          "certificate_unknown",
          "illegal_parameter");

  /** TLS 1.3's own alerts, named {@code TLSV13_ALERT_} by OpenSSL. */
  private static final Map<String, String> TLSV13_ALERTS =
      Map.of(
          "certificate_required", "CERTIFICATE_REQUIRED", "missing_extension", "MISSING_EXTENSION");

  /** JDK messages (their start) and OpenSSL's reason for the same failure. */
  private static final Map<String, String[]> BY_MESSAGE =
      Map.of(
          "Unsupported or unrecognized SSL message",
          new String[] {"WRONG_VERSION_NUMBER", "wrong version number"},
          "Unrecognized SSL message",
          new String[] {"WRONG_VERSION_NUMBER", "wrong version number"},
          "Empty client certificate chain",
          new String[] {"PEER_DID_NOT_RETURN_A_CERTIFICATE", "peer did not return a certificate"},
          "Empty server certificate chain",
          new String[] {"NO_CERTIFICATES_RETURNED", "no certificates returned"},
          "The server selected protocol version",
          new String[] {"UNSUPPORTED_PROTOCOL", "unsupported protocol"},
          "Client requested protocol",
          new String[] {"UNSUPPORTED_PROTOCOL", "unsupported protocol"},
          "No appropriate protocol",
          new String[] {"NO_PROTOCOLS_AVAILABLE", "no protocols available"},
          "Tag mismatch",
          new String[] {
            "DECRYPTION_FAILED_OR_BAD_RECORD_MAC", "decryption failed or bad record mac"
          },
          "No matching application layer protocol",
          new String[] {"NO_APPLICATION_PROTOCOL", "no application protocol"});

  /** An SSLException from the engine of {@code layer} (whose first bytes tell a plain peer). */
  static SocketError map(SSLException e, TlsLayer layer) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TlsTrust.VerifyFailure v) {
        return SocketError.ssl(
                PyException.SSLCertVerificationError,
                "CERTIFICATE_VERIFY_FAILED",
                "certificate verify failed: " + v.getMessage())
            .withHint(v.hint());
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Received fatal alert: ")) {
      return alert(message.substring("Received fatal alert: ".length()).strip());
    }
    for (Map.Entry<String, String[]> m : BY_MESSAGE.entrySet()) {
      if (message.startsWith(m.getKey())) {
        String reason = m.getValue()[0];
        ByteString first = layer == null ? ByteString.EMPTY : layer.firstBytes();
        if (reason.equals("WRONG_VERSION_NUMBER")
            && layer != null
            && !layer.engine().getUseClientMode()
            && looksLikeHttpRequest(first)) {
          return SocketError.ssl(PyException.SSLError, "HTTP_REQUEST", "http request")
              .withHint(Text.get("tls.hint.http", first));
        }
        SocketError error = SocketError.ssl(PyException.SSLError, reason, m.getValue()[1]);
        if (reason.equals("WRONG_VERSION_NUMBER")) {
          return error.withHint(
              first.isEmpty()
                  ? Text.get("tls.hint.not.tls")
                  : Text.get("tls.hint.not.tls.sent", first));
        }
        return error;
      }
    }
    if (e.getCause() instanceof IOException io && !(io instanceof SSLException)) {
      return JdkErrors.map(io);
    }
    return SocketError.ssl(PyException.SSLError, null, message);
  }

  /** A fatal alert the peer sent, named as OpenSSL names it. */
  static SocketError alert(String name) {
    String prefix;
    String words;
    if (TLSV13_ALERTS.containsKey(name)) {
      prefix = "TLSV13";
      words = "tlsv13";
    } else if (SSLV3_ALERTS.contains(name)) {
      prefix = "SSLV3";
      words = "sslv3";
    } else {
      prefix = "TLSV1";
      words = "tlsv1";
    }
    String reason = prefix + "_ALERT_" + name.toUpperCase(Locale.ROOT);
    return SocketError.ssl(PyException.SSLError, reason, words + " alert " + name.replace('_', ' '))
        .withHint(Text.get("tls.hint.alert", alertMeaning(name)));
  }

  private static String alertMeaning(String name) {
    return switch (name) {
      case "unknown_ca", "certificate_unknown", "bad_certificate" ->
          Text.get("tls.alert.untrusted");
      case "certificate_required" -> Text.get("tls.alert.certificate.required");
      case "protocol_version" -> Text.get("tls.alert.protocol.version");
      case "handshake_failure" -> Text.get("tls.alert.handshake.failure");
      case "no_application_protocol" -> Text.get("tls.alert.no.application.protocol");
      case "unrecognized_name" -> Text.get("tls.alert.unrecognized.name");
      default -> Text.get("tls.alert.other", name);
    };
  }

  /** The connection ended where TLS needed more: in a handshake or in a record. */
  static SocketError unexpectedEof() {
    return SocketError.ssl(
            PyException.SSLEOFError,
            "UNEXPECTED_EOF_WHILE_READING",
            "EOF occurred in violation of protocol")
        .withHint(Text.get("tls.hint.eof"));
  }

  /** A send after the TLS connection was closed (close_notify sent or received). */
  static SocketError closed() {
    return SocketError.python(
        PyException.SSLZeroReturnError, "TLS/SSL connection has been closed (EOF)");
  }

  private static boolean looksLikeHttpRequest(ByteString first) {
    String start =
        first.substring(0, Math.min(first.size(), 8)).decode(StandardCharsets.ISO_8859_1);
    return start.startsWith("GET ")
        || start.startsWith("POST ")
        || start.startsWith("HEAD ")
        || start.startsWith("PUT ");
  }
}
