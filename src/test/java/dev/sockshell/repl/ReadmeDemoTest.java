package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.Ports;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's sessions are what the console prints: their commands are typed into a shell and the
 * output, ports masked, must be the README's, line for line.
 */
class ReadmeDemoTest {
  private static final String PROMPT = "sockshell> ";

  @Test
  void theFirstSessionIsRealOutput() throws IOException {
    String shown = block("## A first session");
    assertEquals(Ports.mask(shown), Ports.mask(typed(commands(shown))));
  }

  /**
   * The tutorial's TCP server and client, side by side: each column is typed into a session of its
   * own, the server's up to listen first, then its accept and the client's lines at once. The
   * tutorial's port 9999 becomes one the OS picks, and back in what they print.
   */
  @Test
  void theTutorialsServerAndClientSideBySideAreRealOutput() throws Exception {
    String shown = block("## The tutorial's programs");
    StringBuilder server = new StringBuilder();
    StringBuilder client = new StringBuilder();
    for (String row : shown.split("\n")) {
      int bar = row.indexOf(COLUMNS);
      String left = (bar < 0 ? row : row.substring(0, bar)).stripTrailing();
      String right = bar < 0 ? "" : row.substring(bar + COLUMNS.length()).strip();
      server.append(left.isEmpty() ? "" : left + "\n");
      client.append(right.isEmpty() ? "" : right + "\n");
    }
    List<String> serverCommands = commands(server.toString());
    int listen = serverCommands.indexOf("listen server 5") + 1;
    assertTrue(listen > 0, shown);
    StringWriter serverSaid = new StringWriter();
    try (Shell serverShell = transcribed(serverSaid)) {
      serverShell.run(Typed.lines(tutorialPort(serverCommands.subList(0, listen), "0")));
      SockAddress.Inet bound =
          (SockAddress.Inet) serverShell.session().find("server").orElseThrow().localAddress();
      String port = String.valueOf(bound.port());
      CompletableFuture<Void> serving =
          CompletableFuture.runAsync(
              () ->
                  serverShell.run(
                      Typed.lines(
                          String.join("\n", serverCommands.subList(listen, serverCommands.size()))
                              + "\n")));
      String clientSaid =
          typed(List.of(tutorialPort(commands(client.toString()), port).split("\n")));
      serving.get(30, TimeUnit.SECONDS);
      String asShown = ", " + port + ")";
      String clientShown = clientSaid.replace(asShown, ", 9999)");
      assertEquals(Ports.mask(client.toString()), Ports.mask(clientShown));
      String serverShown =
          serverSaid.toString().replace(asShown, ", 9999)").replace(", 0)", ", 9999)"); // bind
      assertEquals(Ports.mask(server.toString()), Ports.mask(serverShown));
    }
  }

  private static final String COLUMNS = " │";

  private static String tutorialPort(List<String> commands, String port) {
    return String.join("\n", commands).replace("9999", port) + "\n";
  }

  private static Shell transcribed(StringWriter transcript) {
    Shell shell = new Shell(new Session(), new PlainOutput(new StringWriter()), Path.of("."));
    shell.setTranscript(new PlainOutput(transcript));
    return shell;
  }

  /** The first fenced block after {@code heading}. */
  private static String block(String heading) throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf(heading);
    assertTrue(at >= 0, "README has no " + heading);
    int start = readme.indexOf("```\n", at) + 4;
    int end = readme.indexOf("```\n", start);
    return readme.substring(start, end);
  }

  private static List<String> commands(String session) {
    List<String> lines = new ArrayList<>();
    for (String line : session.split("\n")) {
      if (line.startsWith(PROMPT)) {
        lines.add(line.substring(PROMPT.length()));
      }
    }
    return lines;
  }

  /** The session as the console shows it: typed lines after the prompt, then their output. */
  private static String typed(List<String> commands) {
    StringWriter transcript = new StringWriter();
    try (Shell shell = transcribed(transcript)) {
      shell.run(Typed.lines(String.join("\n", commands) + "\n"));
    }
    return transcript.toString();
  }
}
