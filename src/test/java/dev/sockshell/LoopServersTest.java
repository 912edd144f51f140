package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.Waiter;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's servers as written, {@code while True:} loops, are the examples {@code
 * tcp_loop_server.socks} and {@code udp_loop_server.socks}: each is replayed (on a port the OS
 * picks instead of the tutorial's) and serves the tutorial's own Python client 20 times in a row;
 * then Ctrl-C ends the loop while it waits for a 21st.
 */
class LoopServersTest {
  private static final Path EXAMPLES = Path.of("examples");
  private static final Path PEERS = Path.of("src/test/resources/peers");
  private static final Path CWD = Path.of("").toAbsolutePath();
  private static final Pattern PORT = Pattern.compile("\\$1 ==> \\('127\\.0\\.0\\.1', (\\d+)\\)");
  private static final int CLIENTS = 20;
  private static final long WAIT = 20;

  /**
   * The system's python3 where there is one: a version manager's shim (pyenv's) takes seconds to
   * start on a busy machine, and the client starts 20 times.
   */
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  @Test
  void theTutorialsTcpServerAsARepeatLoopServesItsClientTwentyTimes() throws Exception {
    assumePython();
    try (LoopServer server = new LoopServer("tcp_loop_server.socks", "9999", "accept on server")) {
      for (int i = 1; i <= CLIENTS; i++) {
        server.awaitWait(i);
        String said = client("tcp_client.py", server.port());
        assertTrue(said.contains("server response: message received by server"), said);
      }
      String out = server.interruptAfter(CLIENTS + 1);
      assertEquals(CLIENTS, count(out, "==> b'hello from TCP client'\n|  ok\n"), out);
      assertEquals(CLIENTS, count(out, "|  client closed\n"), out);
      assertTrue(out.contains("KeyboardInterrupt: accept on server cancelled\n"), out);
      assertTrue(
          out.contains("|  repeat ended by Ctrl-C in round " + (CLIENTS + 1) + "; per round min"),
          out);
    }
  }

  @Test
  void theTutorialsUdpServerAsARepeatLoopAnswersItsClientTwentyTimes() throws Exception {
    assumePython();
    try (LoopServer server =
        new LoopServer("udp_loop_server.socks", "8888", "recvfrom on server")) {
      for (int i = 1; i <= CLIENTS; i++) {
        server.awaitWait(i);
        String said = client("udp_client.py", server.port());
        assertTrue(said.contains("server response: UDP ACK"), said);
      }
      String out = server.interruptAfter(CLIENTS + 1);
      assertEquals(CLIENTS, count(out, "==> (b'hello UDP', ('127.0.0.1', "), out);
      assertEquals(CLIENTS, count(out, "|  ok\n"), out);
      assertTrue(out.contains("KeyboardInterrupt: recvfrom on server cancelled\n"), out);
      assertTrue(
          out.contains("|  repeat ended by Ctrl-C in round " + (CLIENTS + 1) + "; per round min"),
          out);
    }
  }

  /**
   * An example run in this JVM on a thread of its own, as the jar would run it, its output
   * collected, each call's wait told to the test.
   */
  private static final class LoopServer implements AutoCloseable, Waiter.Listener {
    private final StringWriter out = new StringWriter();
    private final Shell shell = new Shell(new Session(), new PlainOutput(out), CWD);
    private final LinkedBlockingQueue<String> waits = new LinkedBlockingQueue<>();
    private final String waitsFor;
    private final CompletableFuture<Shell.End> run;
    private int waited;

    /** Replays {@code example} with port 0 for the tutorial's {@code port}. */
    LoopServer(String example, String port, String waitsFor) throws IOException {
      this.waitsFor = waitsFor;
      String script = Files.readString(EXAMPLES.resolve(example), StandardCharsets.UTF_8);
      String fixed = "('localhost', " + port + ")";
      assertTrue(script.contains(fixed), example + " binds " + fixed);
      String anyPort = script.replace(fixed, "('localhost', 0)");
      shell.setWaitListener(this);
      run =
          CompletableFuture.supplyAsync(
              () -> shell.run(new ReaderSource(new StringReader(anyPort), example, CWD)));
    }

    @Override
    public void waiting(String what) {
      waits.add(what);
    }

    @Override
    public void doneWaiting() {}

    /** Waits until the server's call has started to wait for the {@code n}-th time. */
    void awaitWait(int n) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (waited < n) {
        String what = waits.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertTrue(what != null, "the server never waited in " + waitsFor + " " + n + ":\n" + out);
        waited += what.equals(waitsFor) ? 1 : 0;
      }
    }

    /** The port the example printed with getsockname (it flushes before its first wait). */
    int port() {
      Matcher m = PORT.matcher(out.toString());
      assertTrue(m.find(), out::toString);
      return Integer.parseInt(m.group(1));
    }

    /** Ctrl-C once the server waits for the {@code n}-th time; everything it printed. */
    String interruptAfter(int n) throws Exception {
      awaitWait(n);
      shell.interrupt();
      assertEquals(Shell.End.STOPPED, run.get(WAIT, TimeUnit.SECONDS), out::toString);
      shell.printSummary();
      return out.toString();
    }

    @Override
    public void close() {
      shell.interrupt();
      run.orTimeout(WAIT, TimeUnit.SECONDS).join();
      shell.close();
    }
  }

  private static String client(String program, int port) throws Exception {
    try (ExternalProgram client =
        ExternalProgram.start(
            PYTHON, "-u", PEERS.resolve(program).toString(), String.valueOf(port))) {
      String said = client.finish();
      assertEquals(0, client.exitValue(), said);
      return said;
    }
  }

  private static void assumePython() {
    assumeTrue(
        ExternalProgram.available(PYTHON, "--version"),
        "skipped: python3 is not installed, so the tutorial's own programs cannot run");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
