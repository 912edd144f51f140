package dev.sockshell.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP peer written with the JDK's plain {@code ServerSocket}, on 127.0.0.1 and an ephemeral port:
 * accepts connections, answers, closes or resets them on demand, and records what arrived. Every
 * wait is bounded.
 */
public final class LoopbackPeer implements AutoCloseable {
  private static final long WAIT_SECONDS = 10;

  private final ServerSocket server;
  private final BlockingQueue<Socket> accepted = new ArrayBlockingQueue<>(64);
  private final Thread acceptor;

  public LoopbackPeer() {
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptLoop, "loopback-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop() {
    try {
      while (true) {
        accepted.put(server.accept());
      }
    } catch (IOException | InterruptedException e) {
      // closed
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT}, as a sockshell ADDR. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** The next connection the peer accepted, waiting for it. */
  public Socket nextConnection() {
    try {
      Socket s = accepted.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (s == null) {
        throw new AssertionError("no connection arrived within " + WAIT_SECONDS + " s");
      }
      s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      return s;
    } catch (InterruptedException | IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads exactly {@code n} bytes from {@code s}. */
  public static byte[] read(Socket s, int n) throws IOException {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[Math.min(n, 65536)];
    while (out.size() < n) {
      int r = in.read(buf, 0, Math.min(buf.length, n - out.size()));
      if (r < 0) {
        break;
      }
      out.write(buf, 0, r);
    }
    return out.toByteArray();
  }

  /** Closes {@code s} with SO_LINGER 0, so the other side gets a reset instead of EOF. */
  public static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
