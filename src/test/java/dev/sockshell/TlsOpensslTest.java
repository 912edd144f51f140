package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ShellRun;
import dev.sockshell.testing.TestCerts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against OpenSSL's own tools: {@code openssl s_server} as the server sockshell's client talks
 * to, and {@code openssl s_client} as the client of a sockshell server; TLS 1.2 and 1.3, ALPN and a
 * client certificate, with certificates made in the test.
 */
class TlsOpensslTest {
  private static final Pattern ACCEPT = Pattern.compile("^ACCEPT \\S+:(\\d+)");

  @TempDir static Path dir;
  private static TestCerts certs;
  private static TestCerts.Issued localhost;

  @BeforeAll
  static void certificates() throws Exception {
    assumeTrue(
        ExternalProgram.available("openssl", "version"),
        "skipped: openssl is not installed (.ci/run installs it)");
    certs = new TestCerts(dir);
    localhost = certs.leaf("localhost", "localhost", false);
  }

  /** {@code openssl s_server} for one connection, answering each line reversed ({@code -rev}). */
  private static ExternalProgram sServer(String... more) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_server",
                "-accept",
                "127.0.0.1:0",
                "-naccept",
                "1",
                "-rev",
                "-cert",
                localhost.certFile().toString(),
                "-key",
                localhost.keyFile().toString()));
    command.addAll(List.of(more));
    return ExternalProgram.start(command.toArray(String[]::new));
  }

  private static String sockshell(String lines) {
    try (ShellRun shell = new ShellRun()) {
      Shell.End end = shell.run(lines);
      assertEquals(Shell.End.COMPLETED, end, shell.out());
      return shell.out();
    }
  }

  private static String client(String port, String options) {
    return "/set feedback verbose\nsocket c\nconnect c localhost:"
        + port
        + "\ntls c --cafile "
        + certs.ca().certFile()
        + options
        + "\nsendall c b'hello\\n'\nrecv c --until \"\\n\"\nexpect b'olleh\\n'\n";
  }

  @Test
  void aClientTalksToSServerOverTls13AndTls12() throws Exception {
    try (ExternalProgram server = sServer("-tls1_3")) {
      String out = sockshell(client(server.await(ACCEPT), "") + "version c\nexpect 'TLSv1.3'\n");
      assertTrue(out.contains("c speaks TLSv1.3, certificate verified; cipher TLS_AES_"), out);
      assertTrue(
          out.contains(
              "peer countryName=CN, organizationName=sockshell tests, commonName=localhost"),
          out);
    }
    try (ExternalProgram server = sServer("-tls1_2")) {
      String out =
          sockshell(
              client(server.await(ACCEPT), "")
                  + "cipher c\nexpect ('ECDHE-ECDSA-AES256-GCM-SHA384', 'TLSv1.2', 256)\n");
      assertTrue(out.contains("c speaks TLSv1.2"), out);
    }
  }

  @Test
  void alpnAgreedWithSServerAndAClientCertificateItRequires() throws Exception {
    TestCerts.Issued alice = certs.leaf("alice", "alice", false);
    try (ExternalProgram server =
        sServer(
            "-alpn",
            "h2,http/1.1",
            "-Verify",
            "1",
            "-verify_return_error",
            "-CAfile",
            certs.ca().certFile().toString())) {
      String out =
          sockshell(
              client(
                  server.await(ACCEPT),
                  " --alpn http/1.1 --cert " + alice.certFile() + " --key " + alice.keyFile()));
      assertTrue(out.contains("ALPN 'http/1.1'"), out);
    }
  }

  /**
   * A TLS 1.2 server answers a client without the certificate it requires with handshake_failure
   * (TLS 1.3 has certificate_required): the hint names that cause too.
   */
  @Test
  void aTls12ServerThatWantsAClientCertificateIsHintedAt() throws Exception {
    try (ExternalProgram server =
        sServer(
            "-tls1_2",
            "-Verify",
            "1",
            "-verify_return_error",
            "-CAfile",
            certs.ca().certFile().toString())) {
      String port = server.await(ACCEPT);
      try (ShellRun shell = new ShellRun()) {
        shell.run(
            "socket c\nconnect c localhost:"
                + port
                + "\ntls c --cafile "
                + certs.ca().certFile()
                + "\n");
        String out = shell.out();
        assertTrue(out.contains("SSLV3_ALERT_HANDSHAKE_FAILURE"), out);
        assertTrue(out.contains("it wants a client certificate"), out);
      }
    }
  }

  /** A sockshell server that {@code openssl s_client} connects to, checking its certificate. */
  private static String[] sClient(int port, String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_client",
                "-connect",
                "127.0.0.1:" + port,
                "-servername",
                "localhost",
                "-CAfile",
                certs.ca().certFile().toString(),
                "-verify_return_error",
                "-quiet"));
    command.addAll(List.of(more));
    return command.toArray(String[]::new);
  }

  @Test
  void sClientVerifiesASockshellServerWithAlpnAndBothVersions() throws Exception {
    for (String version : new String[] {"-tls1_3", "-tls1_2"}) {
      try (ShellRun shell = new ShellRun()) {
        shell.run(
            "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --cert "
                + localhost.certFile()
                + " --key "
                + localhost.keyFile()
                + " --alpn h2,http/1.1\n");
        try (ExternalProgram client =
            ExternalProgram.start(sClient(shell.port("srv"), version, "-alpn", "http/1.1"))) {
          client.input("ping from openssl\n");
          String expected = version.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2";
          Shell.End end =
              shell.run(
                  "accept srv conn\nversion conn\nexpect '"
                      + expected
                      + "'\nrecv conn --until \"\\n\"\nexpect b'ping from openssl\\n'\n"
                      + "sendall conn b'pong from sockshell\\n'\nunwrap conn\nclose conn\n");
          assertEquals(Shell.End.COMPLETED, end, shell.out());
          assertEquals("pong from sockshell", client.await(Pattern.compile("^(pong.*)")));
        }
      }
    }
  }

  @Test
  void aServerThatRequiresAClientCertificateRefusesSClientWithoutOne() throws Exception {
    TestCerts.Issued alice = certs.leaf("alice2", "alice", false);
    try (ShellRun shell = new ShellRun()) {
      shell.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\ntls srv --server --cert "
              + localhost.certFile()
              + " --key "
              + localhost.keyFile()
              + " --client-cert required --cafile "
              + certs.ca().certFile()
              + "\n");
      int port = shell.port("srv");
      try (ExternalProgram client =
          ExternalProgram.start(
              sClient(
                  port,
                  "-cert",
                  alice.certFile().toString(),
                  "-key",
                  alice.keyFile().toString()))) {
        client.input("with a certificate\n");
        Shell.End end =
            shell.run(
                "/set feedback verbose\naccept srv conn\ngetpeercert conn\n"
                    + "recv conn --until \"\\n\"\nexpect b'with a certificate\\n'\nclose conn\n");
        assertEquals(Shell.End.COMPLETED, end, shell.out());
        assertTrue(shell.out().contains("(('commonName', 'alice'),)"), shell.out());
      }
      try (ExternalProgram client = ExternalProgram.start(sClient(port))) {
        client.input("without\n");
        Shell.End end = shell.run("accept srv conn2\nexpect error SSLError\n");
        assertEquals(Shell.End.COMPLETED, end, shell.out());
        assertTrue(
            shell.out().contains("[PEER_DID_NOT_RETURN_A_CERTIFICATE]")
                || shell.out().contains("[TLSV13_ALERT_CERTIFICATE_REQUIRED]"),
            shell.out());
        // The refusal reaches the client as an alert, as from an OpenSSL or Python server, not
        // as a bare EOF that says nothing of why.
        String said = client.finish();
        assertTrue(said.contains("alert"), said);
      }
    }
  }
}
