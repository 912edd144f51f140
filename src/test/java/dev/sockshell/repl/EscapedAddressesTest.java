package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.ShellRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer chooses its own AF_UNIX path, so accept, getpeername and /list show a path from the
 * network: like received bytes, it must reach the terminal escaped.
 */
class EscapedAddressesTest {
  @TempDir Path dir;

  @Test
  void aPeersPathWithControlCharactersIsShownEscapedEverywhere() {
    try (ShellRun run = new ShellRun()) {
      run.run(
          serverAndClient(
              "bind cli \"" + dir + "/cli\\x1b[2J\\x07.sock\"",
              "connect cli srv",
              "accept srv conn",
              "getpeername conn",
              "/list",
              "close cli"));
      String out = run.out();
      assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n'), out);
      assertTrue(
          out.lines().anyMatch(l -> l.startsWith("conn ") && l.contains("cli\\x1b[2J\\x07.sock")),
          out);
      assertTrue(out.contains("(conn, '" + dir + "/cli\\x1b[2J\\x07.sock')"), out);
    }
  }

  @Test
  void anUnnamedUnixEndIsADashInListNotABlankCell() {
    try (ShellRun run = new ShellRun()) {
      run.run(serverAndClient("connect cli srv", "accept srv conn", "/list"));
      String out = run.out();
      assertTrue(
          out.lines().anyMatch(l -> l.matches("cli +AF_UNIX +SOCK_STREAM +connected +- +/.*")),
          out);
      assertTrue(
          out.lines()
              .anyMatch(l -> l.matches("conn +AF_UNIX +SOCK_STREAM +connected +/\\S+ +- .*")),
          out);
    }
  }

  /** A listening AF_UNIX srv in the temporary directory and a fresh cli, then {@code steps}. */
  private String serverAndClient(String... steps) {
    String start =
        String.join(
            "\n",
            "socket srv AF_UNIX",
            "bind srv \"" + dir + "/srv.sock\"",
            "listen srv",
            "socket cli AF_UNIX",
            "");
    return start + String.join("\n", steps) + "\n";
  }
}
