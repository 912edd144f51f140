package dev.sockshell.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in the test: a CA, and leaves it signs for a name, valid or expired, written as
 * PEM files that sockshell, Python's {@code ssl} and {@code openssl} all read.
 */
public final class TestCerts {
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** A certificate and its key, and where their PEM files are. */
  public record Issued(X509Certificate cert, KeyPair keys, Path certFile, Path keyFile) {}

  private final Path dir;
  private final Issued ca;

  public TestCerts(Path dir) throws Exception {
    this.dir = dir;
    KeyPair keys = keys();
    X500Name name = new X500Name("CN=sockshell test CA,O=sockshell tests");
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(30))),
            name,
            keys.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    this.ca = write("ca", sign(b, keys), keys);
  }

  public Issued ca() {
    return ca;
  }

  /** A leaf for {@code host} (DNS, plus 127.0.0.1 for localhost) signed by the CA. */
  public Issued leaf(String file, String host, boolean expired) throws Exception {
    KeyPair keys = keys();
    Instant now = Instant.now();
    Instant from = expired ? now.minus(Duration.ofDays(10)) : now.minus(Duration.ofDays(1));
    Instant to = expired ? now.minus(Duration.ofDays(2)) : now.plus(Duration.ofDays(30));
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=sockshell test CA,O=sockshell tests"),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(from),
            Date.from(to),
            new X500Name("C=CN,O=sockshell tests,CN=" + host),
            keys.getPublic());
    GeneralName[] names =
        host.equals("localhost")
            ? new GeneralName[] {
              new GeneralName(GeneralName.dNSName, host),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }
            : new GeneralName[] {new GeneralName(GeneralName.dNSName, host)};
    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    return write(file, sign(b, ca.keys()), keys);
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private Issued write(String file, X509Certificate cert, KeyPair keys) throws IOException {
    try {
      Path certFile = dir.resolve(file + ".pem");
      Path keyFile = dir.resolve(file + ".key");
      Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
      Files.writeString(
          keyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
      return new Issued(cert, keys, certFile, keyFile);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
