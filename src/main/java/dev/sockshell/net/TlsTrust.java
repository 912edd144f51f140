package dev.sockshell.net;

import java.net.IDN;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Verifies the peer's certificate as OpenSSL does for Python's {@code ssl}: the chain against the
 * trusted certificates (the JDK's, or a {@code --cafile}'s), the dates of every certificate in it,
 * then the host name (X509_check_host: the DNS or IP subjectAltNames, the common name only when
 * there is no DNS name). A failure says what OpenSSL's verify error says ({@code self-signed
 * certificate}, {@code Hostname mismatch, certificate is not valid for 'example.com'.}).
 *
 * <p>The host name is checked here rather than by the JDK's endpoint identification, which needs an
 * engine made with the peer's host and port, and such an engine resumes the last session with that
 * peer: Python's does not, and neither does sockshell, so that each {@code tls} is a full
 * handshake.
 */
final class TlsTrust extends X509ExtendedTrustManager {

  private static final String UNABLE_TO_GET_LOCAL_ISSUER_CERTIFICATE =
      "unable to get local issuer certificate";

  /** A certificate that did not verify, in OpenSSL's words. */
  static final class VerifyFailure extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    VerifyFailure(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    String hint() {
      return hint;
    }
  }

  /** The JDK's chain check, or null to trust anything ({@code --insecure}). */
  private final X509TrustManager pkix;

  private final Map<SSLEngine, String> hosts = Collections.synchronizedMap(new WeakHashMap<>());

  private TlsTrust(X509TrustManager pkix) {
    this.pkix = pkix;
  }

  /** Trusts any certificate and checks no name: {@code --insecure} (Python's CERT_NONE). */
  static TlsTrust none() {
    return new TlsTrust(null);
  }

  /** Trusts what {@code anchors} holds, or the JDK's trust store when it is null. */
  static TlsTrust of(KeyStore anchors) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        return new TlsTrust(x);
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** The host name {@code engine} must find in the server's certificate (null: none). */
  void expectHost(SSLEngine engine, String host) {
    if (host != null) {
      hosts.put(engine, host);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain, authType, false);
    String host = hosts.get(engine);
    if (host != null && pkix != null) {
      checkHost(chain[0], host);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    verify(chain, authType, true);
  }

  private void verify(X509Certificate[] chain, String authType, boolean client)
      throws CertificateException {
    if (pkix == null) {
      return;
    }
    try {
      if (client) {
        pkix.checkClientTrusted(chain, authType);
      } else {
        pkix.checkServerTrusted(chain, authType);
      }
    } catch (CertificateException e) {
      throw classify(chain, e);
    }
    // OpenSSL checks every certificate's dates, the trusted one too; the JDK skips a chain that
    // is itself a trust anchor (a self-signed certificate given as --cafile).
    for (X509Certificate c : chain) {
      try {
        c.checkValidity();
      } catch (CertificateExpiredException e) {
        throw expired(c);
      } catch (CertificateNotYetValidException e) {
        throw notYetValid(c);
      }
    }
  }

  /** Why the JDK refused the chain, as OpenSSL's first verify error would say it. */
  private static VerifyFailure classify(X509Certificate[] chain, CertificateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateExpiredException) {
        return expired(chain[0]);
      }
      if (t instanceof CertificateNotYetValidException) {
        return notYetValid(chain[0]);
      }
    }
    String untrusted =
        "trust it with --cafile PATH (its certificate, or its CA's), or skip the"
            + " check with --insecure";
    if (chain.length == 0) {
      return new VerifyFailure(UNABLE_TO_GET_LOCAL_ISSUER_CERTIFICATE, untrusted);
    }
    if (chain.length == 1 && selfIssued(chain[0])) {
      return new VerifyFailure("self-signed certificate", untrusted);
    }
    if (selfIssued(chain[chain.length - 1])) {
      return new VerifyFailure("self-signed certificate in certificate chain", untrusted);
    }
    return new VerifyFailure(UNABLE_TO_GET_LOCAL_ISSUER_CERTIFICATE, untrusted);
  }

  private static VerifyFailure expired(X509Certificate c) {
    return new VerifyFailure(
        "certificate has expired",
        "its notAfter is " + TlsPeer.opensslDate(c.getNotAfter()) + "; --insecure skips the check");
  }

  private static VerifyFailure notYetValid(X509Certificate c) {
    return new VerifyFailure(
        "certificate is not yet valid",
        "its notBefore is "
            + TlsPeer.opensslDate(c.getNotBefore())
            + "; check this machine's clock, or --insecure skips the check");
  }

  private static boolean selfIssued(X509Certificate c) {
    if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** X509_check_host / X509_check_ip, as Python's check_hostname uses them. */
  static void checkHost(X509Certificate cert, String host) throws VerifyFailure {
    InetAddress ip = ipLiteral(host);
    List<String> dns = new ArrayList<>();
    boolean matched = false;
    try {
      if (cert.getSubjectAlternativeNames() != null) {
        for (List<?> san : cert.getSubjectAlternativeNames()) {
          int type = (Integer) san.get(0);
          String value = String.valueOf(san.get(1));
          if (type == 2) {
            dns.add(value);
            matched |= ip == null && dnsMatches(value, host);
          } else if (type == 7 && ip != null) {
            matched |= ip.equals(ipLiteral(value));
          }
        }
      }
    } catch (CertificateParsingException e) {
      matched = false;
    }
    if (!matched && ip == null && dns.isEmpty()) {
      String cn = commonName(cert.getSubjectX500Principal());
      matched = cn != null && dnsMatches(cn, host);
    }
    if (!matched) {
      String hint =
          "the certificate is for "
              + TlsPeer.names(cert)
              + "; --server-hostname NAME"
              + " checks another name, --insecure skips the check";
      throw ip != null
          ? new VerifyFailure(
              "IP address mismatch, certificate is not valid for '" + host + "'.", hint)
          : new VerifyFailure(
              "Hostname mismatch, certificate is not valid for '" + host + "'.", hint);
    }
  }

  /** One DNS name against a pattern; a wildcard stands for the whole leftmost label only. */
  private static boolean dnsMatches(String pattern, String host) {
    String p = ascii(pattern);
    String h = ascii(host);
    if (p.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
    }
    return p.equals(h);
  }

  private static String ascii(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    try {
      return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return n.toLowerCase(Locale.ROOT);
    }
  }

  static String commonName(X500Principal principal) {
    for (List<String> rdn : TlsPeer.rdns(principal)) {
      if (rdn.get(0).equals("commonName")) {
        return rdn.get(1);
      }
    }
    return null;
  }

  /** The address when {@code host} is an IP literal, else null (never a DNS lookup). */
  static InetAddress ipLiteral(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      return InetAddress.getByName(h);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  // The checks without an engine are not used (sockshell hands the engine to every check).

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain, authType, true);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    verify(chain, authType, false);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain, authType, true);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    verify(chain, authType, false);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix == null ? new X509Certificate[0] : pkix.getAcceptedIssuers();
  }
}
