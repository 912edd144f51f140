package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * Python's {@code SSLContext} for one {@code tls} setting: what to trust, what to present, the
 * versions and ALPN. It makes an {@link SSLEngine} per connection; a listening socket keeps one for
 * every connection it accepts. Made once per setting in a session ({@link TlsContexts}): loading
 * the JDK's trust store costs more than a handshake.
 */
final class TlsContext {
  private static final char[] NO_PASSWORD = new char[0];

  private final TlsSettings settings;
  private final SSLContext ssl;
  private final TlsTrust trust;
  private final X509Certificate[] ownChain;
  private final SelfSigned selfSigned;

  private TlsContext(
      TlsSettings settings,
      SSLContext ssl,
      TlsTrust trust,
      X509Certificate[] ownChain,
      SelfSigned selfSigned) {
    this.settings = settings;
    this.ssl = ssl;
    this.trust = trust;
    this.ownChain = ownChain;
    this.selfSigned = selfSigned;
  }

  static TlsContext of(TlsSettings settings) throws SocketError {
    try {
      SelfSigned made = null;
      X509Certificate[] chain = null;
      PrivateKey key = null;
      if (settings.selfSigned() != null) {
        made = SelfSigned.make(settings.selfSigned());
        chain = new X509Certificate[] {made.certificate()};
        key = made.key();
      } else if (settings.cert() != null) {
        chain = TlsPem.certificates(settings.cert(), "--cert");
        key = TlsPem.privateKey(settings.key() != null ? settings.key() : settings.cert(), chain);
      }
      KeyManager[] keys = chain == null ? null : keyManagers(chain, key);
      TlsTrust trust = null;
      TrustManager[] trusts;
      if (settings.insecure()) {
        trusts = new TrustManager[] {TlsTrust.none()};
      } else {
        KeyStore anchors = settings.cafile() == null ? null : TlsPem.trustStore(settings.cafile());
        trust = TlsTrust.of(anchors);
        trusts = new TrustManager[] {trust};
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(keys, trusts, null);
      return new TlsContext(settings, ssl, trust, chain, made);
    } catch (GeneralSecurityException e) {
      throw SocketError.ssl(PyException.SSLError, null, String.valueOf(e.getMessage()));
    }
  }

  private static KeyManager[] keyManagers(X509Certificate[] chain, PrivateKey key)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    store.setKeyEntry("key", key, NO_PASSWORD, chain);
    KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  TlsSettings settings() {
    return settings;
  }

  /** The certificate {@code --self-signed} made, or null. */
  SelfSigned selfSigned() {
    return selfSigned;
  }

  /** The chain this side presents, or null. */
  X509Certificate[] ownChain() {
    return ownChain;
  }

  /**
   * A client's TLS over a connection, the handshake not begun.
   *
   * @param host the name to send (SNI, for a DNS name only) and check; null checks nothing
   * @param received bytes already read from the connection (they come before the kernel's)
   */
  TlsLayer client(String host, ByteString received) throws SocketError {
    // No peer host and port: the JDK would resume the last session with that peer.
    SSLEngine engine = ssl.createSSLEngine();
    engine.setUseClientMode(true);
    SSLParameters p = parameters(engine);
    if (host != null && TlsTrust.ipLiteral(host) == null) {
      try {
        p.setServerNames(List.of(new SNIHostName(host)));
      } catch (IllegalArgumentException e) {
        // Not a name SNI can carry (an underscore, say): sent without it, as OpenSSL would fail.
      }
    }
    engine.setSSLParameters(p);
    if (trust != null) {
      trust.expectHost(engine, host);
    }
    return new TlsLayer(engine, this, received);
  }

  /** A server's TLS over a connection it accepted, the handshake not begun. */
  TlsLayer server(ByteString received) throws SocketError {
    SSLEngine engine = ssl.createSSLEngine();
    engine.setUseClientMode(false);
    SSLParameters p = parameters(engine);
    switch (settings.clientCert()) {
      case REQUIRED -> p.setNeedClientAuth(true);
      case OPTIONAL -> p.setWantClientAuth(true);
      default -> {}
    }
    engine.setSSLParameters(p);
    if (!settings.alpn().isEmpty()) {
      // OpenSSL's choice, which Python's server uses: the first of ours the client offers; with
      // none in common the handshake goes on without ALPN (the JDK would end it with an alert).
      engine.setHandshakeApplicationProtocolSelector(
          (e, offered) ->
              settings.alpn().stream().filter(offered::contains).findFirst().orElse(""));
    }
    return new TlsLayer(engine, this, received);
  }

  private SSLParameters parameters(SSLEngine engine) {
    SSLParameters p = engine.getSSLParameters();
    p.setProtocols(
        settings.version() != null
            ? new String[] {settings.version()}
            : new String[] {"TLSv1.3", "TLSv1.2"});
    if (!settings.alpn().isEmpty() && !settings.server()) {
      p.setApplicationProtocols(settings.alpn().toArray(String[]::new));
    }
    return p;
  }

  /** The trust manager of {@code --insecure}, for the verbose line. */
  boolean verifies() {
    return trust != null;
  }
}
