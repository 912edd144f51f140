package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ShellRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background's servers, rules and relays against Python programs over loopback
 * (src/test/resources/peers/background_clients.py): many clients at once, a client that resets in
 * the middle of a reply, a client that never reads, and 100 MB through a relay, hashed on both
 * sides. The session stays usable throughout.
 */
class BackgroundPeersTest {
  private static final Path PEERS = Path.of("src/test/resources/peers/background_clients.py");

  /**
   * The system's python3 where there is one: a version manager's shim (pyenv's) takes seconds to
   * start on a busy machine.
   */
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  @BeforeAll
  static void python() {
    assumeTrue(
        ExternalProgram.available(PYTHON, "--version"),
        "skipped: python3 is not installed, so the Python peers cannot run");
  }

  private static ExternalProgram peer(Object... args) throws IOException {
    String[] command = new String[args.length + 3];
    command[0] = PYTHON;
    command[1] = "-u";
    command[2] = PEERS.toString();
    for (int i = 0; i < args.length; i++) {
      command[i + 3] = String.valueOf(args[i]);
    }
    return ExternalProgram.start(command);
  }

  /** A session with a listening {@code srv} on an ephemeral port. */
  private static ShellRun listening() {
    ShellRun run = new ShellRun();
    run.run("socket srv\nbind srv 127.0.0.1:0\nlisten srv\n");
    return run;
  }

  @Test
  void manyPythonClientsAtOnceAreAllEchoed() throws Exception {
    try (ShellRun run = listening()) {
      run.run("/set events counts\nserve srv --echo\n");
      try (ExternalProgram clients = peer("echo", run.port("srv"), 50, 40)) {
        // The clients give up by themselves (FAIL) after 20 s per connect and 60 s in all: on a
        // loaded machine the 2,000 round trips may take longer than the usual 20 s wait.
        clients.await(Pattern.compile("^ok 50 clients|^FAIL"), 120);
        assertTrue(clients.said().contains("ok 50 clients"), clients.said());
      }
      assertEquals(Shell.End.COMPLETED, run.run("wait 0\n/list\nstop srv\n"), run.out());
      assertTrue(run.out().contains("srv serves --echo: 50 connections, 0 open"), run.out());
      // A message that arrived in two reads is echoed in two replies: at least one each.
      Matcher counts =
          Pattern.compile("event: 50 accepted, (\\d+) replies, 50 closed").matcher(run.out());
      assertTrue(counts.find() && Integer.parseInt(counts.group(1)) >= 2000, run.out());
    }
  }

  @Test
  void pythonClientTalksToRules() throws Exception {
    try (ShellRun run = listening()) {
      run.run(
          "on srv connect send \"+OK ready\\r\\n\"\n"
              + "on srv matches /^PING (\\d+)\\r\\n/ send \"PONG \\1\\r\\n\"\n"
              + "on srv contains \"QUIT\" send \"+OK bye\\r\\n\"\n"
              + "on srv contains \"QUIT\" close\n"
              + "serve srv --rules --max 1\n");
      try (ExternalProgram client = peer("ping", run.port("srv"))) {
        String said = client.await(Pattern.compile("^banner"));
        assertEquals(
            "banner b'+OK ready\\r\\n' answers [b'PONG 0\\r\\n', b'PONG 1\\r\\n', b'PONG 2\\r\\n',"
                + " b'PONG 3\\r\\n', b'PONG 4\\r\\n'] then b'+OK bye\\r\\n'",
            said);
      }
      assertEquals(Shell.End.COMPLETED, run.run("wait\n"), run.out());
      assertTrue(run.out().contains("srv served 1 connection (--max 1)"), run.out());
    }
  }

  @Test
  void aClientThatResetsMidReplyEndsOnlyItsConnection() throws Exception {
    try (ShellRun run = listening()) {
      // 8 MiB answers each chunk: far more than the kernel's buffers take before the reset.
      run.run("serve srv --reply x'" + "41".repeat(64) + "' --max 2\n");
      run.run("/set events off\nstop srv\n/set events on\n");
      run.run("serve srv --reply @" + bigFile() + " --max 2\n");
      try (ExternalProgram client = peer("reset", run.port("srv"))) {
        client.await(Pattern.compile("^reset after"));
      }
      // The session is still usable, and the server still serves: a second client is answered.
      assertEquals(
          Shell.End.COMPLETED,
          run.run(
              "socket cli\nconnect cli srv\nsend cli \"hi\"\nrecv cli 16\nexpect b'AAAAAAAAAAAAAAAA'\n"
                  + "close cli\nwait\n"),
          run.out());
      assertTrue(
          run.out().contains("conn1 closed: the peer reset it")
              || run.out().contains("conn1 closed: the peer closed it"),
          run.out());
    }
  }

  private static Path bigFile() throws IOException {
    Path file = Files.createTempFile("reply", ".bin");
    file.toFile().deleteOnExit();
    Files.write(file, "A".repeat(8 << 20).getBytes());
    return file;
  }

  @Test
  void aClientThatNeverReadsBlocksNothingAndStopEndsIt() throws Exception {
    try (ShellRun run = listening()) {
      run.run("serve srv --echo\n");
      try (ExternalProgram client = peer("never_reads", run.port("srv"))) {
        client.await(Pattern.compile("^stuck after"));
        // The rest of the session goes on: another client is served, commands run.
        assertEquals(
            Shell.End.COMPLETED,
            run.run(
                "/set events off\nsocket cli\nconnect cli srv\nsend cli \"still here\"\nrecv cli\n"
                    + "expect b'still here'\n/set events on\n"),
            run.out());
        assertEquals(Shell.End.COMPLETED, run.run("stop srv\n"), run.out());
        client.input("\n");
        client.finish();
      }
      assertTrue(run.out().contains("conn1 stopped reading: "), run.out());
      assertTrue(run.out().contains("bytes of replies wait for a peer that does not read"));
      assertTrue(run.out().contains("srv is no longer served; closed 2 connections"), run.out());
    }
  }

  @Test
  void aHundredMegabytesThroughARelayArriveIntact() throws Exception {
    try (ExternalProgram sink = peer("sink");
        ShellRun run = new ShellRun()) {
      String sinkPort = sink.await(Pattern.compile("^listening (\\d+)"));
      run.run("socket front\nbind front 127.0.0.1:0\nlisten front\n");
      try (ExternalProgram source = peer("source", run.port("front"), 100)) {
        assertEquals(
            Shell.End.COMPLETED,
            run.run(
                "accept front c\nsocket up\nconnect up 127.0.0.1:"
                    + sinkPort
                    + "\nrelay c up\nwait\n"),
            run.out());
        Matcher sent =
            Pattern.compile("sent (\\d+) sha256 (\\w+) answer b'got (\\d+) bytes'")
                .matcher(source.await(Pattern.compile("^(sent .*)")));
        Matcher received =
            Pattern.compile("received (\\d+) sha256 (\\w+)")
                .matcher(sink.await(Pattern.compile("^(received .*)")));
        assertTrue(sent.matches() && received.matches(), source.said() + sink.said());
        assertEquals(100 << 20, Integer.parseInt(received.group(1)));
        assertEquals(sent.group(2), received.group(2), "sha256 on both sides");
        assertEquals(sent.group(1), sent.group(3));
      }
      assertTrue(run.out().contains("relay c <-> up ended: 104857600 bytes c -> up"), run.out());
    }
  }

  @Test
  void stopHandsARelayBackWithNothingLost(@TempDir Path dir) throws Exception {
    try (ShellRun run = listening()) {
      run.run("socket front\nbind front 127.0.0.1:0\nlisten front\n");
      try (ExternalProgram client = peer("never_reads", run.port("front"))) {
        // client -> c, relayed to up -> server, which nobody reads: every buffer on the way fills.
        run.run("accept front c\nsocket up\nconnect up srv\naccept srv server\nrelay c up\n");
        long sent = Long.parseLong(client.await(Pattern.compile("^stuck after (\\d+) bytes")));
        run.run("stop c\nclose up\n");
        client.input("\n"); // the client closes: c reads what is left, then EOF
        client.finish();
        Path upstream = dir.resolve("upstream");
        Path back = dir.resolve("back");
        assertEquals(
            Shell.End.COMPLETED,
            run.run("recvfile server " + upstream + "\nrecvfile c " + back + "\n"),
            run.out());
        byte[] all =
            (Files.readString(upstream) + Files.readString(back)).getBytes(StandardCharsets.UTF_8);
        assertEquals(sent, all.length, run.out());
        assertTrue(new String(all, StandardCharsets.UTF_8).matches("z*"));
        assertTrue(Files.size(back) > 0, "the relay held bytes that stop gave back to c");
      }
    }
  }
}
