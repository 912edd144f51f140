package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The blocking TLS calls of a {@link StreamSocket}, over its {@link TlsLayer}: the handshake of
 * {@code tls} (and of a TLS listener's {@code accept}), {@code unwrap}, and what {@code version},
 * {@code cipher} and {@code getpeercert} report. Each waits through the session's {@link Waiter},
 * so the socket's timeout and Ctrl-C apply.
 */
final class StreamTls {
  private StreamTls() {}

  /** Wraps a connected socket, as Python's {@code wrap_socket} with the handshake on connect. */
  static void start(StreamSocket socket, TlsContext context, TlsSettings settings)
      throws SocketError {
    StreamData data = socket.data();
    if (data.tls() != null) {
      throw SocketError.python(PyException.ValueError, "the socket already uses TLS")
          .withAdvice(Advice.Kind.UNWRAP_FIRST, socket.name());
    }
    TlsLayer layer =
        context.settings().server()
            ? context.server(data.held().takeAll())
            : context.client(hostToCheck(socket, settings), data.held().takeAll());
    data.setTls(layer);
    handshake(socket, layer);
  }

  /**
   * The name the client sends and checks: {@code --server-hostname}, else the host the socket
   * connected to (a name, or an address, which is then checked against the certificate's IP
   * addresses, as Python's {@code server_hostname='127.0.0.1'} does).
   */
  private static String hostToCheck(StreamSocket socket, TlsSettings settings) throws SocketError {
    if (settings.serverHostname() != null) {
      return settings.serverHostname();
    }
    String host = socket.connectedHost();
    if (host != null) {
      return host;
    }
    SockAddress peer = socket.peerAddress();
    return peer instanceof SockAddress.Inet inet ? inet.host() : null;
  }

  /**
   * A connection a TLS listener accepted gets the listener's TLS ({@code listening}, null for
   * none), the handshake not begun: {@link #handshakeAccepted} or the background does it.
   */
  static void wrapAccepted(StreamSocket connection, TlsContext listening) throws SocketError {
    if (listening != null) {
      connection.data().setTls(listening.server(ByteString.EMPTY));
    }
  }

  /** Python's {@code SSLSocket.accept} does the handshake before it returns the connection. */
  static void handshakeAccepted(StreamSocket connection) throws SocketError {
    TlsLayer layer = connection.data().tls();
    if (layer != null) {
      handshake(connection, layer);
    }
  }

  /**
   * The handshake, to its end; a failure closes the socket, as Python's {@code wrap_socket} and
   * {@code accept} do.
   */
  static void handshake(StreamSocket socket, TlsLayer layer) throws SocketError {
    SocketChannel channel = socket.stream;
    String what = "the TLS handshake on " + socket.name();
    long deadline = socket.timeout.deadlineFromNow();
    try {
      while (!layer.handshake(channel)) {
        socket.context.waiter.await(channel, layer.wants(SelectionKey.OP_READ), deadline, what);
      }
    } catch (SocketError e) {
      socket.close();
      SocketError error =
          e.type() == PyException.TimeoutError
              ? SocketError.python(PyException.TimeoutError, "The handshake operation timed out")
                  .withHint(Text.get("tls.hint.handshake.timeout"))
              : e;
      String closed = Text.get("tls.hint.closed", socket.name());
      throw error.withHint(error.hint() == null ? closed : error.hint() + "; " + closed);
    }
  }

  /**
   * Python's {@code unwrap}: sends close_notify, waits for the peer's, and leaves the socket plain.
   * Bytes decrypted before the peer's close_notify, and those after it, are kept for recv.
   */
  static void unwrap(StreamSocket socket) throws SocketError {
    StreamData data = socket.data();
    TlsLayer layer = layer(socket, "unwrap");
    SocketChannel channel = socket.stream;
    String what = "unwrap on " + socket.name();
    long deadline = socket.timeout.deadlineFromNow();
    layer.closeOutbound();
    while (!layer.flush(channel)) {
      socket.context.waiter.await(channel, SelectionKey.OP_WRITE, deadline, what);
    }
    while (!layer.awaitCloseNotify(channel)) {
      socket.context.waiter.await(channel, layer.wants(SelectionKey.OP_READ), deadline, what);
    }
    data.setTls(null);
    data.held().add(layer.takeRemains());
  }

  /** What {@code version}, {@code cipher}, {@code getpeercert} and {@code /list} tell. */
  static TlsState state(StreamSocket socket) {
    TlsLayer layer = socket.data().tls();
    if (layer == null) {
      TlsContext listening = socket.listeningTls();
      return listening == null ? null : TlsState.listening(listening);
    }
    SSLSession session = layer.engine().getSession();
    boolean done = layer.handshakeDone();
    TlsPeer peer = null;
    byte[] peerDer = null;
    try {
      Certificate[] chain = done ? session.getPeerCertificates() : null;
      if (chain != null && chain.length > 0 && chain[0] instanceof X509Certificate x) {
        peer = TlsPeer.of(x);
        peerDer = x.getEncoded();
      }
    } catch (SSLPeerUnverifiedException | java.security.cert.CertificateEncodingException e) {
      peer = null;
    }
    String alpn = done ? layer.engine().getApplicationProtocol() : null;
    TlsContext context = layer.context();
    return new TlsState(
        context.settings().server(),
        done ? session.getProtocol() : null,
        done ? TlsPeer.opensslCipher(session.getCipherSuite()) : null,
        done ? TlsPeer.cipherBits(session.getCipherSuite()) : 0,
        alpn == null || alpn.isEmpty() ? null : alpn,
        peer,
        peerDer,
        context.verifies(),
        context.selfSigned() == null ? null : context.selfSigned().fingerprint(),
        context.selfSigned() == null ? null : context.selfSigned().pem());
  }

  /** What {@link StreamSocket#tlsLabel} shows of a socket that is not closed. */
  static String label(StreamSocket socket) {
    TlsLayer layer = socket.data().tls();
    if (layer != null) {
      return layer.handshakeDone() ? layer.engine().getSession().getProtocol() : "TLS handshake";
    }
    return socket.listeningTls() != null ? "TLS server" : null;
  }

  private static TlsLayer layer(StreamSocket socket, String call) throws SocketError {
    TlsLayer layer = socket.data().tls();
    if (layer == null) {
      throw notTls(socket, call);
    }
    return layer;
  }

  static SocketError notTls(StreamSocket socket, String call) {
    return SocketError.python(
            PyException.AttributeError, "'socket' object has no attribute '" + call + "'")
        .withAdvice(Advice.Kind.START_TLS, socket.name());
  }
}
