package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ScriptRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page {@code /export FILE.html} (and {@code --transcript FILE.html}) writes, loaded in a real
 * browser: headless Chromium opens it offline, with no console error, its diagram has an arrow for
 * every send of the session, each arrow links to a line of the transcript that is there, and a
 * screenshot goes to {@code target/test-output/ExportPageTest/} to look at.
 */
class ExportPageTest {
  private static final Path OUTPUT = Path.of("target/test-output/ExportPageTest");

  /** The tutorial's TCP and UDP sessions, a served echo, and errors: refused, timeout, reset. */
  private static final String SESSION =
      """
      socket server
      bind server 127.0.0.1:0
      listen server 5
      socket client
      connect client server
      accept server conn
      send client b'hello from TCP client'
      recv conn 1024
      send conn b'message received by <server> & "you"'
      recv client 1024
      close conn
      recv client 1024
      close client
      socket userver AF_INET SOCK_DGRAM
      bind userver 127.0.0.1:0
      socket uclient AF_INET SOCK_DGRAM
      sendto uclient b'hello UDP' userver
      recvfrom userver 1024
      sendto userver b'UDP ACK' _[1]
      recvfrom uclient 1024
      socket srv
      bind srv 127.0.0.1:0
      listen srv
      serve srv --echo
      socket cli
      connect cli srv
      sendall cli b'\\x00\\xff echo me'
      recv cli --exact 10
      close cli
      socket nobody
      bind nobody 127.0.0.1:0
      socket c2
      connect c2 nobody
      expect error ConnectionRefusedError
      settimeout server 0.2
      accept server
      expect error TimeoutError
      socket c3
      connect c3 server
      accept server conn3
      setsockopt c3 SO_LINGER 1 0
      close c3
      recv conn3
      expect error ConnectionResetError
      """;

  private static final Pattern SEND_LINE =
      Pattern.compile("(?m)^sockshell> (send|sendall|sendto) ");
  private static final Pattern ECHOED = Pattern.compile("(?m)^\\|  event: \\S+ sent b");
  private static final Pattern DATA_ARROW =
      Pattern.compile("<g class=\"arrow DATA\" data-kind=\"DATA\">");
  private static final Pattern LINK = Pattern.compile("<a href=\"#(step-\\d+)\">");
  private static final Pattern ID = Pattern.compile("id=\"(step-\\d+)\"");

  @Test
  void thePageOpensInChromiumWithAnArrowForEverySendEachLinkedToItsLine(@TempDir Path dir)
      throws Exception {
    Path script = dir.resolve("session.socks");
    Files.writeString(script, SESSION + "/export session.html\n/export session.svg\n");
    Path transcript = dir.resolve("run.html");
    ScriptRun run = ScriptRun.of("--transcript", transcript.toString(), script.toString());
    assertEquals(0, run.status(), run.out() + run.err());

    int sends = count(SEND_LINE, run.out()) + count(ECHOED, run.out());
    assertEquals(6, sends, "the session's sends, as its output shows them:\n" + run.out());
    String page = Files.readString(dir.resolve("session.html"), StandardCharsets.UTF_8);
    String svg = Files.readString(dir.resolve("session.svg"), StandardCharsets.UTF_8);
    String atEnd = Files.readString(transcript, StandardCharsets.UTF_8);
    assertEquals(sends, count(DATA_ARROW, svg), svg);
    assertFalse(svg.contains("<a href"), "the SVG alone links nowhere:\n" + svg);
    // The run's page also has /export's own lines, and the summary.
    assertEquals(sends, count(DATA_ARROW, atEnd));
    assertTrue(atEnd.contains("3 expectations passed"), atEnd);
    assertTrue(
        page.contains("message received by &lt;server&gt; &amp; &quot;you&quot;"),
        "bytes are escaped for HTML");
    assertFalse(page.contains("<script"), "the page needs no script");
    assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external asset");

    assumeTrue(
        ExternalProgram.available("chromium", "--version"),
        "skipped: chromium is not installed (.ci/run installs it)");
    Files.createDirectories(OUTPUT);
    Path screenshot = OUTPUT.resolve("session.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    Browser loaded = Browser.load(dir.resolve("session.html"), screenshot, dir.resolve("profile"));
    assertEquals(List.of(), loaded.consoleMessages(), "the browser's console");
    String dom = loaded.dom();
    assertEquals(sends, count(DATA_ARROW, dom), "arrows in the page as the browser built it");
    Set<String> ids = new HashSet<>(all(ID, dom));
    List<String> links = all(LINK, dom);
    assertTrue(links.size() >= sends, "every row links to its line: " + links);
    for (String link : links) {
      assertTrue(ids.contains(link), "#" + link + " is not a line of the transcript");
    }
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page: " + screenshot);
  }

  @Test
  void theConsoleCheckCatchesABrokenPage(@TempDir Path dir) throws Exception {
    assumeTrue(
        ExternalProgram.available("chromium", "--version"),
        "skipped: chromium is not installed (.ci/run installs it)");
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><body><svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<path d=\"M x y\"/></svg></body></html>");
    Browser loaded = Browser.load(page, dir.resolve("broken.png"), dir.resolve("profile"));
    assertEquals(1, loaded.consoleMessages().size(), String.join("\n", loaded.consoleMessages()));
  }

  private static int count(Pattern pattern, String text) {
    return all(pattern, text).size();
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    return found;
  }

  /** One headless Chromium run: the DOM it built, a screenshot, what its console said. */
  private record Browser(String dom, List<String> consoleMessages) {
    private static final long WAIT_SECONDS = 240;

    static Browser load(Path page, Path screenshot, Path profile)
        throws IOException, InterruptedException {
      Path dom = profile.resolveSibling(profile.getFileName() + ".dom");
      Path log = profile.resolveSibling(profile.getFileName() + ".log");
      Process p =
          new ProcessBuilder(
                  "chromium",
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--user-data-dir=" + profile.toAbsolutePath(),
                  "--enable-logging=stderr",
                  "--v=0",
                  "--window-size=1400,1600",
                  "--screenshot=" + screenshot.toAbsolutePath(),
                  "--dump-dom",
                  page.toAbsolutePath().toUri().toString())
              .redirectOutput(dom.toFile())
              .redirectError(log.toFile())
              .start();
      if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in " + WAIT_SECONDS + " s");
      }
      List<String> console = new ArrayList<>();
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        // Chromium logs what the page's console says as INFO:CONSOLE lines.
        if (line.contains(":CONSOLE")) {
          console.add(line);
        }
      }
      return new Browser(Files.readString(dom, StandardCharsets.UTF_8), console);
    }
  }
}
