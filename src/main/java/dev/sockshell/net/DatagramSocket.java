package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A SOCK_DGRAM socket (UDP). {@code connect} only sets the default peer; a datagram larger than the
 * buffer is truncated, the rest discarded, as {@code recvfrom(2)} does; an unbound socket is bound
 * to an ephemeral port by its first {@code sendto} (or {@code connect}). A {@code recvfrom} on an
 * unbound socket waits without binding it, as on Linux (the JDK would bind it).
 */
public final class DatagramSocket extends NetSocket {
  private final DatagramChannel channel;
  private SockAddress peer;

  DatagramSocket(String name, Family family, SocketContext context) throws SocketError {
    super(name, family, SockType.SOCK_DGRAM, context);
    try {
      channel = DatagramChannel.open(family.jdk());
      channel.configureBlocking(false);
    } catch (UnsupportedOperationException e) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.unix.dgram", family))
          .withAdvice(Advice.Kind.UNIX_STREAM_INSTEAD, name());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  NetworkChannel channel() {
    return channel;
  }

  /** The default peer set by connect, or null. */
  public SockAddress peer() {
    return peer;
  }

  @Override
  public SocketState state() {
    if (stateNow() == SocketState.UNBOUND && channel.isOpen() && isBoundNow()) {
      moveTo(SocketState.BOUND); // bound implicitly by a sendto or recvfrom
    }
    return stateNow();
  }

  @Override
  boolean isBound() {
    return isBoundNow();
  }

  private boolean isBoundNow() {
    try {
      return channel.getLocalAddress() != null;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public int bytesWaiting() {
    // Datagrams are not a byte stream (and the JDK has no FIONREAD for them): /list asks the
    // kernel's socket tables instead (Probe).
    return 0;
  }

  @Override
  public SockAddress localAddress() throws SocketError {
    checkNotClosed();
    try {
      return SockAddress.fromJdk(channel.getLocalAddress(), family());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
  }

  @Override
  public SockAddress peerAddress() throws SocketError {
    checkNotClosed();
    if (peer == null) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    return peer;
  }

  @Override
  public void bind(SockAddress address) throws SocketError {
    checkOpen();
    if (isBoundNow()) {
      throw SocketError.of(Errno.EINVAL)
          .at(address)
          .withHint(Text.get("hint.already.bound", name()));
    }
    try {
      channel.bind(address.jdk());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e).at(address);
    }
    noteBind(address);
    moveTo(SocketState.BOUND);
  }

  @Override
  public void connect(SockAddress address) throws SocketError {
    checkOpen();
    if (address instanceof SockAddress.Inet inet && inet.port() == 0) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.udp.port.zero"))
          .at(address)
          .withHint(Text.get("hint.udp.connect.port"));
    }
    try {
      if (channel.isConnected()) {
        channel.disconnect(); // connect(2) on a UDP socket just replaces the default peer
      }
      channel.connect(address.jdk());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e).at(address);
    }
    peer = address;
    moveTo(SocketState.CONNECTED);
  }

  /**
   * SO_ERROR: Linux records an ICMP error (ECONNREFUSED from a closed port) only on a connected UDP
   * socket, where the JDK cannot see it without a receive; an unconnected one has none.
   */
  @Override
  int takeError() throws SocketError {
    return peer == null ? 0 : super.takeError();
  }

  @Override
  public int send(ByteString data) throws SocketError {
    checkOpen();
    if (peer == null) {
      throw SocketError.of(Errno.EDESTADDRREQ).withAdvice(Advice.Kind.CONNECT_OR_SENDTO, name());
    }
    return transmit(data, null);
  }

  @Override
  public void sendAll(ByteString data) throws SocketError {
    send(data);
  }

  @Override
  public int sendTo(ByteString data, SockAddress address) throws SocketError {
    checkOpen();
    return transmit(data, address);
  }

  private int transmit(ByteString data, SockAddress address) throws SocketError {
    if (address instanceof SockAddress.Inet inet && inet.port() == 0) {
      // Linux refuses a datagram to port 0 (the JDK says so in its own words).
      throw SocketError.of(Errno.EINVAL).at(address).withHint(Text.get("hint.port.zero"));
    }
    if (address != null && peer != null && !isPeer(address)) {
      throw SocketError.jvmCannot(Text.get("jvm.cannot.udp.sendto.other"))
          .at(address)
          .withAdvice(Advice.Kind.CONNECT_THERE, name());
    }
    // Copied into the session's direct buffer: given a heap buffer, the JDK would borrow a direct
    // one and copy into it anyway, besides the two views of the bytes made to hand it over.
    ByteBuffer buffer = context.scratch.get(data.size());
    data.putInto(buffer);
    buffer.flip();
    long deadline = timeout.deadlineFromNow();
    try {
      while (true) {
        int n = address == null ? channel.write(buffer) : channel.send(buffer, address.jdk());
        if (n > 0 || data.isEmpty()) {
          countSent(buffer, n, address);
          return n;
        }
        checkMayWait();
        context.waiter.await(channel, SelectionKey.OP_WRITE, deadline, "sendto on " + name());
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      SocketError error = JdkErrors.map(e);
      if (error.errno() == Errno.EACCES) {
        error = error.withAdvice(Advice.Kind.BROADCAST_OPTION, name());
      }
      throw address == null ? error : error.at(address);
    }
  }

  private boolean isPeer(SockAddress address) {
    try {
      return address.jdk().equals(channel.getRemoteAddress());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ByteString recv(int bufsize) throws SocketError {
    checkBufsize(bufsize, "recv");
    if (bufsize == 0) {
      return ByteString.EMPTY; // CPython's own answer to recv(0), on any socket: see NetSocket
    }
    return receive(bufsize, "recv").data();
  }

  @Override
  public Received recvFrom(int bufsize) throws SocketError {
    checkBufsize(bufsize, "recvfrom");
    return receive(bufsize, "recvfrom");
  }

  private Received receive(int bufsize, String call) throws SocketError {
    checkOpen();
    long deadline = timeout.deadlineFromNow();
    try {
      while (true) {
        // Nothing can reach an unbound socket; waiting on it must not bind it (the JDK would).
        if (isBoundNow()) {
          // Never a buffer of BUFSIZE bytes: no datagram is larger than a chunk, so reading into
          // at most a chunk truncates a datagram exactly where Linux's recvfrom would.
          ByteBuffer buffer = context.scratch.chunk(bufsize);
          SocketAddress from = channel.receive(buffer);
          if (from != null) {
            bytesReceived += buffer.position();
            return new Received(
                ByteString.read(buffer.flip()), SockAddress.fromJdk(from, family()));
          }
        }
        checkMayWait();
        context.waiter.await(channel, SelectionKey.OP_READ, deadline, call + " on " + name());
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e);
    }
  }

  /**
   * One datagram without waiting, for the background loop: its bytes go into {@code into} (the rest
   * of a longer one is discarded, as recvfrom does); null if none is waiting.
   */
  public SockAddress receiveNow(ByteBuffer into) throws SocketError {
    checkOpen();
    try {
      SocketAddress from = channel.receive(into);
      if (from == null) {
        return null;
      }
      bytesReceived += into.position();
      return SockAddress.fromJdk(from, family());
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e);
    }
  }

  /** Sends one datagram to {@code to} without waiting; false when the kernel has no room now. */
  public boolean sendNow(ByteBuffer datagram, SockAddress to) throws SocketError {
    checkOpen();
    boolean empty = !datagram.hasRemaining();
    try {
      int n = channel.send(datagram, to.jdk());
      countSent(datagram, n, to);
      return n > 0 || empty;
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      throw JdkErrors.map(e).at(to);
    }
  }

  @Override
  public void shutdown(ShutdownHow how) throws SocketError {
    checkOpen();
    if (peer == null) {
      throw SocketError.of(Errno.ENOTCONN);
    }
    throw SocketError.jvmCannot(Text.get("jvm.cannot.udp.shutdown"))
        .withHint(Text.get("hint.jvm.udp.shutdown"));
  }

  @Override
  void releaseChannels() {
    context.waiter.release(channel);
  }

  @Override
  public SelectableChannel watchable() {
    return state() == SocketState.UNBOUND ? null : channel;
  }

  @Override
  Readiness.Probe probe() {
    return Readiness.readWrite(0, channel);
  }
}
