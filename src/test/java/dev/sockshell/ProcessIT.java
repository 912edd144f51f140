package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a user runs it: options, exit statuses, stdin scripts, no noise on stderr. */
class ProcessIT {
  @Test
  void helpListsTheOptionsAndExitsZero() throws Exception {
    Jar.Result r = Jar.run("", "--help");
    assertEquals(0, r.status());
    assertTrue(
        r.out().startsWith("Usage: java -jar target/sockshell.jar [OPTIONS] [FILE...]"), r.out());
    assertTrue(r.out().contains("--keep-going"), r.out());
  }

  @Test
  void versionPrintsTheVersion() throws Exception {
    Jar.Result r = Jar.run("", "--version");
    assertEquals(0, r.status());
    assertTrue(r.out().matches("sockshell \\d+\\.\\d+\\.\\d+\\S*\\n"), r.out());
  }

  @Test
  void unknownOptionIsBadUsage() throws Exception {
    Jar.Result r = Jar.run("", "--frobnicate");
    assertEquals(2, r.status());
    assertEquals(
        "sockshell: unknown option '--frobnicate'\n"
            + "Try 'java -jar target/sockshell.jar --help' for more information.\n",
        r.err());
  }

  @Test
  void missingScriptIsBadUsage() throws Exception {
    Jar.Result r = Jar.run("", "no-such-script.socks");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("cannot read no-such-script.socks"), r.err());
  }

  @Test
  void stdinThatIsNotATerminalIsReadAsAScriptWithoutWarnings() throws Exception {
    Jar.Result r = Jar.run("socket s\nbind s 127.0.0.1:0\ngetsockname s\n");
    assertEquals(0, r.status(), r.out());
    assertEquals("", r.err());
    assertTrue(
        r.out().startsWith("sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\n"), r.out());
  }

  /**
   * A program driving sockshell through pipes sends a line and waits for its answer before sending
   * the next; the answer must not sit in the output buffer while sockshell waits for that line.
   */
  @Test
  void aProgramFeedingLinesThroughAPipeGetsEachAnswerBeforeSendingTheNext() throws Exception {
    Process p = Jar.builder().start();
    CompletableFuture<String> err = Jar.readAll(p.getErrorStream());
    // Declared in this order so that stdin closes first, whatever happens: sockshell then ends,
    // which also ends a read of its output that is still waiting.
    try (BufferedReader out =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      in.write("socket s\n");
      in.flush();
      assertEquals("sockshell> socket s", readLineWithin(out));
      assertEquals("s ==> socket(AF_INET, SOCK_STREAM)", readLineWithin(out));
      in.write("bind s 127.0.0.1:0\n");
      in.flush();
      assertEquals("sockshell> bind s 127.0.0.1:0", readLineWithin(out));
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sockshell did not end once its input closed");
    }
    assertEquals(0, p.exitValue());
    assertEquals("", err.join());
  }

  /** The next line of {@code out}, or a line saying none came within 30 seconds. */
  private static String readLineWithin(BufferedReader out) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                return "<unreadable: " + e + ">";
              }
            })
        .completeOnTimeout("<no line within 30 s>", 30, TimeUnit.SECONDS)
        .join();
  }

  @Test
  void anUnexpectedErrorStopsTheScriptWithStatusOne() throws Exception {
    Jar.Result r = Jar.run("socket s\nrecv s\nclose s\n");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("<stdin>:2: OSError [ENOTCONN]"), r.out());
    assertTrue(!r.out().contains("close s"), "the script must stop at line 2");
  }

  @Test
  void keepGoingRunsTheRestAndStillExitsOne() throws Exception {
    Jar.Result r = Jar.run("socket s\nrecv s\nclose s\n", "--keep-going");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("|  s closed"), r.out());
  }

  @Test
  void helpListsTheScriptOptions() throws Exception {
    Jar.Result r = Jar.run("", "--help");
    for (String option : new String[] {"-i", "--timeout SECONDS", "--transcript FILE", "--quiet"}) {
      assertTrue(r.out().contains(option), option + " missing from\n" + r.out());
    }
  }

  @Test
  void quietRunOfAGoodScriptPrintsNothingAndExitsZero() throws Exception {
    Jar.Result r = Jar.run("socket s\ngettimeout s\nexpect None\n", "--quiet");
    assertEquals(0, r.status(), r.out());
    assertEquals("", r.out());
    assertEquals("", r.err());
  }

  @Test
  void aStalledScriptEndsAtItsTimeoutWithStatusOne() throws Exception {
    Jar.Result r =
        Jar.run("socket s\nbind s 127.0.0.1:0\nlisten s\naccept s\n", "--timeout", "0.3");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("<stdin>:4: TimeoutError: timed out"), r.out());
  }

  @Test
  void anExampleExitsZeroAsTheExamplesReadmeSays() throws Exception {
    Jar.Result r = Jar.run("", "examples/sticky_packets.socks");
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().endsWith(" expectations passed, 0 failed\n"), r.out());
  }

  @Test
  void aFailedExpectationExitsOne() throws Exception {
    Jar.Result r = Jar.run("socket s\ngettimeout s\nexpect 5\n");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("<stdin>:3: expectation failed: expected 5, got None"), r.out());
  }

  @Test
  void aBufsizeLargerThanTheHeapCostsOnlyWhatArrives() throws Exception {
    ProcessBuilder jar = Jar.builder("-k", "--timeout", "10");
    jar.command().add(1, "-Xmx64m");
    Process p = jar.start();
    var out = Jar.readAll(p.getInputStream());
    var err = Jar.readAll(p.getErrorStream());
    try (var in = p.getOutputStream()) {
      in.write(
          ("socket u AF_INET SOCK_DGRAM\nbind u 127.0.0.1:0\nsendto u hi u\n"
                  + "recvfrom u 1000000000\nsendto u ho u\nrecv u 2147483639\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "sockshell did not exit");
    // A heap of 64 MiB, and buffers of 1 and 2 GB asked for: Python returns at once, and so must
    // sockshell, allocating what arrived.
    assertEquals(0, p.exitValue(), out.join());
    assertTrue(out.join().contains("$2 ==> (b'hi', ('127.0.0.1', "), out.join());
    assertTrue(out.join().contains("$4 ==> b'ho'"), out.join());
    assertEquals("", err.join());
  }

  @Test
  void sendallOfAFileLargerThanTheHeapStreamsIt(@TempDir Path dir) throws Exception {
    int size = 96 << 20; // a heap of 64 MiB: @PATH may read 8 MiB of it, sendall streams
    Path big = dir.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    new Random(7).nextBytes(block);
    CRC32 sent = new CRC32();
    try (var f = Files.newOutputStream(big)) {
      for (int i = 0; i < size / block.length; i++) {
        f.write(block);
        sent.update(block);
      }
    }
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var received =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket conn = server.accept()) {
                  CRC32 crc = new CRC32();
                  byte[] buffer = new byte[1 << 16];
                  long n = 0;
                  for (int r; (r = conn.getInputStream().read(buffer)) > 0; n += r) {
                    crc.update(buffer, 0, r);
                  }
                  return n + " " + crc.getValue();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      ProcessBuilder jar = Jar.builder("--timeout", "60");
      jar.command().add(1, "-Xmx64m");
      Process p = jar.start();
      var out = Jar.readAll(p.getInputStream());
      var err = Jar.readAll(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        in.write(
            ("socket c\nconnect c 127.0.0.1:"
                    + server.getLocalPort()
                    + "\nsendall c @"
                    + big
                    + "\nclose c\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sockshell did not exit");
      assertEquals(0, p.exitValue(), out.join());
      assertTrue(out.join().contains("sent all " + size + " bytes"), out.join());
      assertEquals("", err.join());
      assertEquals(size + " " + sent.getValue(), received.get(60, TimeUnit.SECONDS));
    }
  }
}
