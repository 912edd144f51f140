package dev.sockshell.net;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A fresh key and self-signed certificate in memory for {@code tls NAME --server --self-signed
 * [CN]}: an EC P-256 key (made in a millisecond, where RSA takes a hundred) and a certificate for
 * the name, valid from an hour ago for 30 days, built with BouncyCastle's {@code bcpkix} (not the
 * JDK's internal {@code sun.security.x509}). The only class that touches BouncyCastle, so a session
 * without {@code --self-signed} (or an old-style PEM key) never loads it.
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
    X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    Instant now = Instant.now();
    BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(62);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            serial,
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(30))),
            name,
            pair.getPublic());
    try {
      builder.addExtension(
          Extension.subjectAlternativeName, false, new GeneralNames(altNames(commonName)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new SelfSigned(certificate, pair.getPrivate(), pem(certificate));
    } catch (IOException | OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /**
   * The names a client may check: the common name itself, and for {@code localhost} the loopback
   * addresses too, which a client that connected to 127.0.0.1 or ::1 checks.
   */
  private static GeneralName[] altNames(String commonName) {
    List<GeneralName> names = new ArrayList<>();
    if (TlsTrust.ipLiteral(commonName) != null) {
      names.add(new GeneralName(GeneralName.iPAddress, commonName));
    } else {
      names.add(new GeneralName(GeneralName.dNSName, commonName));
    }
    if (commonName.toLowerCase(Locale.ROOT).equals("localhost")) {
      names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
      names.add(new GeneralName(GeneralName.iPAddress, "::1"));
    }
    return names.toArray(GeneralName[]::new);
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
  static PrivateKey legacyKey(String pemBlock) {
    try (PEMParser parser = new PEMParser(new StringReader(pemBlock))) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
