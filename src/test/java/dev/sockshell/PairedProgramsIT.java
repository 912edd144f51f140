package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Jar;
import dev.sockshell.testing.Loopback;
import dev.sockshell.testing.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers and clients written for python3 (the tutorial's four programs in
 * src/test/resources/tutorial, the echo examples of Python's socket documentation in
 * src/test/resources/python-docs, each as printed but for the port, a free one, and the client's
 * remote host) run by sockshell and by python3 against each other, both ways. Each side must print
 * what the same program prints under python3, and end the same way (the tutorial's servers on
 * Ctrl-C).
 */
class PairedProgramsIT {
  private static final Path TUTORIAL = Path.of("src/test/resources/tutorial");
  private static final Path DOCS = Path.of("src/test/resources/python-docs");
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir static Path dir;

  /** Where a program run with --events writes its stderr. */
  private static Path eventsFile() {
    return dir.resolve("events.txt");
  }

  @BeforeAll
  static void python() {
    assumeTrue(ExternalProgram.available(PYTHON, "--version"), PYTHON + " is not installed");
  }

  /**
   * How a program is run: by python3, or by sockshell's jar; SOCKSHELL_EVENTS with {@code
   * --events}, its stderr (sockshell's lines about the calls) written to {@link #eventsFile}.
   */
  enum Runner {
    PYTHON3,
    SOCKSHELL,
    SOCKSHELL_EVENTS;

    ExternalProgram start(Path program) throws IOException {
      List<String> command = new ArrayList<>(List.of(PYTHON, "-c", CTRL_C_ON, PYTHON));
      if (this == PYTHON3) {
        command.addAll(List.of("-u", program.toString()));
      } else {
        command.remove(command.size() - 1);
        if (this == SOCKSHELL_EVENTS) {
          command.set(2, STDERR_TO_FILE + CTRL_C_ON);
          command.add(eventsFile().toString());
        }
        command.addAll(Jar.builder().command());
        if (this == SOCKSHELL_EVENTS) {
          command.add("--events");
        }
        command.add(program.toString());
      }
      return ExternalProgram.start(command.toArray(String[]::new));
    }

    /** Takes argv[1] off, and makes it the file descriptor 2 of what runs. */
    private static final String STDERR_TO_FILE =
        "import os, sys; fd = os.open(sys.argv.pop(1), os.O_WRONLY | os.O_CREAT | os.O_TRUNC);"
            + " os.dup2(fd, 2); ";

    /**
     * Runs argv[1:] with SIGINT at its default: a build started in the background by a shell
     * without job control ({@code mvn verify &}) inherits SIGINT ignored, and then neither python3
     * nor the JVM would let Ctrl-C (kill -INT) reach the program.
     */
    private static final String CTRL_C_ON =
        "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
            + " os.execv(sys.argv[1], sys.argv[1:])";
  }

  @Test
  void tutorialTcpServerBySockshellAnswersPythonClientsAndStopsOnCtrlC() throws Exception {
    String python = tutorialTcp(Runner.PYTHON3, Runner.PYTHON3);
    // What the scenario shows under python3, so the comparison below compares something.
    assertTrue(python.contains("server response: message received by server"), python);
    assertTrue(python.contains("Received: hello from TCP client"), python);
    assertTrue(python.endsWith("\n 服务器关机中\nserver exit 0"), python);
    assertEquals(python, tutorialTcp(Runner.SOCKSHELL, Runner.PYTHON3));
  }

  @Test
  void tutorialTcpClientBySockshellTalksToPythonServer() throws Exception {
    assertEquals(
        tutorialTcp(Runner.PYTHON3, Runner.PYTHON3), tutorialTcp(Runner.PYTHON3, Runner.SOCKSHELL));
  }

  /**
   * With {@code --events} the client's stdout is still python3's, byte for byte, and its stderr
   * tells each call: the connection, what was sent and what arrived.
   */
  @Test
  void tutorialTcpClientWithEventsPrintsAsPython3OnStdoutAndTheCallsOnStderr() throws Exception {
    assertEquals(
        tutorialTcp(Runner.PYTHON3, Runner.PYTHON3),
        tutorialTcp(Runner.PYTHON3, Runner.SOCKSHELL_EVENTS));
    String events = Ports.mask(Files.readString(eventsFile(), StandardCharsets.UTF_8));
    assertEquals(
        """
        client ==> socket(AF_INET, SOCK_STREAM)
        |  client connected to ('127.0.0.1', <port1>) from ('127.0.0.1', <port2>)
        $1 ==> 21
        $2 ==> b'message received by server'
        |  client closed
        """,
        events);
  }

  @Test
  void tutorialUdpServerBySockshellAnswersPythonClient() throws Exception {
    String python = tutorialUdp(Runner.PYTHON3, Runner.PYTHON3);
    assertTrue(python.contains("server response: UDP ACK"), python);
    assertTrue(python.contains("received from ('127.0.0.1', <port"), python);
    assertTrue(python.endsWith("KeyboardInterrupt\nserver exit 130"), python);
    assertEquals(python, tutorialUdp(Runner.SOCKSHELL, Runner.PYTHON3));
  }

  @Test
  void tutorialUdpClientBySockshellTalksToPythonServer() throws Exception {
    assertEquals(
        tutorialUdp(Runner.PYTHON3, Runner.PYTHON3), tutorialUdp(Runner.PYTHON3, Runner.SOCKSHELL));
  }

  @Test
  void docsEchoServerAndClientBothWays() throws Exception {
    String python = docsEcho("", Runner.PYTHON3, Runner.PYTHON3);
    assertTrue(python.contains("Received b'Hello, world'"), python);
    assertEquals(python, docsEcho("", Runner.SOCKSHELL, Runner.PYTHON3));
    assertEquals(python, docsEcho("", Runner.PYTHON3, Runner.SOCKSHELL));
  }

  @Test
  void docsEchoWithGetaddrinfoBothWays() throws Exception {
    String python = docsEcho("_46", Runner.PYTHON3, Runner.PYTHON3);
    assertTrue(python.contains("Received b'Hello, world'"), python);
    assertEquals(python, docsEcho("_46", Runner.SOCKSHELL, Runner.PYTHON3));
    assertEquals(python, docsEcho("_46", Runner.PYTHON3, Runner.SOCKSHELL));
  }

  /**
   * The tutorial's TCP server run by {@code server}, two clients run by {@code client}, then
   * Ctrl-C: what the server and the clients printed (ports masked) and how the server ended.
   */
  private static String tutorialTcp(Runner server, Runner client) throws Exception {
    int port = Loopback.freeTcpPort();
    Path serverPy = program(TUTORIAL, "tcp_server.py", "9999", port);
    Path clientPy = program(TUTORIAL, "tcp_client.py", "9999", port);
    StringBuilder seen = new StringBuilder();
    try (ExternalProgram s = server.start(serverPy)) {
      s.await(Pattern.compile("TCP服务器监听"));
      for (int i = 0; i < 2; i++) {
        runClient(client, clientPy, seen);
        s.await(Pattern.compile("Received:"));
      }
      s.interrupt();
      seen.append("server: ").append(s.finish()).append("server exit ").append(s.exitValue());
    }
    return masked(seen, port);
  }

  /** The tutorial's UDP server run by {@code server}, one client by {@code client}, Ctrl-C. */
  private static String tutorialUdp(Runner server, Runner client) throws Exception {
    int port = Loopback.freeUdpPort();
    Path serverPy = program(TUTORIAL, "udp_server.py", "8888", port);
    Path clientPy = program(TUTORIAL, "udp_client.py", "8888", port);
    StringBuilder seen = new StringBuilder();
    try (ExternalProgram s = server.start(serverPy)) {
      s.await(Pattern.compile("UDP服务器监听"));
      runClient(client, clientPy, seen);
      s.await(Pattern.compile("received from"));
      s.interrupt();
      // Python 3.11 marks the expression of a traceback's line with ^^^; sockshell does not.
      String said = s.finish().replaceAll("(?m)^\\s*\\^+\\s*\\n", "");
      seen.append("server: ").append(said).append("server exit ").append(s.exitValue());
    }
    return masked(seen, port);
  }

  /** A docs echo server and its client; the server serves one client and ends. */
  private static String docsEcho(String variant, Runner server, Runner client) throws Exception {
    int port = Loopback.freeTcpPort();
    Path serverPy = program(DOCS, "echo_server" + variant + ".py", "50007", port);
    Path clientPy = program(DOCS, "echo_client" + variant + ".py", "50007", port);
    String source = Files.readString(clientPy).replace("daring.cs.uiuc.edu", "localhost");
    Files.writeString(clientPy, source, StandardCharsets.UTF_8);
    StringBuilder seen = new StringBuilder();
    try (ExternalProgram s = server.start(serverPy)) {
      awaitListening(port);
      runClient(client, clientPy, seen);
      seen.append("server: ").append(s.finish()).append("server exit ").append(s.exitValue());
    }
    return masked(seen, port);
  }

  private static void runClient(Runner client, Path program, StringBuilder seen) throws Exception {
    try (ExternalProgram c = client.start(program)) {
      seen.append("client: ").append(c.finish()).append("client exit ").append(c.exitValue());
      seen.append('\n');
    }
  }

  private static String masked(StringBuilder seen, int port) {
    return Ports.mask(
        seen.toString().replace(Integer.toString(port), "PORT").replace(dir.toString(), "DIR"));
  }

  /** The program with its port number replaced. */
  private static Path program(Path from, String name, String port, int free) throws IOException {
    String source = Files.readString(from.resolve(name), StandardCharsets.UTF_8);
    Path copy = dir.resolve(name);
    Files.writeString(copy, source.replace(port, Integer.toString(free)), StandardCharsets.UTF_8);
    return copy;
  }

  /**
   * Waits until a socket listens on {@code port}, as the kernel's tables say (a probe connection
   * would be the one client these servers serve).
   */
  private static void awaitListening(int port) throws Exception {
    String hexPort = String.format(Locale.ROOT, ":%04X ", port);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) {
            return;
          }
        }
      }
      Thread.sleep(20); // polling the kernel's table: nothing to wait on instead
    }
    throw new AssertionError("nothing listened on port " + port + " within 20 s");
  }
}
