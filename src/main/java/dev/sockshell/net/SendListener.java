package dev.sockshell.net;

import dev.sockshell.bytes.ByteString;

/**
 * Told of every send the kernel took, on the thread that sent: how many bytes, the first of them
 * (at most {@link #HEAD}; empty for a file sent with sendfile, whose bytes never pass through the
 * JVM), and where a datagram went (null: the socket's peer). A session's trace listens.
 */
public interface SendListener {
  int HEAD = 24;

  void sent(NetSocket socket, long count, ByteString head, SockAddress to);
}
