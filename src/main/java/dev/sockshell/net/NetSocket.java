package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A named socket of the session: one real OS socket behind a non-blocking JDK channel, with the
 * state BSD gives it. Each call answers what Linux would, including the errors for calls made in
 * the wrong state ({@code EINVAL}, {@code EISCONN}, {@code ENOTCONN}, {@code EBADF}).
 */
public abstract sealed class NetSocket permits StreamSocket, DatagramSocket {
  /** What {@code recvfrom} returns: Python's {@code (data, addr)}. */
  public record Received(ByteString data, SockAddress from) {}

  private final String name;
  private final Family family;
  private final SockType type;
  final SocketContext context;

  /** Options the user set, re-applied when the channel behind the socket has to be replaced. */
  final Map<SockOpt, OptionValue> userOptions = new EnumMap<>(SockOpt.class);

  /**
   * Linux's IPV6_V6ONLY, which the JDK cannot read: it creates every AF_INET6 socket with 0, Linux
   * sets 1 when bind is given a specific IPv6 address (not [::], not an IPv4-mapped one), and a
   * connection accept returns has its listener's (measured with Python).
   */
  boolean v6only;

  /** The SO_LINGER time the kernel holds: the last one set with linger on (0 at first). */
  private int lingerSeconds;

  /** Changed only through {@link #moveTo}, which checks the transition. */
  private SocketState state = SocketState.UNBOUND;

  Timeout timeout;

  /** The background loop's thread while it owns the socket, else null: see {@link EventLoop}. */
  volatile Thread owner;

  // Written by the thread that owns the socket, read by /list on the command thread.
  volatile long bytesSent;
  volatile long bytesReceived;

  NetSocket(String name, Family family, SockType type, SocketContext context) {
    this.name = name;
    this.family = family;
    this.type = type;
    this.context = context;
    this.timeout = context.defaultTimeout();
    // A connection the background accepts is its own from the start.
    Thread current = Thread.currentThread();
    this.owner = EventLoop.isLoopThread(current) ? current : null;
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

  /** The state as last set, without looking whether a pending connect finished. */
  final SocketState stateNow() {
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

  /**
   * Counts {@code n} bytes the kernel took from {@code buffer} (they end at its position; null for
   * sendfile) and tells the session's {@link SendListener}.
   */
  final void countSent(ByteBuffer buffer, long n, SockAddress to) {
    bytesSent += n;
    SendListener listener = context.sendListener;
    if (listener != null) {
      ByteString head = ByteString.EMPTY;
      if (buffer != null) {
        int end = buffer.position();
        int from = (int) (end - n);
        // An absolute get, not a duplicate view: this runs for every reply a busy server sends.
        byte[] first = new byte[Math.min(end - from, SendListener.HEAD)];
        buffer.get(from, first);
        head = ByteString.wrap(first);
      }
      listener.sent(this, n, head, to);
    }
  }

  public final long bytesReceived() {
    return bytesReceived;
  }

  /**
   * Bytes a {@code recv} would return at once (FIONREAD plus anything buffered), 0 if none, or
   * {@link #UNKNOWN} where the JDK cannot count them without reading (an AF_UNIX stream).
   */
  public abstract int bytesWaiting();

  /** {@link #bytesWaiting} when only reading would tell. */
  public static final int UNKNOWN = -1;

  /** The address a client should use to reach this socket: its bound address. */
  public abstract SockAddress localAddress() throws SocketError;

  public abstract SockAddress peerAddress() throws SocketError;

  /** Python's {@code getpeername}: {@link #peerAddress}, checked against the OS where needed. */
  public SockAddress peerName() throws SocketError {
    return peerAddress();
  }

  public abstract void bind(SockAddress address) throws SocketError;

  public void listen(int backlog) throws SocketError {
    checkOpen();
    throw SocketError.of(Errno.EOPNOTSUPP).withHint(Text.get("hint.stream.listen"));
  }

  /**
   * Accepts a connection, waiting as the timeout says; {@code newName} names it once there is one
   * (a call that fails or is cancelled takes no name).
   */
  public StreamSocket accept(Supplier<String> newName) throws SocketError {
    checkOpen();
    waitLikeCPython(SelectionKey.OP_READ, "accept on " + name);
    throw SocketError.of(Errno.EOPNOTSUPP).withHint(Text.get("hint.stream.accept"));
  }

  /**
   * With a timeout, CPython waits for the socket to be ready before the call itself (accept waits
   * until it is readable), so a call the OS would refuse at once can still time out first.
   */
  final void waitLikeCPython(int ops, String what) throws SocketError {
    if (!timeout.isBlocking() && !timeout.isNonBlocking()) {
      try {
        context.waiter.await((SelectableChannel) channel(), ops, timeout.deadlineFromNow(), what);
      } catch (SocketError e) {
        throw e.type() == PyException.TimeoutError
            ? e.withHint(Text.get("hint.never.ready", name, what.substring(0, what.indexOf(' '))))
            : e;
      }
    }
  }

  public abstract void connect(SockAddress address) throws SocketError;

  public abstract int send(ByteString data) throws SocketError;

  /** Sends every byte or fails, saying in the hint how many went out first. */
  public abstract void sendAll(ByteString data) throws SocketError;

  /**
   * Python's {@code recv}. A bufsize of 0 returns b'' at once, whatever the socket's state (even
   * closed): CPython answers it without asking the OS, as measured with strace.
   */
  public abstract ByteString recv(int bufsize) throws SocketError;

  public abstract int sendTo(ByteString data, SockAddress address) throws SocketError;

  public abstract Received recvFrom(int bufsize) throws SocketError;

  public abstract void shutdown(ShutdownHow how) throws SocketError;

  /** Closes the OS socket; the name stays in the session so later calls get EBADF. Idempotent. */
  public final void close() {
    if (state != SocketState.CLOSED) {
      moveTo(SocketState.CLOSED);
      releaseChannels();
    }
  }

  /**
   * The one way a socket changes state: BSD's {@code unbound → bound → listening | connecting →
   * connected → closed}, plus the ways back Linux takes (a failed connect or a listener's shutdown
   * leaves the socket unconnected, bound only where the user chose the port; a UDP connect replaces
   * the default peer). Anything else is a sockshell bug, not a user's mistake.
   *
   * @throws IllegalStateException for a transition no BSD socket makes
   */
  final void moveTo(SocketState next) {
    checkCaller();
    if (!state.mayBecome(next)) {
      throw new IllegalStateException(name + ": no socket goes from " + state + " to " + next);
    }
    state = next;
  }

  abstract void releaseChannels();

  abstract NetworkChannel channel();

  /** For {@code select}: what the socket's state says, and what to ask the selector. */
  abstract Readiness.Probe probe();

  /**
   * The channel a readiness watcher may register (it must only check readiness, never read), or
   * null when the socket has nothing to report.
   */
  public abstract SelectableChannel watchable();

  /**
   * Python's {@code setsockopt}; see {@link SocketOptions} for what reaches the OS and how.
   *
   * @return the option's value now, read back from the OS where it can be
   */
  public final OptionValue.Reading setOption(SockOpt option, OptionValue value) throws SocketError {
    checkOpen();
    if (value instanceof OptionValue.Linger != (option == SockOpt.SO_LINGER)) {
      throw new IllegalArgumentException(option + " cannot take " + value);
    }
    checkApplies(option, true);
    NetworkChannel channel = channel();
    OptionValue.Reading now;
    if (SocketOptions.jdkHas(channel, option)) {
      SocketOptions.set(channel, option, value);
      noteLinger(value);
      now = new OptionValue.Reading(kernelView(SocketOptions.get(channel, option)), null);
    } else if (option == SockOpt.IPV6_V6ONLY) {
      if (((OptionValue.Int) value).value() != 0) {
        throw SocketError.jvmCannot(Text.get("jvm.cannot.v6only"))
            .withAdvice(Advice.Kind.BIND_IPV6_ONLY, name);
      }
      now = getOption(option); // 0 is what the socket already has: nothing to change
    } else if (passedToAccepted(option)) {
      noteLinger(value);
      now = new OptionValue.Reading(value, Text.get("note.option.per.connection"));
    } else {
      throw SocketOptions.jvmCannot("set", option, channel);
    }
    userOptions.put(option, value);
    return now;
  }

  /** {@link #setOption(SockOpt, OptionValue)} for the options that take an int. */
  public final OptionValue.Reading setOption(SockOpt option, int value) throws SocketError {
    return setOption(option, new OptionValue.Int(value));
  }

  /**
   * Python's {@code getsockopt}: the value the OS has, or an error saying why it cannot be read.
   */
  public final OptionValue.Reading getOption(SockOpt option) throws SocketError {
    checkOpen();
    checkApplies(option, false);
    NetworkChannel channel = channel();
    if (SocketOptions.jdkHas(channel, option)) {
      return new OptionValue.Reading(kernelView(SocketOptions.get(channel, option)), null);
    }
    if (option == SockOpt.SO_TYPE) {
      return new OptionValue.Reading(new OptionValue.Int(type.number()), null);
    }
    if (option == SockOpt.SO_ERROR) {
      return new OptionValue.Reading(new OptionValue.Int(takeError()), null);
    }
    if (option == SockOpt.IPV6_V6ONLY) {
      return new OptionValue.Reading(
          new OptionValue.Int(v6only ? 1 : 0),
          v6only
              ? "Linux set it when the socket was bound to a specific IPv6 address"
              : "the JVM creates every AF_INET6 socket dual-stack, with IPV6_V6ONLY 0");
    }
    SocketError cannot = SocketOptions.jvmCannot("read", option, channel);
    OptionValue passed = userOptions.get(option);
    if (passedToAccepted(option) && passed != null) {
      cannot = cannot.withHint(Text.get("hint.option.inherited", option, passed));
    }
    throw cannot;
  }

  /** Fails with Linux's errno when the option does not apply to this family and type. */
  private void checkApplies(SockOpt option, boolean set) throws SocketError {
    boolean bound = isBound();
    Optional<Errno> refused = SocketOptions.linuxRefusal(option, family, type, set, bound);
    if (refused.isPresent()) {
      boolean tooLate = option == SockOpt.IPV6_V6ONLY && family == Family.AF_INET6;
      SocketError error = SocketError.of(refused.get());
      if (tooLate) {
        throw error.withHint(Text.get("hint.option.v6only.late"));
      } else if (set && option.isReadOnly()) {
        throw error.withAdvice(Advice.Kind.READ_WITH_GETSOCKOPT, name, option);
      }
      throw error.withHint(Text.get("hint.option.not.applicable", option, family, type));
    }
  }

  /**
   * True when the OS would keep {@code option} on this socket only to hand it to the connections it
   * accepts, and sockshell does that itself because the JDK channel cannot hold it.
   */
  boolean passedToAccepted(SockOpt option) {
    return false;
  }

  /**
   * The value as Linux reports it where the JDK hides part of it: SO_LINGER off still shows the
   * linger time last set with it on (the kernel keeps it; the JDK reads "off" as -1).
   */
  private OptionValue kernelView(OptionValue value) {
    return value instanceof OptionValue.Linger l && !l.on()
        ? new OptionValue.Linger(false, lingerSeconds)
        : value;
  }

  /** Records what Linux's bind to {@code address} does to IPV6_V6ONLY ({@link #v6only}). */
  final void noteBind(SockAddress address) {
    v6only |=
        address instanceof SockAddress.Inet inet
            && inet.address() instanceof Inet6Address v6
            && !v6.isAnyLocalAddress()
            && !SockAddress.isMapped(v6);
  }

  /**
   * getsockopt SO_ERROR: the socket's pending error number, which reading clears (as Linux does),
   * or 0.
   *
   * @throws SocketError where the JVM cannot know it
   */
  int takeError() throws SocketError {
    throw SocketError.jvmCannot(Text.get("jvm.cannot.so.error", type))
        .withHint(Text.get("hint.next.call.raises"));
  }

  /** True once the socket has a local port or path (bind, or implicitly by connect/sendto). */
  abstract boolean isBound();

  /** Copies the user's options onto a channel that replaces the old one, where it has them. */
  void reapplyOptions(NetworkChannel channel) throws SocketError {
    for (Map.Entry<SockOpt, OptionValue> e : userOptions.entrySet()) {
      if (SocketOptions.jdkHas(channel, e.getKey())) {
        applyOption(channel, e.getKey(), e.getValue());
      }
    }
  }

  /** Sets an option the user set on this socket on another channel, as the kernel has it here. */
  final void applyOption(NetworkChannel channel, SockOpt option, OptionValue value)
      throws SocketError {
    if (value instanceof OptionValue.Linger l && !l.on() && lingerSeconds > 0) {
      // Only SO_LINGER on sets the kernel's linger time, which stays when it is turned off.
      SocketOptions.set(channel, option, new OptionValue.Linger(true, lingerSeconds));
    }
    SocketOptions.set(channel, option, value);
  }

  private void noteLinger(OptionValue value) {
    if (value instanceof OptionValue.Linger l && l.on()) {
      lingerSeconds = l.seconds();
    }
  }

  /** A connection accept returns has its listener's linger time, as on Linux. */
  final void inheritLingerTime(NetSocket listener) {
    lingerSeconds = listener.lingerSeconds;
  }

  /** True if the user set {@code option} on this socket (setsockopt). */
  public final boolean userSet(SockOpt option) {
    return userOptions.containsKey(option);
  }

  /** True while the background loop owns the socket ({@link EventLoop}). */
  public final boolean inBackground() {
    return owner != null;
  }

  /**
   * Fails unless the calling thread owns the socket: the background loop's thread while the loop
   * has it, any other thread otherwise. Every call that reads, writes or changes the socket checks
   * it, so a socket touched by two threads is a loud bug, never a quiet race.
   */
  final void checkCaller() {
    Thread current = Thread.currentThread();
    Thread o = owner;
    if (o != null ? o != current : EventLoop.isLoopThread(current)) {
      throw new IllegalStateException(
          name
              + " is owned by "
              + (o != null ? "the background" : "the foreground")
              + " and was called from "
              + current.getName());
    }
  }

  final void checkOpen() throws SocketError {
    checkCaller();
    checkNotClosed();
  }

  /**
   * For what only reads the socket's addresses, which any thread may ask (/list shows a served
   * connection's while the background owns it).
   */
  final void checkNotClosed() throws SocketError {
    if (state == SocketState.CLOSED) {
      throw SocketError.of(Errno.EBADF).withAdvice(Advice.Kind.NEW_SOCKET, name);
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
