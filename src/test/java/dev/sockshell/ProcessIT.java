package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import org.junit.jupiter.api.Test;

/** The jar as a user runs it: options, exit statuses, stdin scripts, no noise on stderr. */
class ProcessIT {
  @Test
  void helpListsTheOptionsAndExitsZero() throws Exception {
    Jar.Result r = Jar.run("", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: sockshell [OPTIONS] [FILE...]"), r.out());
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
            + "Try 'sockshell --help' for more information.\n",
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
  void aBufferLargerThanTheHeapIsAMemoryErrorAndTheSessionGoesOn() throws Exception {
    ProcessBuilder jar = Jar.builder("-k", "--timeout", "10");
    jar.command().add(1, "-Xmx64m");
    Process p = jar.start();
    var out = Jar.readAll(p.getInputStream());
    var err = Jar.readAll(p.getErrorStream());
    try (var in = p.getOutputStream()) {
      in.write(
          ("socket u AF_INET SOCK_DGRAM\nbind u 127.0.0.1:0\nsendto u hi u\n"
                  + "recvfrom u 1000000000\nrecvfrom u\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "sockshell did not exit");
    assertEquals(1, p.exitValue());
    assertTrue(
        out.join().contains("<stdin>:4: MemoryError: the JVM's heap cannot hold it\n"), out.join());
    assertTrue(
        out.join().contains("(b'hi', ('127.0.0.1', "),
        "the datagram is still there: " + out.join());
    assertEquals("", err.join());
  }
}
