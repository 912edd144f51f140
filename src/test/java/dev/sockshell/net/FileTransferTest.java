package dev.sockshell.net;

import static dev.sockshell.net.Sockets.loopback;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.LoopbackPeer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * sendfile and recvfile against a plain JDK peer: every byte arrives, offsets and counts as
 * Python's socket.sendfile, more than the socket buffers hold, and EOF.
 */
class FileTransferTest {
  private static final int SIZE = 8 << 20; // more than loopback's socket buffers

  private final Session session = new Session();
  private final LoopbackPeer peer = new LoopbackPeer();
  @TempDir Path dir;

  @AfterEach
  void close() throws IOException {
    session.close();
    peer.close();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private StreamSocket connected() throws SocketError {
    StreamSocket s = (StreamSocket) session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    s.connect(loopback(peer.port()));
    return s;
  }

  /** Both ways a file can go (loopback chooses COPY; SENDFILE is for other machines). */
  @ParameterizedTest
  @EnumSource(FileTransfer.Way.class)
  void sendfileSendsTheWholeFileAndCountsIt(FileTransfer.Way way) throws Exception {
    byte[] content = randomBytes(SIZE);
    Path file = Files.write(dir.resolve("big.bin"), content);
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    CompletableFuture<byte[]> arrived = readAsync(conn, SIZE);
    try (FileChannel in = FileChannel.open(file)) {
      assertEquals(SIZE, FileTransfer.send(s, in, 0, -1, way));
    }
    assertArrayEquals(content, arrived.get(30, TimeUnit.SECONDS));
    assertEquals(SIZE, s.bytesSent());
  }

  @Test
  void sendfileWithNothingToReadReturnsZeroEvenUnconnectedAsLinux() throws Exception {
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    Path small = Files.write(dir.resolve("small.bin"), randomBytes(10));
    StreamSocket s = (StreamSocket) session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    try (FileChannel none = FileChannel.open(empty);
        FileChannel some = FileChannel.open(small)) {
      assertEquals(0, s.sendFile(none, 0, -1));
      assertEquals(0, s.sendFile(some, 10, -1));
      SocketError e = assertThrows(SocketError.class, () -> s.sendFile(some, 0, -1));
      assertEquals(Errno.EPIPE, e.errno());
    }
  }

  @ParameterizedTest
  @EnumSource(FileTransfer.Way.class)
  void sendfileFromAnOffsetForACount(FileTransfer.Way way) throws Exception {
    byte[] content = randomBytes(1000);
    Path file = Files.write(dir.resolve("part.bin"), content);
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    try (FileChannel in = FileChannel.open(file)) {
      assertEquals(50, FileTransfer.send(s, in, 100, 50, way));
      assertEquals(900, FileTransfer.send(s, in, 100, -1, way));
      assertEquals(0, FileTransfer.send(s, in, 5000, -1, way)); // past the end, as os.sendfile
    }
    byte[] got = LoopbackPeer.read(conn, 950);
    assertArrayEquals(Arrays.copyOfRange(content, 100, 150), Arrays.copyOfRange(got, 0, 50));
    assertArrayEquals(Arrays.copyOfRange(content, 100, 1000), Arrays.copyOfRange(got, 50, 950));
  }

  /** A count across chunk boundaries, from an offset: the same bytes and count either way. */
  @ParameterizedTest
  @EnumSource(FileTransfer.Way.class)
  void sendfileOfACountAcrossChunksStopsExactlyThere(FileTransfer.Way way) throws Exception {
    byte[] content = randomBytes(2 * FileTransfer.CHUNK + 100);
    Path file = Files.write(dir.resolve("chunks.bin"), content);
    int count = FileTransfer.CHUNK + 7;
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    CompletableFuture<byte[]> arrived = readAsync(conn, count + 1);
    try (FileChannel in = FileChannel.open(file)) {
      assertEquals(count, FileTransfer.send(s, in, 3, count, way));
      assertEquals(1, FileTransfer.send(s, in, content.length - 1, 5, way));
    }
    byte[] expected = Arrays.copyOfRange(content, 3, 3 + count + 1);
    expected[count] = content[content.length - 1];
    assertArrayEquals(expected, arrived.get(30, TimeUnit.SECONDS));
    assertEquals(count + 1, s.bytesSent());
  }

  /** A peer gone mid-file: the OS's error either way, and how much went out before it. */
  @ParameterizedTest
  @EnumSource(FileTransfer.Way.class)
  void sendfileToAPeerThatLeavesSaysHowMuchWentOut(FileTransfer.Way way) throws Exception {
    Path file = Files.write(dir.resolve("big.bin"), randomBytes(SIZE));
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    conn.setSoLinger(true, 0);
    conn.close(); // a reset: the next write fails once the kernel knows
    try (FileChannel in = FileChannel.open(file)) {
      SocketError e = assertThrows(SocketError.class, () -> FileTransfer.send(s, in, 0, -1, way));
      assertTrue(e.errno() == Errno.EPIPE || e.errno() == Errno.ECONNRESET, e.toString());
      assertTrue(e.hint().matches("\\d+ bytes were sent before this"), e.hint());
      long before = Long.parseLong(e.hint().split(" ")[0]);
      assertTrue(before < SIZE, e.hint());
    }
  }

  @Test
  void loopbackGoesByCopy() throws Exception {
    StreamSocket s = connected();
    peer.nextConnection();
    assertEquals(FileTransfer.Way.COPY, FileTransfer.Way.to(s.sendingChannel()));
  }

  @Test
  void sendallOfAFileStreamsEveryByteThroughTheBoundedBuffer() throws Exception {
    byte[] content = randomBytes(SIZE + 3); // more than a chunk, and not a multiple of one
    Path file = Files.write(dir.resolve("big.bin"), content);
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    CompletableFuture<byte[]> arrived = readAsync(conn, content.length);
    try (FileChannel in = FileChannel.open(file)) {
      assertEquals(content.length, s.sendAll(in, in.size()));
    }
    assertArrayEquals(content, arrived.get(30, TimeUnit.SECONDS));
    assertEquals(content.length, s.bytesSent());
  }

  @Test
  void sendallOfAFileSaysHowMuchWentOutBeforeAnError() throws Exception {
    Path file = Files.write(dir.resolve("big.bin"), randomBytes(SIZE));
    StreamSocket s = connected();
    peer.nextConnection().close(); // the peer is gone: a write fails once the kernel knows
    try (FileChannel in = FileChannel.open(file)) {
      SocketError e = assertThrows(SocketError.class, () -> s.sendAll(in, in.size()));
      assertTrue(e.hint().matches("\\d+ of " + SIZE + " bytes were sent before this"), e.hint());
    }
  }

  @Test
  void recvfileWritesEverythingUntilEof() throws Exception {
    byte[] content = randomBytes(SIZE);
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    CompletableFuture<Void> sent = writeAsync(conn, content, true);
    Path out = dir.resolve("copy.bin");
    FileTransfer.Received r;
    try (FileChannel file =
        FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      r = s.recvFile(file, -1);
    }
    sent.get(30, TimeUnit.SECONDS);
    assertEquals(new FileTransfer.Received(SIZE, true), r);
    assertArrayEquals(content, Files.readAllBytes(out));
    assertTrue(s.eofSeen());
  }

  @Test
  void recvfileWithACountStopsThereAndLeavesTheRestForRecv() throws Exception {
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    s.unread(ByteString.utf8("held"));
    writeAsync(conn, "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII), false)
        .get(10, TimeUnit.SECONDS);
    Path out = dir.resolve("six.bin");
    try (FileChannel file =
        FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertEquals(new FileTransfer.Received(6, false), s.recvFile(file, 6));
    }
    assertEquals("held01", Files.readString(out));
    s.setTimeout(Timeout.seconds(10));
    assertEquals(ByteString.utf8("23456789"), s.recv(100));
  }

  @Test
  void recvfileOfACountAcrossChunksLeavesTheRestForRecv() throws Exception {
    byte[] content = randomBytes(2 * FileTransfer.CHUNK + 10);
    int count = 2 * FileTransfer.CHUNK + 3;
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    CompletableFuture<Void> sent = writeAsync(conn, content, false);
    Path out = dir.resolve("count.bin");
    try (FileChannel file =
        FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertEquals(new FileTransfer.Received(count, false), s.recvFile(file, count));
    }
    sent.get(30, TimeUnit.SECONDS);
    assertArrayEquals(Arrays.copyOf(content, count), Files.readAllBytes(out));
    s.setTimeout(Timeout.seconds(10));
    assertEquals(ByteString.of(Arrays.copyOfRange(content, count, content.length)), s.recv(100));
  }

  @Test
  void recvfileReportsAnEofBeforeTheCount() throws Exception {
    StreamSocket s = connected();
    Socket conn = peer.nextConnection();
    writeAsync(conn, new byte[3], true).get(10, TimeUnit.SECONDS);
    try (FileChannel file =
        FileChannel.open(
            dir.resolve("short.bin"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertEquals(new FileTransfer.Received(3, true), s.recvFile(file, 10));
    }
  }

  @Test
  void nonBlockingSocketsAreRefusedAsPythonsSendfileDoes() throws Exception {
    StreamSocket s = connected();
    s.setTimeout(Timeout.NON_BLOCKING);
    Path file = Files.write(dir.resolve("x.bin"), new byte[1]);
    try (FileChannel in = FileChannel.open(file)) {
      SocketError e = assertThrows(SocketError.class, () -> s.sendFile(in, 0, -1));
      assertEquals(PyException.ValueError, e.type());
      assertEquals("non-blocking sockets are not supported", e.reason());
    }
  }

  @Test
  void sendfileOnAnUnconnectedSocketIsBrokenPipe() throws Exception {
    StreamSocket s = (StreamSocket) session.open("s", Family.AF_INET, SockType.SOCK_STREAM);
    Path file = Files.write(dir.resolve("x.bin"), new byte[1]);
    try (FileChannel in = FileChannel.open(file)) {
      assertEquals(
          Errno.EPIPE, assertThrows(SocketError.class, () -> s.sendFile(in, 0, -1)).errno());
    }
    assertFalse(s.eofSeen());
  }

  private static CompletableFuture<byte[]> readAsync(Socket conn, int n) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return LoopbackPeer.read(conn, n);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static CompletableFuture<Void> writeAsync(Socket conn, byte[] bytes, boolean close) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            OutputStream out = conn.getOutputStream();
            out.write(bytes);
            out.flush();
            if (close) {
              conn.shutdownOutput();
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
