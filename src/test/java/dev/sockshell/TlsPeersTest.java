package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ShellRun;
import dev.sockshell.testing.TestCerts;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against peers sockshell did not write: Python's {@code ssl} module (a server and a client in
 * src/test/resources/peers/tls_peer.py) with certificates made in the test, and a plain server.
 * Both directions, TLS 1.2 and 1.3, ALPN, client certificates, the certificate errors, close_notify
 * and abrupt EOF, STARTTLS, and 100 MB each way with the same SHA-256 on both ends.
 */
class TlsPeersTest {
  private static final Path PEER = Path.of("src/test/resources/peers/tls_peer.py");
  private static final Pattern PORT = Pattern.compile("^port (\\d+)");

  @TempDir static Path dir;
  private static TestCerts certs;
  private static TestCerts.Issued localhost;

  @BeforeAll
  static void certificates() throws Exception {
    assumeTrue(
        ExternalProgram.available("python3", "-c", "import ssl"),
        "skipped: python3 with its ssl module is not installed");
    certs = new TestCerts(dir);
    localhost = certs.leaf("localhost", "localhost", false);
  }

  private static ExternalProgram python(String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "python3";
    command[1] = PEER.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    return ExternalProgram.start(command);
  }

  private static ExternalProgram server(String mode, TestCerts.Issued cert, String... more)
      throws Exception {
    String[] args = new String[3 + more.length];
    args[0] = "server";
    args[1] = mode;
    args[2] = cert.certFile().toString();
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, 3);
    all[3] = cert.keyFile().toString();
    System.arraycopy(more, 0, all, 4, more.length);
    return python(all);
  }

  private static String ca() {
    return certs.ca().certFile().toString();
  }

  /** Runs {@code lines} in a fresh session; they must all succeed. */
  private static String sockshell(String lines) {
    try (ShellRun shell = new ShellRun()) {
      Shell.End end = shell.run(lines);
      assertEquals(Shell.End.COMPLETED, end, shell.out());
      assertTrue(!shell.shell().failed(), shell.out());
      return shell.out();
    }
  }

  private static String connect(String port) {
    return "socket c\nconnect c localhost:" + port + "\n";
  }

  @Test
  void clientVerifiesAPythonServerAndEchoesOverTls13() throws Exception {
    try (ExternalProgram peer = server("echo", localhost)) {
      String port = peer.await(PORT);
      String out =
          sockshell(
              connect(port)
                  + "tls c --cafile "
                  + ca()
                  + "\n"
                  + "version c\nexpect 'TLSv1.3'\n"
                  + "send c b'hello over tls\\n'\n"
                  + "recv c --until \"\\n\"\nexpect b'HELLO OVER TLS\\n'\n"
                  + "recv c\nexpect eof\n");
      assertTrue(out.contains("c speaks TLSv1.3, certificate verified"), out);
      assertEquals("b'hello over tls\\n'", peer.await(Pattern.compile("^got (.*)")));
    }
  }

  @Test
  void tls12IsWhatBothSidesAllow() throws Exception {
    try (ExternalProgram peer = server("tls12", localhost)) {
      String port = peer.await(PORT);
      String out =
          sockshell(
              connect(port)
                  + "tls c --cafile "
                  + ca()
                  + "\nversion c\nexpect 'TLSv1.2'\ncipher c\nexpect contains 'TLSv1.2'\n"
                  + "sendall c b'twelve\\n'\nrecv c --until \"\\n\"\nexpect b'TWELVE\\n'\n");
      assertTrue(out.contains("ECDHE-ECDSA-AES256-GCM-SHA384"), out);
    }
  }

  @Test
  void aServerThatAllowsOnlyTls12RefusesAClientOfTls13Only() throws Exception {
    try (ExternalProgram peer = server("tls12", localhost)) {
      String port = peer.await(PORT);
      String out =
          sockshell(
              connect(port)
                  + "tls c --cafile "
                  + ca()
                  + " --version TLSv1.3\nexpect error SSLError\n");
      assertTrue(out.contains("ssl.SSLError [TLSV1_ALERT_PROTOCOL_VERSION]"), out);
      assertTrue(peer.await(Pattern.compile("^error (.*)")).contains("UNSUPPORTED_PROTOCOL"));
    }
  }

  @Test
  void getpeercertIsWhatPythonsOwnClientSees() throws Exception {
    String python;
    try (ExternalProgram peer = server("echo", localhost)) {
      String port = peer.await(PORT);
      try (ExternalProgram client = python("client", "view", port, ca())) {
        python = client.await(Pattern.compile("^cert (.*)"));
      }
    }
    try (ExternalProgram peer = server("echo", localhost)) {
      String port = peer.await(PORT);
      String out = sockshell(connect(port) + "tls c --cafile " + ca() + "\ngetpeercert c\n");
      assertTrue(out.contains("$1 ==> " + python), out + "\nPython: " + python);
    }
  }

  @Test
  void alpnAgreedAndRefused() throws Exception {
    try (ExternalProgram peer = server("echo", localhost, ca(), "h2,http/1.1")) {
      String port = peer.await(PORT);
      String out =
          sockshell(
              "/set feedback verbose\n"
                  + connect(port)
                  + "tls c --cafile "
                  + ca()
                  + " --alpn spdy/1,http/1.1\n");
      assertTrue(out.contains("ALPN 'http/1.1'"), out);
      assertEquals("http/1.1", peer.await(Pattern.compile("^alpn (.*)")));
    }
    try (ExternalProgram peer = server("echo", localhost, ca(), "h2")) {
      String port = peer.await(PORT);
      String out =
          sockshell(
              "/set feedback verbose\n"
                  + connect(port)
                  + "tls c --cafile "
                  + ca()
                  + " --alpn http/1.1\n");
      assertTrue(out.contains("no ALPN"), out);
      assertEquals("None", peer.await(Pattern.compile("^alpn (.*)")));
    }
  }

  @Test
  void certificateErrorsAreOpenSslsWords() throws Exception {
    TestCerts.Issued expired = certs.leaf("expired", "localhost", true);
    TestCerts.Issued other = certs.leaf("other", "example.com", false);
    try (ExternalProgram peer = server("echo", expired)) {
      String out =
          sockshell(
              connect(peer.await(PORT))
                  + "tls c --cafile "
                  + ca()
                  + "\nexpect error SSLCertVerificationError\n");
      assertTrue(
          out.contains(
              "ssl.SSLCertVerificationError [CERTIFICATE_VERIFY_FAILED]: certificate verify"
                  + " failed: certificate has expired"),
          out);
    }
    try (ExternalProgram peer = server("echo", other)) {
      String out =
          sockshell(
              connect(peer.await(PORT)) + "tls c --cafile " + ca() + "\nexpect error ValueError\n");
      assertTrue(
          out.contains(
              "certificate verify failed: Hostname mismatch, certificate is not valid for"
                  + " 'localhost'."),
          out);
      assertTrue(out.contains("c is closed"), out);
    }
    try (ExternalProgram peer = server("echo", localhost)) {
      String out = sockshell(connect(peer.await(PORT)) + "tls c\nexpect error SSLError\n");
      assertTrue(out.contains("certificate verify failed: unable to get local issuer"), out);
      assertTrue(out.contains("--cafile"), out);
    }
  }

  @Test
  void closeNotifyAndAbruptEofBothReadAsEof() throws Exception {
    for (String mode : new String[] {"notify", "abrupt"}) {
      try (ExternalProgram peer = server(mode, localhost)) {
        sockshell(
            connect(peer.await(PORT))
                + "tls c --cafile "
                + ca()
                + "\nrecv c 3\nexpect b'bye'\nrecv c\nexpect eof\n"
                + (mode.equals("notify") ? "unwrap c\nrecv c\nexpect eof\n" : "")
                + "close c\n");
      }
    }
  }

  @Test
  void aPeerThatDoesNotSpeakTls() throws Exception {
    try (ExternalProgram peer = server("plain", localhost)) {
      String out =
          sockshell(connect(peer.await(PORT)) + "tls c --insecure\nexpect error SSLError\n");
      assertTrue(out.contains("ssl.SSLError [WRONG_VERSION_NUMBER]: wrong version number"), out);
      assertTrue(out.contains("the peer may not speak TLS on this port: it sent b'220 plain"), out);
    }
  }

  @Test
  void clientCertificateRequiredAndGiven() throws Exception {
    TestCerts.Issued client = certs.leaf("client", "alice", false);
    try (ExternalProgram peer = server("clientcert", localhost, ca())) {
      sockshell(
          connect(peer.await(PORT))
              + "tls c --cafile "
              + ca()
              + " --cert "
              + client.certFile()
              + " --key "
              + client.keyFile()
              + "\nsendall c b'hi\\n'\nrecv c --until \"\\n\"\nexpect b'HI\\n'\n");
      assertTrue(peer.await(Pattern.compile("^client (.*)")).contains("'alice'"));
    }
    try (ExternalProgram peer = server("clientcert", localhost, ca())) {
      String out =
          sockshell(
              connect(peer.await(PORT))
                  + "tls c --cafile "
                  + ca()
                  + "\nsendall c b'hi\\n'\nrecv c\nexpect error SSLError\n");
      assertTrue(out.contains("[TLSV13_ALERT_CERTIFICATE_REQUIRED]"), out);
      assertTrue(
          peer.await(Pattern.compile("^error (.*)")).contains("PEER_DID_NOT_RETURN_A_CERTIFICATE"));
    }
  }

  @Test
  void starttlsAfterPlainTextAndBackAgain() throws Exception {
    try (ExternalProgram peer = server("starttls", localhost)) {
      sockshell(
          connect(peer.await(PORT))
              + "recv c --until \"\\r\\n\"\nexpect b'220 ready\\r\\n'\n"
              + "send c b'STARTTLS\\r\\n'\n"
              + "recv c --until \"\\r\\n\"\nexpect b'220 go ahead\\r\\n'\n"
              + "tls c --cafile "
              + ca()
              + "\nsendall c b'secret\\n'\nrecv c --until \"\\n\"\nexpect b'SECRET\\n'\n"
              + "unwrap c\nrecv c --until \"\\r\\n\"\nexpect b'221 plain again\\r\\n'\n"
              + "send c b'QUIT\\r\\n'\n");
      assertEquals("b'STARTTLS\\r\\n'", peer.await(Pattern.compile("^plain (.*)")));
      assertEquals("b'QUIT\\r\\n'", peer.await(Pattern.compile("^after (.*)")));
    }
  }

  @Test
  void aPythonClientVerifiesASockshellServer() throws Exception {
    try (ShellRun shell = new ShellRun()) {
      shell.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --cert "
              + localhost.certFile()
              + " --key "
              + localhost.keyFile()
              + "\n");
      String port = Integer.toString(shell.port("srv"));
      try (ExternalProgram client = python("client", "echo", port, ca())) {
        Shell.End end =
            shell.run(
                "accept srv conn\nversion conn\nexpect 'TLSv1.3'\n"
                    + "recv conn --until \"\\n\"\nexpect b'hello over tls\\n'\n"
                    + "sendall conn b'hello back\\n'\nclose conn\n");
        assertEquals(Shell.End.COMPLETED, end, shell.out());
        assertEquals("b'hello back\\n'", client.await(Pattern.compile("^got (.*)")));
      }
    }
  }

  @Test
  void aPythonClientTrustsASelfSignedSockshellServerByItsFile() throws Exception {
    try (ShellRun shell = new ShellRun()) {
      shell.run("socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --self-signed\n");
      Matcher pem = Pattern.compile("--cafile (\\S+) ").matcher(shell.out());
      assertTrue(pem.find(), shell.out());
      assertTrue(shell.out().contains("SHA-256 "), shell.out());
      String port = Integer.toString(shell.port("srv"));
      try (ExternalProgram client = python("client", "echo", port, pem.group(1))) {
        Shell.End end =
            shell.run(
                "accept srv conn\nrecv conn --until \"\\n\"\nsendall conn b'ok\\n'\nclose conn\n");
        assertEquals(Shell.End.COMPLETED, end, shell.out());
        assertEquals("b'ok\\n'", client.await(Pattern.compile("^got (.*)")));
      }
    }
  }

  /**
   * TLS 1.3's close_notify ends one direction only: a server that read the client's goes on
   * sending, as Python's (OpenSSL's) does, and the client reads it to the server's close_notify.
   */
  @Test
  void aServerRepliesAfterTheClientsCloseNotify() throws Exception {
    try (ShellRun shell = new ShellRun()) {
      shell.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --cert "
              + localhost.certFile()
              + " --key "
              + localhost.keyFile()
              + "\n");
      String port = Integer.toString(shell.port("srv"));
      try (ExternalProgram client = python("client", "halfclose", port, ca())) {
        Shell.End end =
            shell.run(
                "accept srv conn\nrecv conn --until \"\\n\"\nexpect b'request\\n'\n"
                    + "recv conn\nexpect eof\n"
                    + "sendall conn b'reply after your close_notify\\n'\nunwrap conn\n");
        assertEquals(Shell.End.COMPLETED, end, shell.out());
        assertTrue(!shell.shell().failed(), shell.out());
        assertEquals(
            "b'reply after your close_notify\\n'", client.await(Pattern.compile("^got (.*)")));
        assertEquals("close_notify", client.await(Pattern.compile("^ended (.*)")));
      }
    }
  }

  @Test
  void aPythonClientUnwrapsCleanlyFromABackgroundTlsEchoServer() throws Exception {
    try (ShellRun shell = new ShellRun()) {
      shell.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --cert "
              + localhost.certFile()
              + " --key "
              + localhost.keyFile()
              + "\nserve srv --echo\n");
      String port = Integer.toString(shell.port("srv"));
      try (ExternalProgram client = python("client", "unwrap", port, ca())) {
        assertEquals("b'hello over tls\\n'", client.await(Pattern.compile("^got (.*)")));
        // The echo closes after the peer's close_notify, answering it with its own.
        assertEquals("cleanly", client.await(Pattern.compile("^unwrapped (.*)")));
      }
    }
  }

  /**
   * The Python sockshell shows and exports for a client's {@code tls} runs under python3, which
   * checks no name without {@code server_hostname=}: the shown line names the peer's address, the
   * exported program the host name the socket connected to (and imports ssl).
   */
  @Test
  void thePythonOfAClientsTlsRunsUnderPython3() throws Exception {
    Path program = dir.resolve("tls_client.py");
    String port;
    String out;
    try (ExternalProgram peer = server("echo", localhost)) {
      port = peer.await(PORT);
      out =
          sockshell(
              "/set feedback verbose\n"
                  + connect(port)
                  + "tls c --cafile "
                  + ca()
                  + "\nsend c b'hi\\n'\nrecv c --until \"\\n\"\nexpect b'HI\\n'\nclose c\n"
                  + "/export "
                  + program
                  + "\n");
    }
    Matcher shown = Pattern.compile("Python: (ctx = ssl.*)").matcher(out);
    assertTrue(shown.find(), out);
    try (ExternalProgram peer = server("echo", localhost)) {
      String line =
          "import socket, ssl\nc = socket.create_connection(('localhost', "
              + peer.await(PORT)
              + "))\n"
              + shown.group(1)
              + "\nc.sendall(b'shown\\n')\nprint(c.recv(100))\n";
      ExternalProgram python = ExternalProgram.start("python3", "-c", line);
      assertEquals("b'SHOWN\\n'\n", python.finish(), line + python.said());
    }
    String[] again = {
      "env",
      "TLS_PEER_PORT=" + port,
      "python3",
      PEER.toString(),
      "server",
      "echo",
      localhost.certFile().toString(),
      localhost.keyFile().toString()
    };
    try (ExternalProgram peer = ExternalProgram.start(again)) {
      assertEquals(port, peer.await(PORT));
      String text = Files.readString(program);
      assertTrue(text.contains("server_hostname='localhost'"), text);
      ExternalProgram python = ExternalProgram.start("python3", program.toString());
      String printed = python.finish();
      assertEquals(0, python.exitValue(), text + printed);
      assertEquals("b'hi\\n'", peer.await(Pattern.compile("^got (.*)")));
    }
  }

  @Test
  void hundredMegabytesEachWayWithTheSameSha256() throws Exception {
    Path big = dir.resolve("big.bin");
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] piece = new byte[65536];
    for (int i = 0; i < piece.length; i++) {
      piece[i] = (byte) i;
    }
    try (var out = Files.newOutputStream(big)) {
      for (int left = 100_000_000; left > 0; left -= piece.length) {
        int n = Math.min(left, piece.length);
        out.write(piece, 0, n);
        digest.update(piece, 0, n);
      }
    }
    String sent = HexFormat.of().formatHex(digest.digest());
    try (ExternalProgram peer = server("sha256", localhost)) {
      sockshell(
          connect(peer.await(PORT))
              + "tls c --cafile "
              + ca()
              + "\nsendfile c "
              + big
              + "\nexpect 100000000\nshutdown c SHUT_WR\nrecv c\nexpect eof\n");
      assertEquals("100000000", peer.await(Pattern.compile("^received (\\d+)")));
      assertEquals(sent, peer.await(Pattern.compile("^sha256 (\\w+)")));
    }
    Path copy = dir.resolve("copy.bin");
    try (ExternalProgram peer = server("send100", localhost)) {
      sockshell(
          connect(peer.await(PORT))
              + "tls c --cafile "
              + ca()
              + "\nrecvfile c "
              + copy
              + "\nexpect 100000000\n");
      String theirs = peer.await(Pattern.compile("^sha256 (\\w+)"));
      assertEquals(theirs, sha256(copy));
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
