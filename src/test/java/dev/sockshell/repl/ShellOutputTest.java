package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a shell's lines go: the screen (switchable, for -i), and the transcript (everything). */
class ShellOutputTest {
  /** Lines as typed at the console: the terminal shows them, so the shell does not echo them. */
  private static LineSource typed(String lines) {
    ReaderSource source = new ReaderSource(new StringReader(lines), null, Path.of("."));
    return new LineSource() {
      @Override
      public Line next() throws IOException {
        return source.next();
      }

      @Override
      public String name() {
        return null;
      }

      @Override
      public Path baseDirectory() {
        return null;
      }

      @Override
      public boolean isInteractive() {
        return true;
      }
    };
  }

  @Test
  void theTranscriptRecordsTypedCommandsThatTheScreenAlreadyShows() {
    StringWriter screen = new StringWriter();
    StringWriter transcript = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(screen), Path.of("."))) {
      shell.setTranscript(new PlainOutput(transcript));
      shell.run(typed("socket s\nrecv s\n"));
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
      shell.run(typed("close s\n"));
    }
    assertEquals("sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\n", scripts.toString());
    assertEquals("|  s closed\n", console.toString());
    assertEquals(
        "sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\nsockshell> close s\n|  s closed\n",
        transcript.toString());
  }
}
