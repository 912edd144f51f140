package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.WaitLatch;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void ctrlCCancelsARecvOfAnySizeAndTheBytesThatComeLaterStayForTheNext() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      shell.run(
          Typed.lines(
              "socket srv\nbind srv 127.0.0.1:0\nlisten srv\nsocket cli\nconnect cli srv\n"
                  + "accept srv conn\nsocket u AF_INET SOCK_DGRAM\nbind u 127.0.0.1:0\n"));
      for (String call : List.of("recv conn 2147483639", "recvfrom u 2000000000")) {
        WaitLatch waiting = new WaitLatch();
        shell.setWaitListener(waiting);
        Thread blocked = new Thread(() -> shell.run(Typed.lines(call + "\n")));
        blocked.start();
        assertTrue(waiting.await(), call + " never started waiting");
        shell.interrupt();
        blocked.join(10_000);
        assertTrue(!blocked.isAlive(), call + " did not return after the interrupt");
      }
      shell.run(
          Typed.lines("send cli 'hi'\nrecv conn 2147483639\nsendto u b'x' u\nrecvfrom u 5\n"));
      String out = text.toString();
      assertTrue(out.contains("KeyboardInterrupt: recv on conn cancelled"), out);
      assertTrue(out.contains("KeyboardInterrupt: recvfrom on u cancelled"), out);
      assertTrue(out.contains("==> b'hi'"), out);
      assertTrue(out.contains("==> (b'x', ('127.0.0.1', "), out);
    }
  }

  @Test
  void ctrlCDuringAScriptsBlockingCallStopsTheScriptThere() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      WaitLatch waiting = new WaitLatch();
      shell.setWaitListener(waiting);
      String script = "socket srv\nbind srv 127.0.0.1:0\nlisten srv\naccept srv\nclose srv\n";
      Shell.End[] end = new Shell.End[1];
      Thread run =
          new Thread(
              () ->
                  end[0] =
                      shell.run(new ReaderSource(new StringReader(script), "demo.socks", null)));
      run.start();
      assertTrue(waiting.await(), "accept never started waiting");
      shell.interrupt();
      run.join(10_000);
      String out = text.toString();
      assertEquals(Shell.End.STOPPED, end[0], out);
      assertTrue(out.contains("demo.socks:4: KeyboardInterrupt: accept on srv cancelled"), out);
      assertTrue(out.contains("demo.socks:4: stopped by Ctrl-C"), out);
      assertTrue(!out.contains("close srv"), "the script must stop at line 4:\n" + out);
      assertTrue(shell.failed());
    }
  }

  @Test
  void aCtrlCPressedRightAfterEnterCancelsTheCommandItTyped() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      shell.run(Typed.lines("socket srv\nbind srv 127.0.0.1:0\nlisten srv\n"));
      // The line is read, and Ctrl-C lands before its command has started to run.
      LineSource ctrlCAfterEnter = Typed.lines("accept srv\n", shell::interrupt);
      Thread run = new Thread(() -> shell.run(ctrlCAfterEnter));
      run.start();
      run.join(10_000);
      boolean stuck = run.isAlive();
      shell.interrupt(); // a second Ctrl-C frees a stuck accept, so the test can end
      run.join(10_000);
      assertTrue(!stuck, "the Ctrl-C was lost: accept waited for a connection\n" + text);
      assertTrue(
          text.toString().contains("KeyboardInterrupt: accept on srv cancelled"), text::toString);
    }
  }

  @Test
  void ctrlCBetweenTwoCallsOfAScriptStopsItBeforeTheNextLine() {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      // A Ctrl-C that arrives while no call waits (nothing to cancel) still stops the script.
      shell.interrupt();
      Shell.End end =
          shell.run(new ReaderSource(new StringReader("socket s\nclose s\n"), "demo.socks", null));
      String out = text.toString();
      assertEquals(Shell.End.STOPPED, end, out);
      assertEquals(
          "demo.socks:1: KeyboardInterrupt: Ctrl-C stopped the script before this line\n", out);
      assertTrue(shell.failed());
    }
  }

  @Test
  void aSecondCtrlCBeforeTheFirstIsActedOnSaysSo() {
    try (Shell shell =
        new Shell(new Session(), new PlainOutput(new StringWriter()), Path.of("."))) {
      assertTrue(shell.interrupt());
      assertEquals(false, shell.interrupt(), "the second interrupt finds the first pending");
    }
  }
}
