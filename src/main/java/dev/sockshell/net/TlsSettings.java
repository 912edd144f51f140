package dev.sockshell.net;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tls NAME …} asked for: the side, what to trust and check, what to present, ALPN and
 * the version. Python's names: {@code server_hostname}, {@code cafile}, {@code set_alpn_protocols},
 * {@code minimum_version = maximum_version}, {@code verify_mode}.
 *
 * @param server the server side ({@code --server})
 * @param serverHostname the name to send (SNI) and check; null: the host the socket connected to
 * @param insecure no verification at all (Python's CERT_NONE without check_hostname)
 * @param cafile the certificates to trust instead of the JDK's, or null
 * @param alpn the protocols to offer or accept, in order of preference (empty: no ALPN)
 * @param version {@code TLSv1.2} or {@code TLSv1.3} only, or null for both
 * @param cert the certificate chain to present (PEM), or null
 * @param key its private key (PEM), or null when {@code cert} holds it too
 * @param selfSigned the common name of a certificate to make in memory, or null
 * @param clientCert what a server asks of clients
 */
public record TlsSettings(
    boolean server,
    String serverHostname,
    boolean insecure,
    Path cafile,
    List<String> alpn,
    String version,
    Path cert,
    Path key,
    String selfSigned,
    ClientCert clientCert) {

  /** Python's {@code verify_mode} on a server: CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED. */
  public enum ClientCert {
    NONE,
    OPTIONAL,
    REQUIRED
  }

  /** The versions {@code --version} takes, as Python's {@code version()} names them. */
  public static final List<String> VERSIONS = List.of("TLSv1.2", "TLSv1.3");

  public TlsSettings {
    alpn = List.copyOf(alpn);
  }
}
