package dev.sockshell.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Opens and replaces the JDK channels behind a stream socket. BSD keeps one socket from socket() to
 * close(); the JDK needs a ServerSocketChannel to listen and loses the channel of a failed connect,
 * so sockshell binds a new channel to the same address, carrying the user's options.
 */
final class StreamChannels {
  private StreamChannels() {}

  static SocketChannel open(Family family) throws SocketError {
    try {
      SocketChannel channel = SocketChannel.open(family.jdk());
      channel.configureBlocking(false);
      return channel;
    } catch (IOException | UnsupportedOperationException e) {
      throw e instanceof IOException io ? JdkErrors.map(io) : SocketError.of(Errno.EAFNOSUPPORT);
    }
  }

  /**
   * listen's swap: a server channel with the socket's options, bound where {@code stream} was
   * (which is closed first), or on an ephemeral port of the wildcard address if it was not bound,
   * as listen(2) does. The JDK defaults SO_REUSEADDR to 1 on server channels; this copies the
   * socket's real value instead.
   *
   * @param file the AF_UNIX file of the old bind, or null
   */
  static ServerSocketChannel listener(
      StreamSocket socket, SocketChannel stream, SockAddress local, int backlog, SocketFile file)
      throws IOException, SocketError {
    ServerSocketChannel listener = ServerSocketChannel.open(socket.family().jdk());
    try {
      listener.configureBlocking(false);
      if (socket.family() != Family.AF_UNIX) {
        listener.setOption(
            StandardSocketOptions.SO_REUSEADDR,
            stream.getOption(StandardSocketOptions.SO_REUSEADDR));
      }
      socket.reapplyOptions(listener);
      socket.context.waiter.release(stream);
      if (file != null) {
        file.removeIfOurs();
      }
      listener.bind(local.jdk(), backlog);
      return listener;
    } catch (IOException | SocketError | RuntimeException e) {
      socket.context.waiter.release(listener);
      throw e;
    }
  }

  /**
   * Binds a replacement channel to the address the old one had; for AF_UNIX the old bind's file is
   * removed first. Returns the new file (AF_UNIX), or null.
   */
  static SocketFile rebind(NetworkChannel channel, SockAddress address, SocketFile file)
      throws IOException {
    if (file != null) {
      file.removeIfOurs();
    }
    channel.bind(address.jdk());
    return file == null ? null : SocketFile.created(file.path());
  }
}
