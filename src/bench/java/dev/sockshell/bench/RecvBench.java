package dev.sockshell.bench;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code send cli <20 bytes>} then {@code recv conn 65536} on loopback. Run with {@code -prof gc}:
 * gc.alloc.rate.norm stays near the 20 bytes (plus small objects), not 64 KiB per receive, because
 * receives go through the session's shared scratch buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecvBench {
  private static final ByteString MESSAGE = ByteString.utf8("twenty bytes, exact.");

  private Session session;
  private NetSocket client;
  private NetSocket server;

  @Setup
  public void setUp() throws Exception {
    session = new Session();
    NetSocket listener = session.open("srv", Family.AF_INET, SockType.SOCK_STREAM);
    listener.bind(new SockAddress.Inet(InetAddress.getByName("127.0.0.1"), 0));
    listener.listen(1);
    client = session.open("cli", Family.AF_INET, SockType.SOCK_STREAM);
    client.connect(listener.localAddress());
    server = session.accept(listener, "conn");
  }

  @TearDown
  public void tearDown() {
    session.close();
  }

  @Benchmark
  public ByteString sendThenRecv65536() throws Exception {
    client.send(MESSAGE);
    return server.recv(65536);
  }
}
