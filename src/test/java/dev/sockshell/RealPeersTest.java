package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ScriptRun;
import dev.sockshell.testing.ShellRun;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sockshell against programs it did not write, over loopback: servers and clients written with the
 * JDK's own {@code ServerSocket}/{@code DatagramSocket}, the tutorial's four Python programs
 * (src/test/resources/peers, given an ephemeral port), and ncat. A test whose program the machine
 * lacks is skipped, saying so.
 */
class RealPeersTest {
  private static final Path PEERS = Path.of("src/test/resources/peers");
  private static final Pattern LISTENING_PORT = Pattern.compile("监听`localhost:(\\d+)`");
  private static final long WAIT = 20;

  @TempDir Path dir;

  private ScriptRun script(String text) throws IOException {
    Path file = dir.resolve("client.socks");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return ScriptRun.of(file.toString());
  }

  // --- the JDK's own sockets -------------------------------------------------------------

  @Test
  void tutorialClientTalksToAJdkServerSocket() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<String> received =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket client = server.accept()) {
                  byte[] request = client.getInputStream().readNBytes(21);
                  client.getOutputStream().write("message received by server".getBytes());
                  return new String(request, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return e.toString();
                }
              });
      ScriptRun run =
          script(
              "socket client\n"
                  + "connect client ('127.0.0.1', "
                  + server.getLocalPort()
                  + ")\n"
                  + "send client b'hello from TCP client'\n"
                  + "recv client 1024\n"
                  + "expect b'message received by server'\n"
                  + "recv client 1024\n"
                  + "expect eof\n"
                  + "close client\n");
      assertEquals(0, run.status(), run.out());
      assertEquals("hello from TCP client", received.get(WAIT, TimeUnit.SECONDS));
    }
  }

  @Test
  void aJdkClientSocketTalksToASockshellServer() throws Exception {
    try (ShellRun shell = new ShellRun()) {
      shell.run("socket server\nbind server 127.0.0.1:0\nlisten server\n");
      int port = shell.port("server");
      CompletableFuture<String> reply =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  client.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
                  return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return e.toString();
                }
              });
      Shell.End end =
          shell.run(
              "accept server conn\n"
                  + "recv conn --until \"\\n\"\n"
                  + "expect b'ping\\n'\n"
                  + "sendall conn b'pong'\n"
                  + "close conn\n");
      assertEquals(Shell.End.COMPLETED, end, shell.out());
      assertEquals("pong", reply.get(WAIT, TimeUnit.SECONDS));
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  @Test
  void tutorialUdpClientTalksToAJdkDatagramSocket() throws Exception {
    try (DatagramSocket server =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
      CompletableFuture<String> received =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
                  server.receive(packet);
                  byte[] ack = "UDP ACK".getBytes(StandardCharsets.UTF_8);
                  server.send(new DatagramPacket(ack, ack.length, packet.getSocketAddress()));
                  return new String(
                      packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  return e.toString();
                }
              });
      String address = "127.0.0.1:" + server.getLocalPort();
      ScriptRun run =
          script(
              "socket client AF_INET SOCK_DGRAM\n"
                  + "sendto client b'hello UDP' "
                  + address
                  + "\n"
                  + "recvfrom client 1024\n"
                  + "expect (b'UDP ACK', "
                  + address
                  + ")\n"
                  + "close client\n");
      assertEquals(0, run.status(), run.out());
      assertEquals("hello UDP", received.get(WAIT, TimeUnit.SECONDS));
    }
  }

  // --- the tutorial's Python programs ----------------------------------------------------

  private static void assumePython() {
    assumeTrue(
        ExternalProgram.available("python3", "--version"),
        "skipped: python3 is not installed, so the tutorial's own programs cannot run");
  }

  private static ExternalProgram python(String program, Object... args) throws IOException {
    String[] command = new String[args.length + 3];
    command[0] = "python3";
    command[1] = "-u";
    command[2] = PEERS.resolve(program).toString();
    for (int i = 0; i < args.length; i++) {
      command[i + 3] = String.valueOf(args[i]);
    }
    return ExternalProgram.start(command);
  }

  @Test
  void sockshellClientTalksToTheTutorialsPythonTcpServer() throws Exception {
    assumePython();
    try (ExternalProgram server = python("tcp_server.py", 0)) {
      String port = server.await(LISTENING_PORT);
      ScriptRun run =
          script(
              "socket client AF_INET SOCK_STREAM\n"
                  + "connect client ('localhost', "
                  + port
                  + ")\n"
                  + "send client b'hello from TCP client'\n"
                  + "recv client 1024\n"
                  + "expect b'message received by server'\n"
                  + "close client\n");
      assertEquals(0, run.status(), run.out());
      server.await(Pattern.compile("^Received: hello from TCP client$"));
    }
  }

  @Test
  void theTutorialsPythonTcpClientTalksToASockshellServer() throws Exception {
    assumePython();
    try (ShellRun shell = new ShellRun()) {
      shell.run(
          "socket server\n"
              + "setsockopt server SO_REUSEADDR 1\n"
              + "bind server ('localhost', 0)\n"
              + "listen server 5\n");
      try (ExternalProgram client = python("tcp_client.py", shell.port("server"))) {
        shell.run(
            "accept server client\n"
                + "recv client 1024\n"
                + "expect b'hello from TCP client'\n"
                + "send client b'message received by server'\n"
                + "close client\n"
                + "close server\n");
        assertTrue(!shell.shell().failed(), shell.out());
        assertTrue(
            client.finish().contains("server response: message received by server"), client.said());
        assertEquals(0, client.exitValue(), client.said());
      }
    }
  }

  @Test
  void sockshellClientTalksToTheTutorialsPythonUdpServer() throws Exception {
    assumePython();
    try (ExternalProgram server = python("udp_server.py", 0)) {
      String port = server.await(LISTENING_PORT);
      ScriptRun run =
          script(
              "socket client AF_INET SOCK_DGRAM\n"
                  + "sendto client b'hello UDP' ('localhost', "
                  + port
                  + ")\n"
                  + "recvfrom client 1024\n"
                  + "expect (b'UDP ACK', ('127.0.0.1', "
                  + port
                  + "))\n"
                  + "close client\n");
      assertEquals(0, run.status(), run.out());
      server.await(Pattern.compile("^received from \\('127\\.0\\.0\\.1', \\d+\\):hello UDP$"));
    }
  }

  @Test
  void theTutorialsPythonUdpClientTalksToASockshellServer() throws Exception {
    assumePython();
    try (ShellRun shell = new ShellRun()) {
      shell.run("socket server AF_INET SOCK_DGRAM\nbind server ('localhost', 0)\n");
      try (ExternalProgram client = python("udp_client.py", shell.port("server"))) {
        shell.run(
            "recvfrom server 1024\n"
                + "expect contains b'hello UDP'\n"
                + "sendto server b'UDP ACK' _[1]\n"
                + "close server\n");
        assertTrue(!shell.shell().failed(), shell.out());
        assertTrue(client.finish().contains("server response: UDP ACK"), client.said());
      }
    }
  }

  // --- ncat ------------------------------------------------------------------------------

  @Test
  void ncatAsAClientSendsALineAndPrintsTheReply() throws Exception {
    assumeTrue(ExternalProgram.available("ncat", "--version"), "skipped: ncat is not installed");
    try (ShellRun shell = new ShellRun()) {
      shell.run("socket server\nbind server 127.0.0.1:0\nlisten server\n");
      try (ExternalProgram ncat =
          ExternalProgram.start("ncat", "127.0.0.1", String.valueOf(shell.port("server")))) {
        ncat.input("hello from ncat\n");
        shell.run(
            "accept server conn\n"
                + "recv conn --until \"\\n\"\n"
                + "expect \"hello from ncat\\n\"\n"
                + "sendall conn \"hello from sockshell\\n\"\n"
                + "recv conn\n"
                + "expect eof\n"
                + "close conn\n");
        assertTrue(!shell.shell().failed(), shell.out());
        assertTrue(ncat.finish().contains("hello from sockshell"), ncat.said());
      }
    }
  }
}
