package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Resource guards that do not depend on timing: sockets are released when closed, and a large
 * session is listed whole. (Speed is measured by src/bench/run.sh, never here.)
 */
class ManySocketsTest {
  private static final Path OPEN_FILES = Path.of("/proc/self/fd");

  @Test
  void tenThousandSocketCloseCyclesLeaveNoDescriptorOpen() throws IOException {
    assumeTrue(Files.isDirectory(OPEN_FILES), "needs /proc/self/fd (Linux)");
    // The JDK opens a few descriptors of its own once, on first use (e.g. the socket pair NIO
    // uses to close channels); a short run first makes the count below about sockets only.
    assertEquals(0, ScriptRun.withStdin(socketCloseCycles(4)).status());
    Set<String> before = openSocketsAndSelectors();

    ScriptRun run = ScriptRun.withStdin(socketCloseCycles(10_000));

    assertEquals(0, run.status(), () -> tail(run.out()));
    Set<String> left = new TreeSet<>(openSocketsAndSelectors());
    left.removeAll(before);
    assertTrue(
        left.isEmpty(),
        () ->
            left.size()
                + " descriptors left open by 10,000 socket/close cycles, e.g. "
                + left.stream().limit(5).toList());
  }

  /** Every kind of socket in turn, some bound or listening (listen swaps the channel). */
  private static String socketCloseCycles(int n) {
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (i % 4) {
        case 0 -> script.append("socket s\n");
        case 1 -> script.append("socket s AF_INET SOCK_DGRAM\nbind s 127.0.0.1:0\n");
        case 2 -> script.append("socket s\nbind s 127.0.0.1:0\nlisten s\n");
        default -> script.append("socket s AF_INET6 SOCK_DGRAM\n");
      }
      script.append("close s\n");
    }
    return script.toString();
  }

  @Test
  void aSessionOfTwoThousandSocketsListsEveryOne() {
    StringBuilder script = new StringBuilder("socket srv\nbind srv 127.0.0.1:0\nlisten srv 1000\n");
    for (int i = 1; i <= 1000; i++) {
      script.append("socket c").append(i).append("\nconnect c").append(i).append(" srv\n");
      script.append("accept srv s").append(i).append('\n');
    }
    script.append("/list\n");

    ScriptRun run = ScriptRun.withStdin(script.toString());

    assertEquals(0, run.status(), () -> tail(run.out()));
    String list = run.out().substring(run.out().lastIndexOf("sockshell> /list\n"));
    long rows =
        list.lines()
            .filter(l -> l.matches("(c|s)\\d+ +AF_INET +SOCK_STREAM +connected .*"))
            .count();
    assertEquals(2000, rows, () -> tail(list));
    assertTrue(list.lines().anyMatch(l -> l.startsWith("srv ")), () -> tail(list));
  }

  /**
   * What this process's socket, epoll and pipe descriptors point at ({@code socket:[4711]}). The
   * other tests in this JVM may close theirs meanwhile, so the check is that no new one is left,
   * rather than that the count is equal.
   */
  private static Set<String> openSocketsAndSelectors() throws IOException {
    Set<String> open = new HashSet<>();
    try (Stream<Path> fds = Files.list(OPEN_FILES)) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:")
              || target.startsWith("anon_inode:")
              || target.startsWith("pipe:")) {
            open.add(target);
          }
        } catch (IOException e) {
          // Closed between the listing and the read: not open any more.
        }
      }
    }
    return open;
  }

  private static String tail(String out) {
    return out.substring(Math.max(0, out.length() - 2000));
  }
}
