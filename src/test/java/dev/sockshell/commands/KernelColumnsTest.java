package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ShellRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * /list's TCP, SEND-Q and RECV-Q columns say what {@code ss -tan} says of the same sockets: a
 * listener with a connection waiting, an established pair with bytes unread, a pair where one side
 * closed (FIN_WAIT2 / CLOSE_WAIT), and a closed socket in TIME_WAIT (/list --all).
 */
class KernelColumnsTest {
  /** What a row says of one socket: TCP state, Send-Q, Recv-Q (Send-Q of a listener: -1). */
  private record Kernel(String state, long sendQueue, long receiveQueue) {}

  @Test
  void listSaysWhatSsSaysOfTheSameSockets() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net/tcp: not Linux");
    assumeTrue(onPath("ss"), "ss (iproute2) is not installed");
    try (ShellRun run = new ShellRun()) {
      run.run(
          """
          socket srv
          bind srv 127.0.0.1:0
          listen srv
          socket cli
          connect cli srv
          accept srv conn
          send cli b'unread'
          socket c3
          connect c3 srv
          accept srv conn3
          close conn3
          socket c4
          connect c4 srv
          accept srv conn4
          close conn4
          recv c4
          close c4
          socket waiting
          connect waiting srv
          """);
      // The kernel moves on by itself (FIN_WAIT1 becomes FIN_WAIT2 when the peer's ACK is
      // processed, which a loaded machine delays): /list and ss are read again, within a bound,
      // until they were taken of the same moment.
      List<String> disagreements = List.of();
      Map<String, Kernel> listed = Map.of();
      for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          System.nanoTime() < deadline; ) {
        String before = run.out();
        run.run("/list --all\n");
        listed = listed(run.out().substring(before.length()));
        disagreements = disagreements(listed, ss());
        if (disagreements.isEmpty() && listed.containsValue(FIN_WAIT2_EMPTY)) {
          break;
        }
      }
      assertTrue(listed.size() >= 7, "rows with a TCP state: " + listed);
      assertEquals(List.of(), disagreements);
      assertTrue(
          listed.values().stream().anyMatch(k -> k.state().equals("TIME_WAIT")), "" + listed);
      assertTrue(
          listed.values().stream().anyMatch(k -> k.state().equals("CLOSE_WAIT")), "" + listed);
      assertTrue(
          listed.values().stream().anyMatch(k -> k.state().equals("FIN_WAIT2")), "" + listed);
    }
  }

  private static final Kernel FIN_WAIT2_EMPTY = new Kernel("FIN_WAIT2", 0, 0);

  /** Where /list's columns differ from what ss says of the same socket. */
  private static List<String> disagreements(Map<String, Kernel> listed, Map<String, Kernel> ss) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, Kernel> e : listed.entrySet()) {
      Kernel fromSs = ss.get(e.getKey());
      Kernel mine = e.getValue();
      if (fromSs == null) {
        found.add(e.getKey() + " is not in ss -tan: " + ss);
      } else if (!fromSs.state().equals(mine.state())
          || fromSs.receiveQueue() != mine.receiveQueue()
          // A listener's Send-Q in ss is its backlog; the kernel's table has 0 there.
          || (!mine.state().equals("LISTEN") && fromSs.sendQueue() != mine.sendQueue())) {
        found.add(e.getKey() + ": /list " + mine + ", ss " + fromSs);
      }
    }
    return found;
  }

  /** The rows of /list with a TCP state, by "local peer". */
  private static Map<String, Kernel> listed(String table) {
    Map<String, Kernel> rows = new HashMap<>();
    List<String> lines = table.lines().dropWhile(l -> !l.startsWith("NAME ")).toList();
    List<String> header = List.of(lines.get(0).split(" {2,}"));
    int local = header.indexOf("LOCAL");
    int peer = header.indexOf("PEER");
    int tcp = header.indexOf("TCP");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(" {2,}");
      if (cells.length <= tcp + 2 || cells[tcp].equals("-")) {
        continue;
      }
      String state = cells[tcp].replaceAll(" \\(.*", "");
      rows.put(
          cells[local] + " " + (cells[peer].equals("-") ? "*" : cells[peer]),
          new Kernel(state, Long.parseLong(cells[tcp + 1]), Long.parseLong(cells[tcp + 2])));
    }
    return rows;
  }

  /** ss -tan's rows on 127.0.0.1, by "local peer", states spelled as the kernel spells them. */
  private static Map<String, Kernel> ss() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ss", "-tan").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ss did not finish");
    Map<String, Kernel> rows = new HashMap<>();
    for (String line : out.lines().skip(1).toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5 || !f[3].startsWith("127.0.0.1:")) {
        continue;
      }
      String peer = f[4].endsWith(":*") ? "*" : f[4];
      rows.put(
          f[3] + " " + peer, new Kernel(state(f[0]), Long.parseLong(f[2]), Long.parseLong(f[1])));
    }
    return rows;
  }

  /** ESTAB → ESTABLISHED, FIN-WAIT-2 → FIN_WAIT2, TIME-WAIT → TIME_WAIT. */
  private static String state(String ss) {
    return switch (ss) {
      case "ESTAB" -> "ESTABLISHED";
      case "FIN-WAIT-1" -> "FIN_WAIT1";
      case "FIN-WAIT-2" -> "FIN_WAIT2";
      default -> ss.replace('-', '_');
    };
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
