package dev.sockshell.net;

/** What every socket of a session shares: the waiter, the receive buffer, the default timeout. */
final class SocketContext {
  final Waiter waiter;
  final Scratch scratch = new Scratch();
  private Timeout defaultTimeout = Timeout.BLOCKING;

  SocketContext(Waiter waiter) {
    this.waiter = waiter;
  }

  Timeout defaultTimeout() {
    return defaultTimeout;
  }

  void setDefaultTimeout(Timeout timeout) {
    this.defaultTimeout = timeout;
  }
}
