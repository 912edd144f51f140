package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.WaitLatch;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11 §2: a served socket keeps serving while a foreground command blocks on another socket.
 * The client is a real one (a JDK socket over loopback); its echo must come back while the
 * foreground call still waits, long before that call's timeout would free it.
 */
class ServedWhileBlockedTest {
  /** The foreground call's timeout: far longer than the client waits for its echo. */
  private static final int FOREGROUND_TIMEOUT = 30;

  /** How long the client waits for its echo before the test fails. */
  private static final int ECHO_MILLIS = 15_000;

  private static final String SERVED =
      "socket a\nbind a 127.0.0.1:0\nlisten a\n/set events off\nserve a --echo\n";

  @Test
  void aServedClientIsEchoedWhileAnAcceptWaitsAndTheCancelledAcceptTakesNoName() throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      shell.run(
          Typed.lines(
              SERVED
                  + "socket b\nbind b 127.0.0.1:0\nlisten b\nsettimeout b "
                  + FOREGROUND_TIMEOUT
                  + "\n"));
      Thread blocked = blockOn(shell, "accept b");

      assertEquals("hi", echoFrom(shell, "hi"), text::toString);
      assertTrue(blocked.isAlive(), "the accept must still wait:\n" + text);

      shell.interrupt(); // Ctrl-C still cancels the accept
      blocked.join(10_000);
      assertFalse(blocked.isAlive(), "accept did not return after the interrupt");
      assertTrue(
          text.toString().contains("KeyboardInterrupt: accept on b cancelled"), text::toString);

      // The served client took conn1; the cancelled accept took no name, so this one is conn2.
      shell.run(Typed.lines("socket cli\nconnect cli b\naccept b\n"));
      assertTrue(text.toString().contains("==> (conn2, ('127.0.0.1', "), text::toString);
    }
  }

  /**
   * The other calls that wait on one socket do not hold up the background either (setup lines are
   * separated by {@code ;}).
   */
  @ParameterizedTest
  @CsvSource({
    "socket b;bind b 127.0.0.1:0;listen b;socket c;connect c b;accept b d;settimeout d 30,"
        + " recv d, recv on d",
    "socket u AF_INET SOCK_DGRAM;bind u 127.0.0.1:0;settimeout u 30, recvfrom u 100, recvfrom on u",
  })
  void aServedClientIsEchoedWhileAnotherCallWaits(String setup, String call, String what)
      throws Exception {
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), Path.of("."))) {
      shell.run(Typed.lines(SERVED + setup.replace(';', '\n') + "\n"));
      Thread blocked = blockOn(shell, call);

      assertEquals("hi", echoFrom(shell, "hi"), text::toString);
      assertTrue(blocked.isAlive(), call + " must still wait:\n" + text);

      shell.interrupt();
      blocked.join(10_000);
      assertFalse(blocked.isAlive(), call + " did not return after the interrupt");
      assertTrue(
          text.toString().contains("KeyboardInterrupt: " + what + " cancelled"), text::toString);
    }
  }

  /** Runs {@code call} on its own thread, and returns once it waits. */
  private static Thread blockOn(Shell shell, String call) throws InterruptedException {
    WaitLatch waiting = new WaitLatch();
    shell.setWaitListener(waiting);
    Thread blocked = new Thread(() -> shell.run(Typed.lines(call + "\n")));
    blocked.start();
    assertTrue(waiting.await(), call + " never started waiting");
    return blocked;
  }

  /** What {@code a}'s echo sends back to a client that sends {@code message} and hangs up. */
  private static String echoFrom(Shell shell, String message) throws Exception {
    int port = ((SockAddress.Inet) shell.session().find("a").orElseThrow().localAddress()).port();
    try (Socket client = new Socket()) {
      client.connect(new InetSocketAddress("127.0.0.1", port), ECHO_MILLIS);
      client.setSoTimeout(ECHO_MILLIS); // the bound: the echo comes, or the read times out
      client.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
      client.shutdownOutput();
      InputStream in = client.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
