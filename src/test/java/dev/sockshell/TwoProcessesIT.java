package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's verification flow: the server script in one process, the client script in another,
 * talking over localhost:9999 (the only test that uses a fixed port, as the tutorial does).
 */
class TwoProcessesIT {
  @Test
  void tutorialServerAndClientTalkAcrossTwoProcesses() throws Exception {
    Process server = Jar.builder("examples/tcp_server.socks").start();
    try {
      BufferedReader serverOut =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      // The server prints each command before it blocks, so this line means it is listening.
      CompletableFuture<Boolean> listening =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line = serverOut.readLine();
                      line != null;
                      line = serverOut.readLine()) {
                    seen.append(line).append('\n');
                    if (line.equals("sockshell> accept server client")) {
                      return true;
                    }
                  }
                } catch (java.io.IOException e) {
                  return false;
                }
                return false;
              });
      assertTrue(listening.get(30, TimeUnit.SECONDS), "server never reached accept:\n" + seen);

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
}
