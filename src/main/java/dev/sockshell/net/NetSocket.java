package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A named socket of the session: one real OS socket behind a non-blocking JDK channel, with the
 * state BSD gives it. Each call answers what Linux would, including the errors for calls made in
 * the wrong state ({@code EINVAL}, {@code EISCONN}, {@code ENOTCONN}, {@code EBADF}).
 */
public abstract sealed class NetSocket permits StreamSocket, DatagramSocket {
  /** What {@code recvfrom} returns: Python's {@code (data, addr)}. */
  public record Received(ByteString data, SockAddress from) {}

  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

  private final String name;
  private final Family family;
  private final SockType type;
  final SocketContext context;

  /** Options the user set, re-applied when the channel behind the socket has to be replaced. */
  final Map<SockOpt, Integer> userOptions = new EnumMap<>(SockOpt.class);

  SocketState state = SocketState.UNBOUND;
  Timeout timeout;
  long bytesSent;
  long bytesReceived;

  NetSocket(String name, Family family, SockType type, SocketContext context) {
    this.name = name;
    this.family = family;
    this.type = type;
    this.context = context;
    this.timeout = context.defaultTimeout();
  }

  public final String name() {
    return name;
  }

  public final Family family() {
    return family;
  }

  public final SockType type() {
    return type;
  }

  public SocketState state() {
    return state;
  }

  public final Timeout timeout() {
    return timeout;
  }

  /** Python's {@code settimeout}; {@code setblocking(False)} is {@link Timeout#NON_BLOCKING}. */
  public final void setTimeout(Timeout timeout) throws SocketError {
    checkOpen();
    this.timeout = timeout;
  }

  public final long bytesSent() {
    return bytesSent;
  }

  public final long bytesReceived() {
    return bytesReceived;
  }

  /** Bytes a {@code recv} would return at once (FIONREAD plus anything buffered), 0 if none. */
  public abstract int bytesWaiting();

  /** The address a client should use to reach this socket: its bound address. */
  public abstract SockAddress localAddress() throws SocketError;

  public abstract SockAddress peerAddress() throws SocketError;

  public abstract void bind(SockAddress address) throws SocketError;

  public void listen(int backlog) throws SocketError {
    checkOpen();
    throw SocketError.of(Errno.EOPNOTSUPP).withHint("only SOCK_STREAM sockets listen");
  }

  public StreamSocket accept(String newName) throws SocketError {
    checkOpen();
    throw SocketError.of(Errno.EOPNOTSUPP).withHint("only SOCK_STREAM sockets accept");
  }

  public abstract void connect(SockAddress address) throws SocketError;

  public abstract int send(ByteString data) throws SocketError;

  /** Sends every byte or fails, saying in the hint how many went out first. */
  public abstract void sendAll(ByteString data) throws SocketError;

  public abstract ByteString recv(int bufsize) throws SocketError;

  public abstract int sendTo(ByteString data, SockAddress address) throws SocketError;

  public abstract Received recvFrom(int bufsize) throws SocketError;

  public abstract void shutdown(ShutdownHow how) throws SocketError;

  /** Closes the OS socket; the name stays in the session so later calls get EBADF. Idempotent. */
  public final void close() {
    if (state != SocketState.CLOSED) {
      state = SocketState.CLOSED;
      releaseChannels();
    }
  }

  abstract void releaseChannels();

  abstract NetworkChannel channel();

  /**
   * The channel a readiness watcher may register (it must only check readiness, never read), or
   * null when the socket has nothing to report.
   */
  public abstract SelectableChannel watchable();

  public final void setOption(SockOpt option, int value) throws SocketError {
    checkOpen();
    applyOption(channel(), option, value);
    userOptions.put(option, value);
  }

  /** The value the OS reports, as Python's {@code getsockopt} returns it. */
  public final int getOption(SockOpt option) throws SocketError {
    checkOpen();
    NetworkChannel channel = channel();
    checkSupported(channel, option);
    try {
      Object value = channel.getOption(option.jdk());
      if (value instanceof Boolean b) {
        return b ? 1 : 0;
      }
      int n = (Integer) value;
      // Linux doubles SO_RCVBUF/SO_SNDBUF for bookkeeping and getsockopt reports the doubled
      // value; the JDK halves it to look symmetric. Python shows the OS's number, so undo that.
      boolean buffer = option == SockOpt.SO_RCVBUF || option == SockOpt.SO_SNDBUF;
      return LINUX && buffer ? n * 2 : n;
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  static void applyOption(NetworkChannel channel, SockOpt option, int value) throws SocketError {
    checkSupported(channel, option);
    try {
      setJdkOption(channel, option.jdk(), value);
    } catch (IOException | IllegalArgumentException e) {
      throw e instanceof IOException io ? JdkErrors.map(io) : SocketError.of(Errno.EINVAL);
    }
  }

  @SuppressWarnings("unchecked")
  private static void setJdkOption(NetworkChannel channel, SocketOption<?> option, int value)
      throws IOException {
    if (option.type() == Boolean.class) {
      channel.setOption((SocketOption<Boolean>) option, value != 0);
    } else {
      // Integer options; for SO_LINGER the value is the seconds and a negative one turns it off.
      channel.setOption((SocketOption<Integer>) option, value);
    }
  }

  private static void checkSupported(NetworkChannel channel, SockOpt option) throws SocketError {
    if (!channel.supportedOptions().contains(option.jdk())) {
      throw SocketError.of(Errno.ENOPROTOOPT)
          .withHint(option + " does not apply to this kind of socket");
    }
  }

  /** Copies the user's options onto a channel that replaces the old one. */
  void reapplyOptions(NetworkChannel channel) throws SocketError {
    for (Map.Entry<SockOpt, Integer> e : userOptions.entrySet()) {
      applyOption(channel, e.getKey(), e.getValue());
    }
  }

  final void checkOpen() throws SocketError {
    if (state == SocketState.CLOSED) {
      throw SocketError.of(Errno.EBADF).withHint(name + " was closed; create a new socket");
    }
  }

  static void checkBufsize(int bufsize, String call) throws SocketError {
    if (bufsize < 0) {
      throw SocketError.python(PyException.ValueError, "negative buffersize in " + call);
    }
  }

  /** Fails at once with EAGAIN when the socket is non-blocking, as the OS would. */
  final void checkMayWait() throws SocketError {
    if (timeout.isNonBlocking()) {
      throw SocketError.of(Errno.EAGAIN);
    }
  }
}
