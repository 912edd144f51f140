package dev.sockshell.net;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What tls needs of BouncyCastle: a self-signed certificate, and the older PEM key forms. Behind an
 * interface because its implementation ({@link BouncyCastlePkix}) may live in a class loader of its
 * own ({@link PkixLoader}); public for the same reason: a class of another loader sees no
 * package-private member of this one.
 */
public interface Pkix {

  /**
   * A certificate for {@code pair} signed by itself (SHA256withECDSA), for {@code commonName}, with
   * these subject alternative names: DNS names, and IP addresses where {@code ipAddresses}.
   */
  X509Certificate selfSigned(
      KeyPair pair,
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException;

  /** A PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) PEM key, or null. */
  PrivateKey legacyKey(String pemBlock);
}
