package dev.sockshell.net;

/** What every socket of a session shares: the waiter, the receive buffer, the default timeout. */
final class SocketContext {
  final Waiter waiter;
  final Scratch scratch = new Scratch();
  private Timeout defaultTimeout = Timeout.BLOCKING;
  volatile SendListener sendListener;

  /** Made at the first {@code tls}: a session that never uses TLS loads none of its classes. */
  private TlsContexts tls;

  SocketContext(Waiter waiter) {
    this.waiter = waiter;
  }

  Timeout defaultTimeout() {
    return defaultTimeout;
  }

  void setDefaultTimeout(Timeout timeout) {
    this.defaultTimeout = timeout;
  }

  TlsContexts tls() {
    if (tls == null) {
      tls = new TlsContexts();
    }
    return tls;
  }
}
