package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.ScriptRun;
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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one session cannot see, a peer outside it (here the JDK's own sockets, as another process
 * would be), is a column of the diagram named by its address: the handshake goes to it, its reply
 * comes from it, its datagrams arrive from it.
 */
class DiagramPeersTest {
  private static final long WAIT = 20;

  @TempDir Path dir;

  @Test
  void aPeerOutsideTheSessionIsAColumnNamedByItsAddress() throws Exception {
    try (ServerSocket server = new ServerSocket();
        DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (Socket client = server.accept()) {
                  client.getInputStream().readNBytes(5);
                  client.getOutputStream().write("world".getBytes(StandardCharsets.US_ASCII));
                  byte[] ping = new byte[16];
                  DatagramPacket p = new DatagramPacket(ping, ping.length);
                  udp.receive(p);
                  udp.send(
                      new DatagramPacket(
                          new byte[] {'p', 'o', 'n', 'g'}, 4, p.getAddress(), p.getPort()));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      String tcp = "127.0.0.1:" + server.getLocalPort();
      String datagrams = "127.0.0.1:" + udp.getLocalPort();
      Path script = dir.resolve("peers.socks");
      Files.writeString(
          script,
          String.join(
              "\n",
              List.of(
                  "socket c",
                  "connect c ('127.0.0.1', " + server.getLocalPort() + ")",
                  "send c b'hello'",
                  "recv c --exact 5",
                  "expect b'world'",
                  "socket u AF_INET SOCK_DGRAM",
                  "sendto u b'ping' ('127.0.0.1', " + udp.getLocalPort() + ")",
                  "recvfrom u 1024",
                  "/diagram --ascii",
                  "")));
      ScriptRun run = ScriptRun.of(script.toString());
      served.get(WAIT, TimeUnit.SECONDS);
      assertEquals(0, run.status(), run.out());
      String diagram = run.out().substring(run.out().indexOf("/diagram"));
      // The lines over the lifelines, before the first row (which starts with its time).
      String header =
          String.join("\n", diagram.lines().skip(1).takeWhile(l -> !l.matches("^\\d.*")).toList());
      assertTrue(header.contains(tcp) && header.contains(datagrams), header);
      // The handshake goes to the peer's column, the datagram comes from the other peer's.
      assertTrue(Pattern.compile("\\+=+SYN=+>\\+").matcher(diagram).find(), diagram);
      assertTrue(Pattern.compile("\\|<-+4 B-+\\+").matcher(diagram).find(), diagram);
    }
  }
}
