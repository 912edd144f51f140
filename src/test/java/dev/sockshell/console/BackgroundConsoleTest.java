package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.repl.Shell;
import dev.sockshell.testing.WaitLatch;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background in the console: its events print above the prompt while it waits, a command may be
 * a client of a server the same session serves, and Ctrl-C cancels only the foreground.
 */
class BackgroundConsoleTest {
  private static final String CTRL_C = "\u0003";
  private static final String CTRL_D = "\u0004";

  @TempDir Path dir;

  @Test
  void eventsPrintAboveThePromptWhileItWaits() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Thread console = start(t, new Shell(session, new TerminalOutput(t.terminal, false), dir));
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\rserve srv --echo\r");
      t.await("srv is served in the background");
      int port = ((SockAddress.Inet) session.find("srv").orElseThrow().localAddress()).port();
      // A client from outside, while the prompt waits for a line.
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = client.getOutputStream();
        out.write("hi".getBytes(StandardCharsets.UTF_8));
        InputStream in = client.getInputStream();
        assertEquals("hi", new String(in.readNBytes(2), StandardCharsets.UTF_8));
        t.await("event: srv accepted conn1 from ('127.0.0.1', ");
        t.await("event: conn1 sent b'hi' (echo)");
      }
      t.await("event: conn1 closed: the peer closed it");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aClientOfTheSessionTalksToItsServedSocketAndCtrlCCancelsOnlyTheWait() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Shell shell = new Shell(session, new TerminalOutput(t.terminal, false), dir);
      Thread console = start(t, shell);
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\rserve srv --reply \"pong\"\r");
      t.type("socket c\rconnect c srv\rsend c \"ping\"\rrecv c\r");
      t.await("==> b'pong'");
      // A latch for wait's own wait: connect may have waited before.
      WaitLatch waiting = new WaitLatch();
      shell.setWaitListener(waiting);
      t.type("wait\r");
      assertTrue(waiting.await(), "wait never started waiting");
      t.type(CTRL_C);
      t.await("KeyboardInterrupt: wait for the background cancelled");
      // The background goes on: the server still answers.
      t.type("send c \"again\"\rrecv c\r");
      t.await("$4 ==> b'pong'");
      assertTrue(console.isAlive());
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  private static Thread start(TestTerminal t, Shell shell) {
    Thread thread =
        new Thread(
            () ->
                Console.run(t.terminal, shell, new TerminalOutput(t.terminal, false), false, null),
            "console");
    thread.start();
    return thread;
  }
}
