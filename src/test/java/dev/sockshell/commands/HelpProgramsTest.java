package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.render.Styled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python programs of {@code /help repeat|serve|on|relay} are Python that runs: each compiles
 * with python3, and the asyncio server and the selectors relay, given the sockets their comments
 * name, serve a real client over loopback.
 */
class HelpProgramsTest {
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private final HelpPages help = new HelpPages(CommandTable.standard(), 80);

  @Test
  void eachPageShowsItsProgramUnderInPythonUnwrapped() throws Exception {
    for (String name : HelpPrograms.names()) {
      List<String> shown = help.page(name).stream().map(Styled::text).toList();
      int at = shown.indexOf("  In Python:");
      assertTrue(at > 0, name + ": " + shown);
      List<String> program = HelpPrograms.of(name);
      for (int i = 0; i < program.size(); i++) {
        String line = program.get(i);
        assertEquals(line.isEmpty() ? "" : "    " + line, shown.get(at + 1 + i), name);
      }
    }
  }

  @Test
  void underChineseTheProgramIsIntroducedInChineseAndStaysAsWritten() throws Exception {
    Text.use(Lang.ZH);
    try {
      List<String> shown = help.page("serve").stream().map(Styled::text).toList();
      int at = shown.indexOf("  用 Python 写：");
      assertTrue(at > 0, shown.toString());
      assertEquals("    " + HelpPrograms.of("serve").get(0), shown.get(at + 1));
    } finally {
      Text.useEnvironment();
    }
  }

  @Test
  void everyProgramCompiles() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    for (String name : HelpPrograms.names()) {
      String source = String.join("\n", HelpPrograms.of(name)) + "\n";
      Process p = python("compile(open(0).read(), '" + name + "', 'exec')");
      p.getOutputStream().write(source.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), name + ": python3 did not finish");
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), name + ":\n" + err);
    }
  }

  @Test
  void theServeProgramEchoesWhatAClientSends() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    String setup =
        "import socket\n"
            + "srv = socket.create_server(('127.0.0.1', 0))\n"
            + "print(srv.getsockname()[1], flush=True)\n";
    Process p = python(setup + String.join("\n", HelpPrograms.of("serve")));
    try {
      int port = Integer.parseInt(firstLine(p));
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        client.setSoTimeout(10_000);
        client.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
        client.shutdownOutput();
        assertEquals(
            "hello", new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theRelayProgramForwardsBothWaysAndPassesEofOn() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      upstream.setSoTimeout(10_000);
      String setup =
          "import socket\n"
              + "front = socket.create_server(('127.0.0.1', 0))\n"
              + "print(front.getsockname()[1], flush=True)\n"
              + "c, _ = front.accept()\n"
              + "up = socket.create_connection(('127.0.0.1', "
              + upstream.getLocalPort()
              + "))\n";
      Process p = python(setup + String.join("\n", HelpPrograms.of("relay")));
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(firstLine(p))), 10_000);
        client.setSoTimeout(10_000);
        try (Socket server = upstream.accept()) {
          server.setSoTimeout(10_000);
          client.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
          client.shutdownOutput();
          assertEquals(
              "ping", new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          server.getOutputStream().write("pong".getBytes(StandardCharsets.UTF_8));
          server.shutdownOutput();
          assertEquals(
              "pong", new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the relay loop did not end at both EOFs");
        assertEquals(0, p.exitValue());
      } finally {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean hasPython() {
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "pass").start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Process python(String code) throws IOException {
    return new ProcessBuilder(PYTHON, "-c", code).start();
  }

  private static String firstLine(Process p) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null) {
      throw new AssertionError(
          "python3 printed no port:\n"
              + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    return line.strip();
  }
}
