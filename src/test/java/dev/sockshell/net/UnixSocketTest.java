package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AF_UNIX stream sockets: a path for an address, and the file that bind leaves behind. */
class UnixSocketTest {
  private final Session session = new Session();
  @TempDir Path dir;

  @AfterEach
  void closeSession() {
    session.close();
  }

  private NetSocket unix(String name) throws SocketError {
    return session.open(name, Family.AF_UNIX, SockType.SOCK_STREAM);
  }

  private SockAddress path(String name) {
    return new SockAddress.Unix(dir.resolve(name));
  }

  @Test
  void bindCreatesTheFileAndListenKeepsTheSameAddress() throws SocketError {
    NetSocket srv = unix("srv");
    srv.bind(path("demo.sock"));
    assertTrue(Files.exists(dir.resolve("demo.sock")));
    assertEquals(path("demo.sock"), srv.localAddress());
    srv.listen(5);
    assertEquals(path("demo.sock"), srv.localAddress());

    NetSocket cli = unix("cli");
    cli.connect(path("demo.sock"));
    StreamSocket conn = session.accept(srv, "conn");
    assertEquals("", cli.localAddress().toString()); // an unnamed client, as Python shows ''
    assertEquals("", conn.peerAddress().toString());
    cli.sendAll(ByteString.utf8("hello"));
    assertEquals(ByteString.utf8("hello"), conn.recv(100));
  }

  @Test
  void closingLeavesTheFileSoANewBindIsAddressInUse() throws SocketError {
    StreamSocket srv = (StreamSocket) unix("srv");
    srv.bind(path("demo.sock"));
    srv.listen(5);
    srv.close();
    assertTrue(Files.exists(dir.resolve("demo.sock")));
    assertEquals(dir.resolve("demo.sock"), srv.socketFilePath());
    NetSocket again = unix("again");
    SocketError e = assertThrows(SocketError.class, () -> again.bind(path("demo.sock")));
    assertEquals(Errno.EADDRINUSE, e.errno());
    NetSocket cli = unix("cli");
    assertEquals(
        Errno.ECONNREFUSED,
        assertThrows(SocketError.class, () -> cli.connect(path("demo.sock"))).errno());
  }

  @Test
  void bindOverAFileThatIsNoSocketIsAddressInUseAndNeverSuggestsUnlinkingIt()
      throws SocketError, IOException {
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    NetSocket s = unix("s");
    SocketError onFile = assertThrows(SocketError.class, () -> s.bind(path("notes.txt")));
    assertEquals(Errno.EADDRINUSE, onFile.errno());
    assertTrue(onFile.hint().startsWith("a regular file (not a socket)"), onFile.hint());
    SocketError onDir = assertThrows(SocketError.class, () -> s.bind(new SockAddress.Unix(dir)));
    assertEquals(Errno.EADDRINUSE, onDir.errno());
    assertTrue(onDir.hint().startsWith("a directory"), onDir.hint());
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void listenBeforeBindIsInvalidAsOnLinux() throws SocketError {
    NetSocket s = unix("s");
    assertEquals(Errno.EINVAL, assertThrows(SocketError.class, () -> s.listen(1)).errno());
  }

  @Test
  void connectToAMissingPathIsFileNotFound() throws SocketError {
    NetSocket cli = unix("cli");
    SocketError e = assertThrows(SocketError.class, () -> cli.connect(path("nobody.sock")));
    assertEquals(PyException.FileNotFoundError, e.type());
  }

  @Test
  void aBoundClientKeepsItsFileAfterAFailedConnect() throws SocketError {
    NetSocket cli = unix("cli");
    cli.bind(path("client.sock"));
    assertThrows(SocketError.class, () -> cli.connect(path("nobody.sock")));
    assertEquals(SocketState.BOUND, cli.state());
    assertEquals(path("client.sock"), cli.localAddress());
  }

  @Test
  void listenNeverRemovesAFileThatIsNotItsOwn() throws SocketError, IOException {
    NetSocket srv = unix("srv");
    srv.bind(path("demo.sock"));
    Files.delete(dir.resolve("demo.sock"));
    Files.writeString(dir.resolve("demo.sock"), "someone else's");
    assertThrows(SocketError.class, () -> srv.listen(5));
    assertEquals("someone else's", Files.readString(dir.resolve("demo.sock")));
  }

  @Test
  void unconnectedCallsFailAsLinuxSaysForUnixStreams() throws SocketError {
    NetSocket s = unix("s");
    assertEquals(Errno.EINVAL, assertThrows(SocketError.class, () -> s.recv(1)).errno());
    assertEquals(
        Errno.ENOTCONN,
        assertThrows(SocketError.class, () -> s.send(ByteString.utf8("x"))).errno());
    assertEquals(
        Errno.EOPNOTSUPP,
        assertThrows(SocketError.class, () -> s.sendTo(ByteString.utf8("x"), path("a"))).errno());
  }

  @Test
  void aPathTooLongIsPythonsOsError() throws SocketError {
    NetSocket s = unix("s");
    SockAddress longPath = new SockAddress.Unix(dir.resolve("x".repeat(120)));
    SocketError e = assertThrows(SocketError.class, () -> s.bind(longPath));
    assertEquals("AF_UNIX path too long", e.reason());
    assertFalse(e.errno() != null);
  }
}
