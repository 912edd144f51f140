package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import dev.sockshell.testing.Loopback;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's verification flows: the server script in one process, the client script in
 * another, as the examples are written but for the tutorial's ports (9999 for TCP, 8888 for UDP),
 * which become free ones so that test runs side by side on one machine do not meet.
 */
class TwoProcessesIT {
  @TempDir static Path dir;

  @Test
  void tutorialServerAndClientTalkAcrossTwoProcesses() throws Exception {
    int port = Loopback.freeTcpPort();
    Process server = Jar.builder(example("tcp_server.socks", "9999", port)).start();
    try {
      String seen = awaitLine(server, "sockshell> accept server client");

      Jar.Result client = Jar.run("", example("tcp_client.socks", "9999", port));
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not finish");
      String serverRest =
          new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(0, client.status(), client.out() + client.err());
      assertTrue(client.out().contains("$2 ==> b'message received by server'"), client.out());
      assertEquals(0, server.exitValue(), seen + serverRest);
      assertTrue(serverRest.startsWith("$1 ==> (client, ('127.0.0.1', "), serverRest);
      assertTrue(serverRest.contains("$2 ==> b'hello from TCP client'"), serverRest);
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void tutorialUdpServerAndClientTalkAcrossTwoProcesses() throws Exception {
    int port = Loopback.freeUdpPort();
    Process server = Jar.builder(example("udp_server.socks", "8888", port)).start();
    try {
      String seen = awaitLine(server, "sockshell> recvfrom server 1024");

      Jar.Result client = Jar.run("", example("udp_client.socks", "8888", port));
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not finish");
      String serverRest =
          new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(0, client.status(), client.out() + client.err());
      assertTrue(
          client.out().contains("$2 ==> (b'UDP ACK', ('127.0.0.1', " + port + "))"), client.out());
      assertEquals(0, server.exitValue(), seen + serverRest);
      assertTrue(serverRest.startsWith("$1 ==> (b'hello UDP', ('127.0.0.1', "), serverRest);
      assertTrue(serverRest.contains("$2 ==> 7"), serverRest);
    } finally {
      server.destroyForcibly();
    }
  }

  /** A copy of {@code examples/NAME} with the tutorial's {@code port} replaced by {@code free}. */
  private static String example(String name, String port, int free) throws IOException {
    String script = Files.readString(Path.of("examples", name), StandardCharsets.UTF_8);
    Path copy = dir.resolve(name);
    Files.writeString(copy, script.replace(port, Integer.toString(free)), StandardCharsets.UTF_8);
    return copy.toString();
  }

  /**
   * Reads the server's output up to {@code line}; a script prints each command before it blocks, so
   * the line means the server is waiting there. Returns what it read.
   */
  private static String awaitLine(Process server, String line) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    CompletableFuture<Boolean> reached =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  seen.append(l).append('\n');
                  if (l.equals(line)) {
                    return true;
                  }
                }
              } catch (IOException e) {
                return false;
              }
              return false;
            });
    assertTrue(reached.get(30, TimeUnit.SECONDS), "server never reached '" + line + "':\n" + seen);
    return seen.toString();
  }
}
