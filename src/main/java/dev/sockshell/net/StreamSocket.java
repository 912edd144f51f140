package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.FileChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;

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
 * explicit bind) for another try; such a channel is replaced by a fresh one in the same state
 * ({@link StreamConnect}).
 *
 * <p>AF_UNIX: re-binding a path on a new channel needs the file the first bind created out of the
 * way, so the swap removes it first (only if it is still that file: {@link SocketFile}). Closing
 * the socket leaves the file, as the OS does.
 */
public final class StreamSocket extends NetSocket {
  SocketChannel stream;
  private ServerSocketChannel server;

  /**
   * Where the socket is bound (by the user, or by the kernel when a connect started), kept to
   * rebuild the channel after a failed connect: Linux keeps the port either way.
   */
  SockAddress keptBind;

  /** AF_UNIX: the file {@code bind} created, or null. */
  SocketFile socketFile;

  private final StreamConnect connecting = new StreamConnect(this);
  private final StreamData data = new StreamData(this);
  private int backlog;

  StreamSocket(String name, Family family, SocketContext context) throws SocketError {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = StreamChannels.open(family());
  }

  private StreamSocket(String name, Family family, SocketContext context, SocketChannel accepted) {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = accepted;
    this.state = SocketState.CONNECTED;
  }

  @Override
  NetworkChannel channel() {
    return server != null ? server : stream;
  }

  /** Where a connect in progress goes (the JDK tells only once it is done), or null. */
  SockAddress connectTarget() {
    return state == SocketState.CONNECTING ? connecting.target() : null;
  }

  /** The listening backlog, 0 when not listening. */
  public int backlog() {
    return backlog;
  }

  /** True once a recv has returned b'' (the peer closed its side). */
  public boolean eofSeen() {
    return data.eofSeen();
  }

  public boolean inputShut() {
    return data.inputShut();
  }

  public boolean outputShut() {
    return data.outputShut();
  }

  @Override
  public SocketState state() {
    connecting.refresh();
    return state;
  }

  @Override
  public int bytesWaiting() {
    return data.bytesWaiting(state == SocketState.CONNECTED ? stream : null, family());
  }

  /** Bytes read from the kernel but not yet returned by a recv. */
  public int buffered() {
    return data.buffered();
  }

  /** Gives back bytes a framing read took past its message; the next recv returns them first. */
  public void unread(ByteString bytes) {
    data.unread(bytes);
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
    connecting.refresh();
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
    if (address instanceof SockAddress.Unix u && u.path().toString().isEmpty()) {
      throw SocketError.jvmCannot(
              "bind to '' (Linux's autobind to an abstract name): Java 17 binds AF_UNIX sockets"
                  + " only to paths")
          .withHint("bind to a path such as ./demo.sock");
    }
    try {
      stream.bind(address.jdk());
      keptBind = SockAddress.fromJdk(stream.getLocalAddress(), family());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      SocketError error = JdkErrors.map(e).at(address);
      if (family() == Family.AF_UNIX && error.errno() == Errno.EADDRINUSE) {
        error =
            error.withHint(
                "a file already exists at that path (a closed socket leaves its file"
                    + " behind); unlink it, or bind to another path");
      } else if (error.errno() == Errno.EADDRINUSE && reusesAddress()) {
        error =
            error.withHint(
                "another socket holds this port (listening, or bound without SO_REUSEADDR);"
                    + " SO_REUSEADDR only gets past connections in TIME_WAIT");
      }
      throw error;
    }
    if (address instanceof SockAddress.Unix u) {
      socketFile = SocketFile.created(u.path());
    }
    state = SocketState.BOUND;
  }

  /** True if SO_REUSEADDR is set, so a bind that failed was not held up by TIME_WAIT. */
  private boolean reusesAddress() {
    try {
      return stream.getOption(StandardSocketOptions.SO_REUSEADDR);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** AF_UNIX: the path of the file bind created, which stays after close; else null. */
  public Path socketFilePath() {
    return socketFile == null ? null : socketFile.path();
  }

  @Override
  public void listen(int backlog) throws SocketError {
    checkOpen();
    connecting.refresh();
    switch (state) {
      case CONNECTED, CONNECTING ->
          throw SocketError.of(Errno.EINVAL)
              .withHint(name() + " is a connected socket; only an unconnected socket can listen");
      case LISTENING -> {
        // Linux only changes the backlog here; the JDK cannot, so the old one stays.
        return;
      }
      case UNBOUND -> {
        if (family() == Family.AF_UNIX) {
          throw SocketError.of(Errno.EINVAL)
              .withHint("an AF_UNIX socket must be bound to a path before it can listen");
        }
      }
      default -> {}
    }
    SockAddress local = localAddress();
    ServerSocketChannel listener;
    try {
      listener = StreamChannels.listener(this, stream, local, backlog, socketFile);
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      SocketError error = JdkErrors.map(e).at(local);
      stream = StreamChannels.open(family());
      state = SocketState.UNBOUND;
      throw error;
    }
    if (socketFile != null) {
      socketFile = SocketFile.created(socketFile.path());
    }
    server = listener;
    stream = null;
    this.backlog = backlog;
    state = SocketState.LISTENING;
  }

  @Override
  boolean passedToAccepted(SockOpt option) {
    return server != null && family() != Family.AF_UNIX && SocketOptions.isInherited(option);
  }

  @Override
  boolean isBound() {
    return state != SocketState.UNBOUND;
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
          passOptionsTo(accepted);
          return new StreamSocket(newName, family(), context, accepted);
        }
        checkMayWait();
        context.waiter.await(server, SelectionKey.OP_ACCEPT, deadline, "accept on " + name());
      }
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** What Linux's accepted sockets inherit from the listener, set by hand. */
  private void passOptionsTo(SocketChannel accepted) throws SocketError {
    for (Map.Entry<SockOpt, OptionValue> e : userOptions.entrySet()) {
      if (passedToAccepted(e.getKey())) {
        try {
          SocketOptions.set(accepted, e.getKey(), e.getValue());
        } catch (SocketError error) {
          context.waiter.release(accepted);
          throw error;
        }
      }
    }
  }

  @Override
  public void connect(SockAddress address) throws SocketError {
    checkOpen();
    connecting.refresh();
    // Linux: connect again after a non-blocking connect failed returns that failure first.
    connecting.throwError();
    switch (state) {
      case LISTENING, CONNECTED -> throw SocketError.of(Errno.EISCONN).at(address);
      case CONNECTING ->
          throw SocketError.of(Errno.EALREADY)
              .at(connecting.target())
              .withHint("a connect is still in progress; select or wait for it to finish");
      default -> {}
    }
    connecting.start(address);
  }

  /**
   * The connected channel to send on, or the error a send gets: Linux says EPIPE for TCP (and for a
   * socket shut down for writing), ENOTCONN for AF_UNIX.
   */
  SocketChannel sendingChannel() throws SocketError {
    checkOpen();
    connecting.awaitConnected(family() == Family.AF_UNIX ? Errno.ENOTCONN : Errno.EPIPE);
    data.checkCanSend();
    return stream;
  }

  /** The connected channel to receive on, or the error a recv gets: ENOTCONN, EINVAL (AF_UNIX). */
  SocketChannel receivingChannel() throws SocketError {
    checkOpen();
    connecting.awaitConnected(family() == Family.AF_UNIX ? Errno.EINVAL : Errno.ENOTCONN);
    return stream;
  }

  StreamData data() {
    return data;
  }

  @Override
  public int send(ByteString bytes) throws SocketError {
    return data.send(sendingChannel(), bytes);
  }

  @Override
  public void sendAll(ByteString bytes) throws SocketError {
    data.sendAll(sendingChannel(), bytes);
  }

  @Override
  public ByteString recv(int bufsize) throws SocketError {
    checkBufsize(bufsize, "recv");
    return data.recv(receivingChannel(), bufsize);
  }

  /** Python's {@code sendfile}: see {@link FileTransfer#send}. */
  public long sendFile(FileChannel file, long offset, long count) throws SocketError {
    return FileTransfer.send(this, file, offset, count);
  }

  /** Receives into {@code file} until EOF, or {@code count} bytes: see {@link FileTransfer}. */
  public FileTransfer.Received recvFile(FileChannel file, long count) throws SocketError {
    return FileTransfer.receive(this, file, count);
  }

  /**
   * Python's {@code sendto} on a stream: TCP ignores the address, as Linux does; an AF_UNIX stream
   * refuses any address, EISCONN when connected and EOPNOTSUPP when not.
   */
  @Override
  public int sendTo(ByteString data, SockAddress address) throws SocketError {
    if (family() == Family.AF_UNIX) {
      checkOpen();
      throw SocketError.of(state() == SocketState.CONNECTED ? Errno.EISCONN : Errno.EOPNOTSUPP)
          .at(address)
          .withHint("a stream socket sends with send, to the peer it is connected to");
    }
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
    connecting.refresh();
    if (state != SocketState.CONNECTED) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    data.shutdown(stream, how);
  }

  @Override
  void releaseChannels() {
    if (stream != null) {
      context.waiter.release(stream);
    }
    if (server != null) {
      context.waiter.release(server);
    }
    data.clear();
  }

  @Override
  public SelectableChannel watchable() {
    return switch (state) {
      case LISTENING -> server;
      case CONNECTED, CONNECTING -> stream;
      default -> null;
    };
  }

  /**
   * Linux's poll on a stream socket: one that is neither connected nor listening reports hang-up,
   * which select shows as readable and writable (so does a connect that failed).
   */
  @Override
  Readiness.Probe probe() {
    connecting.refresh();
    return switch (state) {
      case LISTENING -> Readiness.Probe.ask(0, server, SelectionKey.OP_ACCEPT, 0);
      case CONNECTING -> new Readiness.Probe(0, stream, 0, 0, SelectionKey.OP_CONNECT);
      case CONNECTED -> Readiness.readWrite(data.readyNow(), stream);
      default -> Readiness.Probe.known(Readiness.READ | Readiness.WRITE);
    };
  }
}
