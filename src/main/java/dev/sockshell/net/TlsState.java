package dev.sockshell.net;

/**
 * What a TLS socket can tell: Python's {@code version()}, {@code cipher()}, {@code
 * selected_alpn_protocol()} and {@code getpeercert()}, and the certificate {@code --self-signed}
 * made. On a listening socket only the certificate (its connections have the rest).
 *
 * @param version {@code TLSv1.3}, or null before the handshake ended (and on a listener)
 * @param cipher OpenSSL's name of the cipher suite, or null
 * @param bits the cipher's secret bits
 * @param alpn the protocol ALPN agreed on, or null
 * @param peer the peer's certificate, or null when it sent none
 * @param peerDer the same in DER ({@code getpeercert(True)}), or null
 * @param verified whether the peer's certificate was checked (not {@code --insecure})
 * @param selfSignedFingerprint the SHA-256 fingerprint of the certificate made in memory, or null
 * @param selfSignedPem that certificate in PEM, or null
 */
public record TlsState(
    boolean server,
    String version,
    String cipher,
    int bits,
    String alpn,
    TlsPeer peer,
    byte[] peerDer,
    boolean verified,
    String selfSignedFingerprint,
    String selfSignedPem) {

  static TlsState listening(TlsContext context) {
    SelfSigned made = context.selfSigned();
    return new TlsState(
        true,
        null,
        null,
        0,
        null,
        null,
        null,
        context.verifies(),
        made == null ? null : made.fingerprint(),
        made == null ? null : made.pem());
  }

  /** The TLS connection is up (the handshake ended). */
  public boolean established() {
    return version != null;
  }
}
