package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.WaitLatch;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Ctrl-C's path: {@link Shell#interrupt} cancels only the blocked call. */
class CancelTest {
  @Test
  void interruptCancelsABlockingAcceptAndTheSocketStillListens() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      WaitLatch waiting = new WaitLatch();
      shell.setWaitListener(waiting);
      shell.run(Typed.lines("socket srv\nbind srv 127.0.0.1:0\nlisten srv\n"));

      Thread blocked = new Thread(() -> shell.run(Typed.lines("accept srv\n")));
      blocked.start();
      assertTrue(waiting.await(), "accept never started waiting");
      shell.interrupt();
      blocked.join(10_000);
      assertTrue(!blocked.isAlive(), "accept did not return after the interrupt");
      assertTrue(
          text.toString().contains("KeyboardInterrupt: accept on srv cancelled"), text::toString);

      // The session goes on and the socket still listens: a client connects and is accepted.
      shell.run(Typed.lines("socket cli\nconnect cli srv\naccept srv conn\n/list\n"));
      String out = text.toString();
      assertTrue(out.contains("$1 ==> (conn, ('127.0.0.1', "), out);
      assertTrue(out.lines().anyMatch(l -> l.startsWith("srv ") && l.contains("listening")), out);
      assertEquals(false, shell.failed());
    }
  }
}
