package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's verification flows: the server script in one process, the client script in
 * another, talking over the tutorial's ports, localhost:9999 (TCP) and localhost:8888 (UDP); the
 * only tests that use fixed ports, as the tutorial does.
 */
class TwoProcessesIT {
  @Test
  void tutorialServerAndClientTalkAcrossTwoProcesses() throws Exception {
    Process server = Jar.builder("examples/tcp_server.socks").start();
    try {
      String seen = awaitLine(server, "sockshell> accept server client");

      Jar.Result client = Jar.run("", "examples/tcp_client.socks");
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
    Process server = Jar.builder("examples/udp_server.socks").start();
    try {
      String seen = awaitLine(server, "sockshell> recvfrom server 1024");

      Jar.Result client = Jar.run("", "examples/udp_client.socks");
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server did not finish");
      String serverRest =
          new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertEquals(0, client.status(), client.out() + client.err());
      assertTrue(client.out().contains("$2 ==> (b'UDP ACK', ('127.0.0.1', 8888))"), client.out());
      assertEquals(0, server.exitValue(), seen + serverRest);
      assertTrue(serverRest.startsWith("$1 ==> (b'hello UDP', ('127.0.0.1', "), serverRest);
      assertTrue(serverRest.contains("$2 ==> 7"), serverRest);
    } finally {
      server.destroyForcibly();
    }
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
