package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ShellRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sockshell against itself over TLS, in one session: the server side works in the background
 * ({@code serve}, {@code relay}), on the same read and write path as plain sockets, while the
 * client's commands run in the foreground.
 */
class TlsSelfTest {
  private static final Pattern CAFILE = Pattern.compile("--cafile (\\S+) ");

  /** A listener serving {@code --echo} over TLS with a fresh self-signed certificate. */
  private static String tlsEchoServer(ShellRun shell) {
    Shell.End end =
        shell.run(
            "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --self-signed\n"
                + "serve srv --echo\n");
    assertEquals(Shell.End.COMPLETED, end, shell.out());
    Matcher m = CAFILE.matcher(shell.out());
    assertTrue(m.find(), shell.out());
    return m.group(1);
  }

  @Test
  void aPlainClientOfATlsServerEndsItsConnectionWithTheErrorNotAsAPeerClose() {
    try (ShellRun shell = new ShellRun()) {
      tlsEchoServer(shell);
      shell.run("socket c\nconnect c srv\nsend c b'GET / HTTP/1.0\\r\\n\\r\\n'\nrecv c\nclose c\n");
      // sockshell ended the connection for the handshake's error: the peer did not close it.
      assertTrue(shell.out().contains("conn1 closed: the error above ended it"), shell.out());
    }
  }

  @Test
  void aClientTalksToABackgroundTlsEchoServerOfTheSameSession() {
    try (ShellRun shell = new ShellRun()) {
      String cafile = tlsEchoServer(shell);
      Shell.End end =
          shell.run(
              "socket c\nconnect c srv\ntls c --cafile "
                  + cafile
                  + "\nversion c\nexpect 'TLSv1.3'\n"
                  + "sendall c b'\\x00\\x1b[2J over tls\\n'\n"
                  + "recv c --until \"\\n\"\nexpect b'\\x00\\x1b[2J over tls\\n'\n"
                  + "sendall c @"
                  + cafile
                  + "\nrecv c --exact 100\n"
                  + "/list\nclose c\n");
      assertEquals(Shell.End.COMPLETED, end, shell.out());
      assertTrue(shell.out().contains("TLSv1.3"), shell.out());
      assertTrue(shell.out().contains("srv accepted conn1"), shell.out());
    }
  }

  @Test
  void aBigTransferThroughABackgroundTlsEchoKeepsEveryByte(@TempDir Path dir) throws Exception {
    // 1 MiB one way while the echo comes back: more than TLS's buffers and the echo's hold, less
    // than what the kernel's buffers take in while no one reads (the echo would wait for us).
    byte[] data = new byte[1 << 20];
    new Random(12).nextBytes(data);
    Path file = Files.write(dir.resolve("data.bin"), data);
    Path copy = dir.resolve("copy.bin");
    try (ShellRun shell = new ShellRun()) {
      tlsEchoServer(shell);
      Shell.End end =
          shell.run(
              "socket c\nconnect c srv\ntls c --insecure\nsendfile c "
                  + file
                  + "\nshutdown c SHUT_WR\nrecvfile c "
                  + copy
                  + "\nexpect 1048576\n");
      assertEquals(Shell.End.COMPLETED, end, shell.out());
    }
    assertArrayEquals(data, Files.readAllBytes(copy));
  }

  @Test
  void aRelayCarriesPlainBytesIntoATlsConnection() {
    try (ShellRun shell = new ShellRun()) {
      String cafile = tlsEchoServer(shell);
      Shell.End end =
          shell.run(
              "socket front\nbind front 127.0.0.1:0\nlisten front\n"
                  + "socket client\nconnect client front\naccept front a\n"
                  + "socket up\nconnect up srv\ntls up --cafile "
                  + cafile
                  + "\nrelay a up\n"
                  + "sendall client b'through the relay\\n'\n"
                  + "recv client --until \"\\n\"\nexpect b'through the relay\\n'\n");
      assertEquals(Shell.End.COMPLETED, end, shell.out());
    }
  }
}
