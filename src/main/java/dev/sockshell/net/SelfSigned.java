package dev.sockshell.net;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A fresh key and self-signed certificate in memory for {@code tls NAME --server --self-signed
 * [CN]}: an EC P-256 key (made in a millisecond, where RSA takes a hundred) and a certificate for
 * the name, valid from an hour ago for 30 days, built by BouncyCastle ({@link PkixLoader}), which a
 * session without {@code --self-signed} (or an old-style PEM key) never loads.
 *
 * @param certificate the certificate
 * @param key its private key, which never leaves memory
 * @param pem the certificate in PEM, for a client's {@code --cafile}
 */
record SelfSigned(X509Certificate certificate, PrivateKey key, String pem) {

  /** Makes a certificate for {@code commonName}: DNS name, or IP address if it is one. */
  static SelfSigned make(String commonName) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    Instant now = Instant.now();
    List<String> dnsNames = new ArrayList<>();
    List<String> ipAddresses = new ArrayList<>();
    if (TlsTrust.ipLiteral(commonName) != null) {
      ipAddresses.add(commonName);
    } else {
      dnsNames.add(commonName);
    }
    // A client that connected to 127.0.0.1 or ::1 checks the address against the names.
    if (commonName.toLowerCase(Locale.ROOT).equals("localhost")) {
      ipAddresses.add("127.0.0.1");
      ipAddresses.add("::1");
    }
    X509Certificate certificate =
        PkixLoader.pkix()
            .selfSigned(
                pair,
                commonName,
                dnsNames,
                ipAddresses,
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)));
    return new SelfSigned(certificate, pair.getPrivate(), pem(certificate));
  }

  /** {@code AB:CD:…}: what {@code openssl x509 -fingerprint -sha256} prints. */
  String fingerprint() {
    return fingerprint(certificate);
  }

  static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(X509Certificate certificate) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** A PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) PEM key, or null. */
  static PrivateKey legacyKey(String pemBlock) throws GeneralSecurityException {
    return PkixLoader.pkix().legacyKey(pemBlock);
  }
}
