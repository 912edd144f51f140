package dev.sockshell;

import dev.sockshell.console.ConsoleRehearsal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The training run of the class-data archive that {@code target/sockshell} starts the jar with: the
 * launcher runs it once per JDK with {@code -XX:ArchiveClassesAtExit} (or JDK 24+'s AOT cache), so
 * every class it loads, with the lambdas it links, is read from the archive afterwards instead of
 * being parsed, verified and linked at each start. It does what a start does: a script over
 * loopback (TCP, UDP, expectations, the errors people meet first) and a console typed on a terminal
 * in memory (the prompt, highlighting, completion, /help, live events). Nothing it does is seen: it
 * prints nothing and binds only 127.0.0.1.
 */
public final class TrainingRun {
  private TrainingRun() {}

  static final String SCRIPT =
      String.join(
          "\n",
          "socket srv",
          "setsockopt srv SO_REUSEADDR 1",
          "bind srv 127.0.0.1:0",
          "listen srv 5",
          "socket cli",
          "connect cli srv",
          "accept srv conn",
          "send cli \"hello\\r\\n\"",
          "recv conn 1024",
          "expect b'hello\\r\\n'",
          "sendall conn b'ACK'",
          "recv cli --exact 3",
          "select cli -- conn 0.5",
          "getsockname cli",
          "close cli",
          "recv conn",
          "expect eof",
          "connect cli localhost:1",
          "expect error EBADF",
          "socket u AF_INET SOCK_DGRAM",
          "bind u 127.0.0.1:0",
          "socket v SOCK_DGRAM",
          "sendto v b'ping' u",
          "recvfrom u",
          "sendto u b'pong' _[1]",
          "recvfrom v 1024",
          "settimeout v 0.01",
          "recvfrom v",
          "expect timeout",
          "/list",
          "close conn",
          "close srv",
          "");

  /** What the console rehearsal types: commands, a Tab, Ctrl-C on a line (then Ctrl-D). */
  static final List<String> LINES =
      List.of(
          "soc\t s",
          "bind s localhost:0",
          "listen s",
          "socket c",
          "connect c s",
          "accept s",
          "send c 'hi'",
          "recv $1[0]",
          "/help send",
          "/list",
          "sendto x b'x'\u0003/set feedback verbose",
          "close c");

  /**
   * Runs the script, then the console rehearsal; exits 0 when the script ran as expected. The
   * console's part is worth having but not necessary: an archive without it still serves scripts.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
    int status =
        Main.run(
            new String[0],
            new ByteArrayInputStream(SCRIPT.getBytes(StandardCharsets.UTF_8)),
            nowhere,
            nowhere,
            false);
    try {
      ConsoleRehearsal.run(LINES);
    } catch (IOException | RuntimeException noConsoleHere) {
      // No pseudo-terminal for JLine on this platform: the archive serves scripts only.
    }
    System.exit(status);
  }
}
