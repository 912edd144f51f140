package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.repl.Shell;
import dev.sockshell.testing.WaitLatch;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys typed while a call waits: off the screen until the next prompt shows them. */
class TypeAheadTest {
  @TempDir Path dir;

  @Test
  void keysTypedWhileACallWaitsShowOnlyAtTheNextPromptAndRunFromThere() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Shell shell = new Shell(session, new TerminalOutput(t.terminal, false), dir);
      WaitLatch waiting = new WaitLatch();
      shell.setWaitListener(waiting);
      ConsoleRun console = ConsoleRun.start(t, shell, null);
      t.await("sockshell> ");
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\r");
      t.await("listening on");
      // Asked before accept: the session stays locked while it accepts.
      int port = ((SockAddress.Inet) session.find("srv").orElseThrow().localAddress()).port();
      t.type("accept srv\r");
      assertTrue(waiting.await(), "accept never started waiting");
      int before = t.shown().length();
      t.type("socket ahead");

      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", port));
        t.await("$1 ==> (conn", before);
        String whileWaiting =
            t.shown().substring(before, t.shown().indexOf("$1 ==> (conn", before));
        assertFalse(whileWaiting.contains("ahead"), "shown while accept waited: " + whileWaiting);
        t.await("d", t.shown().indexOf("$1 ==> (conn", before)); // the prompt redraws the keys
        t.type("\r");
        t.await("ahead ==> socket(AF_INET, SOCK_STREAM)", before);
      }
      t.type("\u0004");
      console.awaitEnd();
    }
  }
}
