package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A SOCK_STREAM socket (TCP, or AF_UNIX stream): one BSD socket from socket() to close() on top of
 * the JDK channels it takes. It starts as a {@code SocketChannel} that is bound eagerly (so
 * EADDRINUSE comes from {@code bind} and {@code getsockname} works right after it); {@link
 * StreamListener} swaps it for a listening channel; {@link StreamConnect} connects it; {@link
 * StreamData} moves its bytes.
 *
 * <p>The JDK closes a channel whose connect failed, and a listening channel cannot be shut down,
 * where Linux keeps the socket; a fresh channel then takes its place in the state Linux leaves
 * ({@link #reopen}). AF_UNIX: re-binding a path on a new channel needs the file the first bind
 * created out of the way, so it is removed first (only if it is still that file: {@link
 * SocketFile}). Closing the socket leaves the file, as the OS does.
 */
public final class StreamSocket extends NetSocket {
  SocketChannel stream;

  /** Its local address through the channels it takes (see StreamPort). */
  final StreamPort port = new StreamPort(this);

  private final StreamConnect connecting = new StreamConnect(this);
  private final StreamData data = new StreamData(this);
  private final StreamListener listening = new StreamListener(this);

  StreamSocket(String name, Family family, SocketContext context) throws SocketError {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = StreamChannels.open(family());
  }

  private StreamSocket(String name, Family family, SocketContext context, SocketChannel accepted) {
    super(name, family, SockType.SOCK_STREAM, context);
    this.stream = accepted;
    moveTo(SocketState.CONNECTED);
  }

  @Override
  NetworkChannel channel() {
    return listening.server() != null ? listening.server() : stream;
  }

  /** Where a connect in progress goes (the JDK tells only once it is done), or null. */
  SockAddress connectTarget() {
    return stateNow() == SocketState.CONNECTING ? connecting.target() : null;
  }

  /** The listening backlog, 0 when not listening. */
  public int backlog() {
    return listening.backlog();
  }

  /** True once a recv has returned b'' (the peer closed its side). */
  public boolean eofSeen() {
    return data.eofSeen();
  }

  /**
   * True once a call has raised ECONNRESET: Linux's socket is closed then, and recv returns b''.
   */
  public boolean resetReported() {
    return data.resetReported();
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
    return stateNow();
  }

  @Override
  public int bytesWaiting() {
    return data.bytesWaiting(stateNow() == SocketState.CONNECTED ? stream : null, family());
  }

  /** Bytes read from the kernel but not yet returned by a recv. */
  public int buffered() {
    return data.buffered();
  }

  /** Gives back bytes a framing read took past its message; the next recv returns them first. */
  public void unread(ByteString bytes) {
    data.held().putBack(bytes);
  }

  @Override
  public SockAddress localAddress() throws SocketError {
    checkNotClosed();
    connecting.refresh();
    return port.localAddress();
  }

  /** The address of the channel behind the socket, as getsockname reports it. */
  SockAddress channelAddress() throws SocketError {
    try {
      return SockAddress.fromJdk(channel().getLocalAddress(), family());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public SockAddress peerAddress() throws SocketError {
    checkNotClosed();
    connecting.refresh();
    if (stateNow() != SocketState.CONNECTED || data.resetReported()) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    try {
      return SockAddress.fromJdk(stream.getRemoteAddress(), family());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /**
   * SO_ERROR on a stream: the error of a failed non-blocking connect (which leaves the socket as
   * Linux does once it is read), or on TCP a reset no call reported yet; else 0. What is pending on
   * a connected AF_UNIX stream the JVM cannot see.
   */
  @Override
  int takeError() throws SocketError {
    Errno failedConnect = connecting.takeError();
    if (failedConnect != null) {
      return failedConnect.number();
    }
    if (stateNow() == SocketState.CONNECTED && family() == Family.AF_UNIX) {
      return super.takeError();
    }
    return stateNow() == SocketState.CONNECTED && StreamShutdown.takeUnreportedReset(this, stream)
        ? Errno.ECONNRESET.number()
        : 0;
  }

  /**
   * getpeername also asks the kernel's table whether Linux has closed the connection (which {@link
   * #peerAddress}, used to show addresses everywhere, does not, to stay cheap).
   */
  @Override
  public SockAddress peerName() throws SocketError {
    SockAddress peer = peerAddress();
    if (connectionClosed()) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    return peer;
  }

  /**
   * True when Linux's end of this connected socket is closed (a reset, or both sides' FIN done), so
   * getpeername fails with ENOTCONN where the JDK keeps answering with the address.
   */
  boolean connectionClosed() {
    return StreamShutdown.closed(this, stream);
  }

  @Override
  public void bind(SockAddress address) throws SocketError {
    checkOpen();
    if (stateNow() != SocketState.UNBOUND) {
      throw SocketError.of(Errno.EINVAL)
          .at(address)
          .withHint(Text.get("hint.already.bound", name()));
    }
    if (address instanceof SockAddress.Unix u && u.path().toString().isEmpty()) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.autobind"))
          .withHint(Text.get("hint.jvm.autobind"));
    }
    port.bind(address);
    noteBind(address);
    moveTo(SocketState.BOUND);
  }

  /** AF_UNIX: the path of the file bind created, which stays after close; else null. */
  public Path socketFilePath() {
    return port.socketFile == null ? null : port.socketFile.path();
  }

  /** See {@link StreamPort#reopen}. */
  void reopen(SockAddress shown) throws SocketError {
    port.reopen(shown);
    data.reset();
  }

  @Override
  public void listen(int backlog) throws SocketError {
    checkOpen();
    connecting.refresh();
    listening.listen(backlog);
  }

  @Override
  boolean passedToAccepted(SockOpt option) {
    return listening.server() != null
        && family() != Family.AF_UNIX
        && SocketOptions.isInherited(option);
  }

  @Override
  boolean isBound() {
    return stateNow() != SocketState.UNBOUND;
  }

  @Override
  public StreamSocket accept(Supplier<String> newName) throws SocketError {
    checkOpen();
    StreamSocket connection = listening.accept(newName);
    StreamTls.handshakeAccepted(connection);
    return connection;
  }

  /**
   * A connection {@code listener} accepted, with what Linux's accepted sockets inherit, and its TLS
   * (the handshake not begun) if the listener has it.
   */
  static StreamSocket accepted(String name, StreamSocket listener, SocketChannel channel)
      throws SocketError {
    StreamSocket connection = new StreamSocket(name, listener.family(), listener.context, channel);
    connection.v6only = listener.v6only;
    connection.inheritLingerTime(listener);
    StreamTls.wrapAccepted(connection, listener.listening.tls);
    return connection;
  }

  @Override
  public void connect(SockAddress address) throws SocketError {
    checkOpen();
    connecting.connect(address);
  }

  /** The host name the socket connected to, for TLS's SNI and check; null if an address. */
  String connectedHost() {
    return connecting.host();
  }

  // TLS: under the stream (StreamData reads and writes through it), so nothing else changes.

  /**
   * Python's {@code wrap_socket}: a connected socket does the handshake now (client, or server with
   * {@code server}); a listening one with {@code server} wraps every connection it accepts.
   */
  public TlsState startTls(TlsSettings settings) throws SocketError {
    checkOpen();
    connecting.refresh();
    if (timeout.isNonBlocking()) {
      throw SocketError.python(
              PyException.ValueError,
              "do_handshake_on_connect should not be specified for non-blocking sockets")
          .withAdvice(Advice.Kind.BLOCKING_FOR_HANDSHAKE, name());
    }
    TlsContext tls = context.tls().get(settings);
    if (stateNow() == SocketState.LISTENING) {
      if (!settings.server()) {
        throw SocketError.python(PyException.ValueError, "a listening socket is a TLS server")
            .withAdvice(Advice.Kind.TLS_SERVER, name());
      }
      listening.tls = tls;
    } else if (stateNow() == SocketState.CONNECTED) {
      connecting.settle();
      StreamTls.start(this, tls, settings);
    } else {
      throw SocketError.of(Errno.ENOTCONN).withAdvice(Advice.Kind.CONNECT_BEFORE_TLS, name());
    }
    return StreamTls.state(this);
  }

  /** Python's {@code unwrap}: close_notify both ways, then plain bytes again. */
  public void unwrapTls() throws SocketError {
    checkOpen();
    StreamTls.unwrap(this);
  }

  /** What the socket's TLS tells, or null if it has none. */
  public TlsState tlsState() {
    return stateNow() == SocketState.CLOSED ? null : StreamTls.state(this);
  }

  /**
   * TLS as {@code /list} shows it: {@code TLSv1.3}, {@code TLS handshake} while it goes on (a
   * connection the background accepted), {@code TLS server} on a listener; null without TLS.
   */
  public String tlsLabel() {
    return stateNow() == SocketState.CLOSED ? null : StreamTls.label(this);
  }

  /** The TLS every accepted connection gets, or null. */
  TlsContext listeningTls() {
    return listening.tls;
  }

  /** The error of a TLS call ({@code version}, {@code cipher}) on a socket without TLS. */
  public SocketError notTls(String call) {
    return StreamTls.notTls(this, call);
  }

  /**
   * The connected channel to send on, or the error a send gets: Linux says EPIPE for TCP (and for a
   * socket shut down for writing, or whose failed connect was reported), ENOTCONN for AF_UNIX.
   */
  SocketChannel sendingChannel() throws SocketError {
    checkOpen();
    if (connecting.aborted()) {
      throw SocketError.of(Errno.EPIPE).withAdvice(Advice.Kind.CONNECT_FAILED_FIRST, name());
    }
    connecting.awaitConnected(family() == Family.AF_UNIX ? Errno.ENOTCONN : Errno.EPIPE);
    data.checkCanSend();
    return stream;
  }

  /**
   * True when a recv returns b'' without asking the OS: Linux's connection is closed by an error
   * already reported (a reset, or a failed connect), which the JDK would report again.
   */
  boolean readsEof() {
    return connecting.aborted() || data.resetReported();
  }

  /** A failed connect another call reported: Linux's socket layer still says connecting. */
  boolean connectFailedAndReported() {
    return connecting.aborted();
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
    return StreamSend.send(this, sendingChannel(), bytes);
  }

  @Override
  public void sendAll(ByteString bytes) throws SocketError {
    StreamSend.sendAll(this, sendingChannel(), bytes);
  }

  /** sendall of a whole file, through a bounded buffer: see {@link FileTransfer#sendAll}. */
  public long sendAll(FileChannel file, long size) throws SocketError, IOException {
    return FileTransfer.sendAll(this, file, size);
  }

  @Override
  public ByteString recv(int bufsize) throws SocketError {
    checkBufsize(bufsize, "recv");
    if (bufsize == 0) {
      return ByteString.EMPTY; // CPython's own answer to recv(0), on any socket: see NetSocket
    }
    checkOpen();
    return readsEof()
        ? data.held().take(bufsize)
        : StreamRecv.recv(this, receivingChannel(), bufsize);
  }

  // The non-blocking data path, for work that must never wait (the background loop): one read or
  // one write, bytes held for the next recv first. A TLS layer goes inside StreamData, under these,
  // so that nothing above them needs to know.

  /**
   * Reads what is there without waiting: bytes held for the next recv first, else one read.
   *
   * @return the bytes put in {@code into}, 0 if none are there now, -1 at EOF
   */
  public int readNow(ByteBuffer into) throws SocketError {
    checkOpen();
    return readsEof() && !data.holdsBytes() ? -1 : data.readNow(receivingChannel(), into);
  }

  /** Sends what fits now from {@code from}, without waiting; returns how many bytes went. */
  public int writeNow(ByteBuffer from) throws SocketError {
    return data.writeNow(sendingChannel(), from);
  }

  /** True when a recv would return bytes sockshell already holds, without asking the OS. */
  public boolean holdsBytes() {
    return data.holdsBytes();
  }

  /** With TLS, writes without waiting the ciphertext that waited for room (the background's). */
  void flushTls() {
    if (stateNow() == SocketState.CONNECTED) {
      data.flushNow(stream);
    }
  }

  /**
   * Closes with an RST instead of a FIN (SO_LINGER on with 0 seconds, then close), so the peer's
   * next call fails with ECONNRESET: how to test a client against an abrupt server.
   */
  public void abort() {
    if (stateNow() == SocketState.CONNECTED) {
      try {
        stream.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException | RuntimeException e) {
        // Closed already: the plain close below is all there is to do.
      }
    }
    close();
  }

  /**
   * TCP_NODELAY on a connection the background accepted, as Netty does: a reply goes out at once,
   * not after the peer's delayed ACK of the last. Unlike {@link #setOption}, which reads the value
   * back to show it, one setsockopt and no more: it runs once per served connection.
   */
  public void setNoDelay() throws SocketError {
    checkOpen();
    try {
      stream.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  /** A connection waiting on this listener, accepted without waiting, or null if none is. */
  public StreamSocket acceptNow(Supplier<String> name) throws SocketError {
    checkOpen();
    return listening.acceptNow(name);
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
          .withAdvice(Advice.Kind.SEND_ON_STREAM, name());
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
    switch (stateNow()) {
      case CONNECTED -> {
        connecting.settle();
        StreamShutdown.shutdown(this, stream, how);
      }
      case LISTENING -> listening.shutdown(how);
      case CONNECTING -> {
        // Linux abandons the handshake (the socket is unconnected again) and returns success.
        context.waiter.release(stream);
        reopen(null);
      }
      default -> {
        if (family() == Family.AF_UNIX) {
          throw SocketError.jvmCannot(Text.get("jvm.cannot.unix.shutdown"))
              .withAdvice(Advice.Kind.CONNECT_BEFORE_SHUTDOWN, name());
        }
        // Linux also remembers the shutdown for after a later connect; sockshell does not.
        throw SocketError.of(Errno.ENOTCONN);
      }
    }
  }

  @Override
  void releaseChannels() {
    if (stream != null) {
      data.answerCloseNotify(stream);
      context.waiter.release(stream);
    }
    listening.close();
    data.held().clear();
  }

  @Override
  public SelectableChannel watchable() {
    return switch (stateNow()) {
      case LISTENING -> listening.server();
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
    return switch (stateNow()) {
      case LISTENING -> Readiness.Probe.ask(0, listening.server(), SelectionKey.OP_ACCEPT, 0);
      case CONNECTING -> new Readiness.Probe(0, stream, 0, 0, SelectionKey.OP_CONNECT);
      case CONNECTED -> data.probe(stream);
      default -> Readiness.Probe.known(Readiness.READ | Readiness.WRITE);
    };
  }
}
