package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A SOCK_STREAM socket (TCP, or AF_UNIX stream).
 *
 * <p>BSD decides client or server at {@code listen()}, the JDK at construction ({@code
 * SocketChannel} vs {@code ServerSocketChannel}). To keep BSD's timing, a stream socket starts as a
 * {@code SocketChannel} that is bound eagerly (so EADDRINUSE comes from {@code bind} and {@code
 * getsockname} works right after it), and {@code listen} closes that channel and binds a {@code
 * ServerSocketChannel} to the same address with the user's options. The JDK gives server channels
 * SO_REUSEADDR=1 by default; the swap copies the socket's real value instead, so the option stays
 * what the user set.
 *
 * <p>The JDK also closes a channel whose connect failed, where the OS keeps the socket (and its
 * explicit bind) for another try; such a channel is replaced by a fresh one in the same state.
 */
public final class StreamSocket extends NetSocket {
  private SocketChannel stream;
  private ServerSocketChannel server;

  /**
   * Where the socket is bound (by the user, or by the kernel when a connect started), kept to
   * rebuild the channel after a failed connect: Linux keeps the port either way.
   */
  private SockAddress keptBind;

  private SockAddress connectTarget;

  /** The error of a non-blocking connect that failed, reported once by the next call. */
  private SocketError connectError;

  private ByteString pending = ByteString.EMPTY;
  private boolean inputShut;
  private boolean outputShut;
  private boolean eofSeen;
  private int backlog;

  StreamSocket(String name, Family family, SocketContext context) throws SocketError {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = openStream();
  }

  private StreamSocket(String name, Family family, SocketContext context, SocketChannel accepted) {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = accepted;
    this.state = SocketState.CONNECTED;
  }

  private SocketChannel openStream() throws SocketError {
    try {
      SocketChannel channel = SocketChannel.open(family().jdk());
      channel.configureBlocking(false);
      return channel;
    } catch (IOException | UnsupportedOperationException e) {
      throw e instanceof IOException io ? JdkErrors.map(io) : unsupportedFamily();
    }
  }

  static SocketError unsupportedFamily() {
    return SocketError.of(Errno.EAFNOSUPPORT);
  }

  @Override
  NetworkChannel channel() {
    return server != null ? server : stream;
  }

  /** The listening backlog, 0 when not listening. */
  public int backlog() {
    return backlog;
  }

  /** True once a recv has returned b'' (the peer closed its side). */
  public boolean eofSeen() {
    return eofSeen;
  }

  public boolean inputShut() {
    return inputShut;
  }

  public boolean outputShut() {
    return outputShut;
  }

  @Override
  public SocketState state() {
    refreshConnecting();
    return state;
  }

  @Override
  public int bytesWaiting() {
    if (state != SocketState.CONNECTED || inputShut) {
      return pending.size();
    }
    try {
      // FIONREAD, without consuming anything.
      return pending.size() + stream.socket().getInputStream().available();
    } catch (IOException e) {
      return pending.size();
    }
  }

  /** Where a connect in progress goes (the JDK tells only once it is done), or null. */
  SockAddress connectTarget() {
    return state == SocketState.CONNECTING ? connectTarget : null;
  }

  /** Bytes read from the kernel but not yet returned by a recv. */
  public int buffered() {
    return pending.size();
  }

  /** Gives back bytes a framing read took past its message; the next recv returns them first. */
  public void unread(ByteString bytes) {
    pending = bytes.concat(pending);
  }

  @Override
  public SockAddress localAddress() throws SocketError {
    checkOpen();
    try {
      return SockAddress.fromJdk(channel().getLocalAddress(), family());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public SockAddress peerAddress() throws SocketError {
    checkOpen();
    refreshConnecting();
    if (state != SocketState.CONNECTED) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    try {
      return SockAddress.fromJdk(stream.getRemoteAddress(), family());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public void bind(SockAddress address) throws SocketError {
    checkOpen();
    if (state != SocketState.UNBOUND) {
      throw SocketError.of(Errno.EINVAL).at(address).withHint(name() + " is already bound");
    }
    try {
      stream.bind(address.jdk());
      keptBind = SockAddress.fromJdk(stream.getLocalAddress(), family());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e).at(address);
    }
    state = SocketState.BOUND;
  }

  @Override
  public void listen(int backlog) throws SocketError {
    checkOpen();
    refreshConnecting();
    switch (state) {
      case CONNECTED, CONNECTING ->
          throw SocketError.of(Errno.EINVAL)
              .withHint(name() + " is a connected socket; only an unconnected socket can listen");
      case LISTENING -> {
        // Linux only changes the backlog here; the JDK cannot, so the old one stays.
        return;
      }
      default -> {}
    }
    SockAddress local = localAddress();
    ServerSocketChannel listener = null;
    try {
      listener = ServerSocketChannel.open(family().jdk());
      listener.configureBlocking(false);
      if (family() != Family.AF_UNIX) { // AF_UNIX channels have no SO_REUSEADDR in the JDK
        listener.setOption(
            StandardSocketOptions.SO_REUSEADDR,
            stream.getOption(StandardSocketOptions.SO_REUSEADDR));
      }
      reapplyOptions(listener);
      context.waiter.release(stream);
      if (local instanceof SockAddress.Unix unix && !unix.path().toString().isEmpty()) {
        // The stream channel's bind created the socket file; the listener must create it anew.
        java.nio.file.Files.deleteIfExists(unix.path());
      }
      // An unbound socket listens on an ephemeral port of the wildcard address, as listen(2) does.
      listener.bind(local.jdk(), backlog);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      if (listener != null) {
        context.waiter.release(listener);
      }
      SocketError error = JdkErrors.map(e).at(local);
      stream = openStream();
      state = SocketState.UNBOUND;
      throw error;
    }
    server = listener;
    stream = null;
    this.backlog = backlog;
    state = SocketState.LISTENING;
  }

  @Override
  public StreamSocket accept(String newName) throws SocketError {
    checkOpen();
    if (state != SocketState.LISTENING) {
      throw SocketError.of(Errno.EINVAL)
          .withHint(name() + " is not listening; call listen " + name() + " first");
    }
    long deadline = timeout.deadlineFromNow();
    try {
      while (true) {
        SocketChannel accepted = server.accept();
        if (accepted != null) {
          accepted.configureBlocking(false);
          return new StreamSocket(newName, family(), context, accepted);
        }
        checkMayWait();
        context.waiter.await(server, SelectionKey.OP_ACCEPT, deadline, "accept on " + name());
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public void connect(SockAddress address) throws SocketError {
    checkOpen();
    refreshConnecting();
    switch (state) {
      case LISTENING, CONNECTED -> throw SocketError.of(Errno.EISCONN).at(address);
      case CONNECTING ->
          throw SocketError.of(Errno.EALREADY)
              .at(connectTarget)
              .withHint("a connect is still in progress; select or wait for it to finish");
      default -> {}
    }
    try {
      connectTarget = address;
      if (!stream.connect(address.jdk())) {
        state = SocketState.CONNECTING;
        if (keptBind == null) {
          keptBind = autoBoundPort();
        }
        if (timeout.isNonBlocking()) {
          throw SocketError.of(Errno.EINPROGRESS).at(address);
        }
        finishConnecting("connect " + name() + " to " + address);
      }
      state = SocketState.CONNECTED;
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw failedConnect(JdkErrors.map(e).at(address));
    }
  }

  /** The port the kernel bound for a connect, on the wildcard address, as Linux keeps it. */
  private SockAddress autoBoundPort() throws IOException {
    SockAddress local = SockAddress.fromJdk(stream.getLocalAddress(), family());
    return local instanceof SockAddress.Inet inet
        ? new SockAddress.Inet(Resolver.wildcard(family()), inet.port())
        : null;
  }

  /** Waits for a pending connect and completes it. */
  private void finishConnecting(String what) throws SocketError, IOException {
    context.waiter.await(stream, SelectionKey.OP_CONNECT, timeout.deadlineFromNow(), what);
    stream.finishConnect();
    state = SocketState.CONNECTED;
  }

  /**
   * The JDK closed the channel of a failed connect; Linux keeps the socket, unconnected and still
   * bound to its port (the user's bind, or the one the kernel chose for the connect), so a new
   * channel bound there takes its place.
   */
  private SocketError failedConnect(SocketError error) throws SocketError {
    if (!stream.isOpen()) {
      state = SocketState.UNBOUND;
      stream = openStream();
      reapplyOptions(stream);
      if (keptBind != null) {
        try {
          stream.bind(keptBind.jdk());
          state = SocketState.BOUND;
        } catch (IOException e) {
          return error.withHint("and " + name() + " lost its bind to " + keptBind);
        }
      }
    }
    return error;
  }

  /** Notices a non-blocking connect that finished (or failed) since the last call. */
  private void refreshConnecting() {
    if (state != SocketState.CONNECTING) {
      return;
    }
    try {
      if (stream.finishConnect()) {
        state = SocketState.CONNECTED;
      }
    } catch (IOException e) {
      // The failure itself is reported by the next call that needs the connection.
      connectError = JdkErrors.map(e).at(connectTarget);
      try {
        failedConnect(connectError);
      } catch (SocketError ignored) {
        // The socket could not be rebuilt; the next call reports the connect error.
      }
    }
  }

  /** Makes sure the socket is connected for send/recv, finishing a pending connect. */
  private void awaitConnected(Errno unconnected) throws SocketError {
    refreshConnecting();
    if (connectError != null) {
      SocketError e = connectError;
      connectError = null;
      throw e;
    }
    if (state == SocketState.CONNECTING) {
      checkMayWait();
      try {
        finishConnecting("connect " + name() + " to " + connectTarget);
      } catch (IOException e) {
        throw failedConnect(JdkErrors.map(e).at(connectTarget));
      }
    }
    if (state != SocketState.CONNECTED) {
      throw SocketError.of(unconnected)
          .withHint(name() + " is not connected; connect it, or accept a connection");
    }
  }

  @Override
  public int send(ByteString data) throws SocketError {
    checkOpen();
    awaitConnected(Errno.EPIPE);
    if (outputShut) {
      throw SocketError.of(Errno.EPIPE).withHint(name() + " was shut down for writing");
    }
    ByteBuffer buffer = data.asByteBuffer();
    if (!buffer.hasRemaining()) {
      return 0;
    }
    long deadline = timeout.deadlineFromNow();
    while (true) {
      int n = write(buffer);
      if (n > 0) {
        return n;
      }
      checkMayWait();
      context.waiter.await(stream, SelectionKey.OP_WRITE, deadline, "send on " + name());
    }
  }

  @Override
  public void sendAll(ByteString data) throws SocketError {
    checkOpen();
    awaitConnected(Errno.EPIPE);
    if (outputShut) {
      throw SocketError.of(Errno.EPIPE).withHint(name() + " was shut down for writing");
    }
    ByteBuffer buffer = data.asByteBuffer();
    long deadline = timeout.deadlineFromNow();
    try {
      while (buffer.hasRemaining()) {
        if (write(buffer) == 0) {
          checkMayWait();
          context.waiter.await(stream, SelectionKey.OP_WRITE, deadline, "sendall on " + name());
        }
      }
    } catch (SocketError e) {
      throw e.withHint(buffer.position() + " of " + data.size() + " bytes were sent before this");
    }
  }

  private int write(ByteBuffer buffer) throws SocketError {
    try {
      int n = stream.write(buffer);
      bytesSent += n;
      return n;
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public ByteString recv(int bufsize) throws SocketError {
    checkOpen();
    checkBufsize(bufsize, "recv");
    awaitConnected(Errno.ENOTCONN);
    if (!pending.isEmpty()) {
      int n = Math.min(bufsize, pending.size());
      ByteString head = pending.substring(0, n);
      pending = pending.substring(n, pending.size());
      // As if the bytes had never left the kernel: the recv also gets what has arrived since.
      return n < bufsize && !inputShut ? head.concat(readArrived(bufsize - n)) : head;
    }
    if (bufsize == 0 || inputShut) {
      return ByteString.EMPTY;
    }
    long deadline = timeout.deadlineFromNow();
    while (true) {
      ByteBuffer buffer = context.scratch.get(bufsize);
      int n;
      try {
        n = stream.read(buffer);
      } catch (IOException e) {
        throw JdkErrors.map(e);
      }
      if (n > 0) {
        bytesReceived += n;
        return ByteString.read(buffer.flip());
      }
      if (n < 0) {
        eofSeen = true;
        return ByteString.EMPTY;
      }
      checkMayWait();
      context.waiter.await(stream, SelectionKey.OP_READ, deadline, "recv on " + name());
    }
  }

  /**
   * Up to {@code max} of the bytes the kernel already holds (FIONREAD), without waiting. With bytes
   * queued, Linux returns them before any pending error, so this read cannot lose an error.
   */
  private ByteString readArrived(int max) throws SocketError {
    int arrived = bytesWaiting() - pending.size();
    if (arrived <= 0) {
      return ByteString.EMPTY;
    }
    ByteBuffer buffer = context.scratch.get(Math.min(max, arrived));
    try {
      int n = stream.read(buffer);
      if (n <= 0) {
        return ByteString.EMPTY;
      }
      bytesReceived += n;
      return ByteString.read(buffer.flip());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** On a connected stream the address is ignored, as Linux does. */
  @Override
  public int sendTo(ByteString data, SockAddress address) throws SocketError {
    return send(data);
  }

  /** A stream has no sender address per message: Python returns {@code (data, None)}. */
  @Override
  public Received recvFrom(int bufsize) throws SocketError {
    return new Received(recv(bufsize), null);
  }

  @Override
  public void shutdown(ShutdownHow how) throws SocketError {
    checkOpen();
    refreshConnecting();
    if (state != SocketState.CONNECTED) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    try {
      if (how != ShutdownHow.SHUT_WR) {
        stream.shutdownInput();
        inputShut = true;
      }
      if (how != ShutdownHow.SHUT_RD) {
        stream.shutdownOutput();
        outputShut = true;
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  void releaseChannels() {
    if (stream != null) {
      context.waiter.release(stream);
    }
    if (server != null) {
      context.waiter.release(server);
    }
    pending = ByteString.EMPTY;
  }

  @Override
  public SelectableChannel watchable() {
    return switch (state) {
      case LISTENING -> server;
      case CONNECTED, CONNECTING -> stream;
      default -> null;
    };
  }
}
