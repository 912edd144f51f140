package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files as Python's {@code load_cert_chain} and {@code load_verify_locations} read them:
 * certificates, and an unencrypted private key in PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code
 * openssl} writes) or the older PKCS#1 and SEC1 forms ({@code BEGIN RSA/EC PRIVATE KEY}), which
 * BouncyCastle reads (loaded only then). A file that is not what it should be fails as Python's
 * does: {@code ssl.SSLError [PEM lib]}, or the OS's error for a file that cannot be read.
 */
final class TlsPem {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----", Pattern.DOTALL);

  private TlsPem() {}

  /** The certificates in {@code path}, in order (a chain: the leaf first). */
  static X509Certificate[] certificates(Path path, String what) throws SocketError {
    byte[] bytes = read(path);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Collection<? extends Certificate> all =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (all.isEmpty()) {
        throw pemLib(path, Text.get("tls.pem.no.certificate"));
      }
      return all.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    } catch (CertificateException | IOException e) {
      throw pemLib(path, Text.get("tls.pem.no.certificate.for", what));
    }
  }

  /** Trust anchors: every certificate in {@code path} ({@code --cafile}). */
  static KeyStore trustStore(Path path) throws SocketError {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : certificates(path, "--cafile")) {
        store.setCertificateEntry("ca" + i++, c);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw pemLib(path, String.valueOf(e.getMessage()));
    }
  }

  /** The private key in {@code path}, which must belong to {@code chain}'s first certificate. */
  static PrivateKey privateKey(Path path, X509Certificate[] chain) throws SocketError {
    String text = new String(read(path), StandardCharsets.US_ASCII);
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
        throw SocketError.ssl(PyException.SSLError, null, "PEM lib")
            .at(path)
            .withHint(Text.get("tls.hint.key.encrypted"));
      }
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      PrivateKey key =
          type.equals("PRIVATE KEY")
              ? pkcs8(Base64.getMimeDecoder().decode(m.group(2)), chain[0])
              : legacyKey(path, m.group());
      if (key == null) {
        throw pemLib(path, Text.get("tls.pem.key.unreadable"));
      }
      if (!matches(key, chain[0])) {
        throw SocketError.ssl(PyException.SSLError, "KEY_VALUES_MISMATCH", "key values mismatch")
            .at(path)
            .withHint(Text.get("tls.hint.key.mismatch"));
      }
      return key;
    }
    throw pemLib(path, Text.get("tls.pem.no.key"));
  }

  private static PrivateKey pkcs8(byte[] der, X509Certificate cert) {
    String first = cert.getPublicKey().getAlgorithm();
    for (String algorithm : new String[] {first, "RSA", "EC", "EdDSA", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Another algorithm, then.
      }
    }
    return null;
  }

  /** Signs with the key and checks with the certificate's public key: do they belong together? */
  private static boolean matches(PrivateKey key, X509Certificate cert) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519" -> "Ed25519";
          default -> null;
        };
    if (algorithm == null) {
      return true; // cannot tell here: the handshake will
    }
    try {
      byte[] probe = "sockshell".getBytes(StandardCharsets.US_ASCII);
      java.security.Signature signer = java.security.Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] read(Path path) throws SocketError {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw SocketError.of(Errno.ENOENT).at(path);
    } catch (IOException e) {
      throw Errno.ofFile(e)
          .map(SocketError::of)
          .orElseGet(() -> SocketError.python(PyException.OSError, String.valueOf(e.getMessage())))
          .at(path);
    }
  }

  /** An older PEM key form, read by BouncyCastle (loaded now, on the first such key). */
  private static PrivateKey legacyKey(Path path, String pemBlock) throws SocketError {
    try {
      return SelfSigned.legacyKey(pemBlock);
    } catch (GeneralSecurityException e) {
      throw pemLib(path, String.valueOf(e.getMessage()));
    }
  }

  private static SocketError pemLib(Path path, String why) {
    return SocketError.ssl(PyException.SSLError, null, "PEM lib").at(path).withHint(why);
  }
}
