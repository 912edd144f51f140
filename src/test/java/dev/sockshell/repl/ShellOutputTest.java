package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a shell's lines go: the screen (switchable, for -i), and the transcript (everything). */
class ShellOutputTest {
  @Test
  void theTranscriptRecordsTypedCommandsThatTheScreenAlreadyShows() {
    StringWriter screen = new StringWriter();
    StringWriter transcript = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(screen), Path.of("."))) {
      shell.setTranscript(new PlainOutput(transcript));
      shell.run(Typed.lines("socket s\nrecv s\n"));
    }
    String results =
        "s ==> socket(AF_INET, SOCK_STREAM)\n"
            + "OSError [ENOTCONN]: Transport endpoint is not connected\n"
            + "|  hint: s is not connected; connect it, or accept a connection\n";
    assertEquals(results, screen.toString());
    assertEquals(
        "sockshell> socket s\n"
            + "s ==> socket(AF_INET, SOCK_STREAM)\n"
            + "sockshell> recv s\n"
            + "OSError [ENOTCONN]: Transport endpoint is not connected\n"
            + "|  hint: s is not connected; connect it, or accept a connection\n",
        transcript.toString());
  }

  @Test
  void afterTheScriptsTheSameSessionPrintsToTheNewScreenAndTheTranscriptGoesOn() {
    StringWriter scripts = new StringWriter();
    StringWriter console = new StringWriter();
    StringWriter transcript = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(scripts), Path.of("."))) {
      shell.setTranscript(new PlainOutput(transcript));
      shell.run(new ReaderSource(new StringReader("socket s\n"), "a.socks", Path.of(".")));
      shell.setOutput(new PlainOutput(console));
      shell.run(Typed.lines("close s\n"));
    }
    assertEquals("sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\n", scripts.toString());
    assertEquals("|  s closed\n", console.toString());
    assertEquals(
        "sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\nsockshell> close s\n|  s closed\n",
        transcript.toString());
  }

  @Test
  void controlCharactersOfAScriptLineAreShownEscapedWithTheCaretUnderTheSameCharacter() {
    StringWriter screen = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(screen), Path.of("."))) {
      shell.run(
          new ReaderSource(
              new StringReader("send s \"\u001b[2J\" extra\n"), "a.socks", Path.of(".")));
    }
    assertEquals(
        "sockshell> send s \"\\x1b[2J\" extra\n"
            + "a.socks:1:15: error: unexpected argument 'extra'\n"
            + "  send s \"\\x1b[2J\" extra\n"
            + "                   ^\n"
            + "usage: send NAME DATA [--frame len32]\n"
            + "a.socks:1: stopped: the error above was not expected (add \"expect error …\" after"
            + " it if it is, or run with --keep-going)\n",
        screen.toString());
  }

  @Test
  void aScriptOpenedInTheConsoleThatStopsDoesNotSuggestACommandLineOption(@TempDir Path dir)
      throws IOException {
    Path script = dir.resolve("fails.socks");
    Files.writeString(script, "socket s\nrecv s\nclose s\n", StandardCharsets.UTF_8);
    StringWriter screen = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(screen), dir)) {
      shell.run(Typed.lines("/open fails.socks\n"));
    }
    assertTrue(
        screen
            .toString()
            .contains(
                "fails.socks:2: stopped: the error above was not expected (add \"expect error"
                    + " …\" after it if it is)\n"),
        screen::toString);
  }
}
