package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.net.Session;
import dev.sockshell.render.Output;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.render.Styled;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors, hints and /history on a window 40 columns wide: broken at spaces, as /help is, never
 * mid-word by the terminal; the transcript keeps each as one line.
 */
class NarrowWindowTest {
  /** A screen 40 columns wide that keeps its lines. */
  private static final class Window implements Output {
    final List<String> lines = new ArrayList<>();

    @Override
    public void println(Styled line) {
      lines.add(line.text());
    }

    @Override
    public void flush() {}

    @Override
    public int width() {
      return 40;
    }
  }

  @Test
  void errorsHintsAndHistoryBreakAtSpacesToFitTheWindow() {
    Window window = new Window();
    StringWriter transcript = new StringWriter();
    try (Shell shell = new Shell(new Session(), window, Path.of("."))) {
      shell.setTranscript(new PlainOutput(transcript));
      shell.run(Typed.lines("socket s\nrecv s\nbind s nosuchhost.invalid:80\n/history\n"));
    }
    assertEquals(
        List.of(
            "s ==> socket(AF_INET, SOCK_STREAM)",
            "OSError [ENOTCONN]: Transport endpoint",
            "  is not connected",
            "|  hint: s is not connected; connect it,",
            "|        or accept a connection",
            "socket.gaierror [EAI_NONAME]: Name or",
            "  service not known (nosuchhost.invalid)",
            "|  hint: the host name is not known;",
            "|        check its spelling, or use an",
            "|        IP address",
            "  1  socket s",
            "  2  recv s    # failed: OSError",
            "     [ENOTCONN]: Transport endpoint is",
            "     not connected",
            "  3  bind s nosuchhost.invalid:80    #",
            "     failed: socket.gaierror",
            "     [EAI_NONAME]: Name or service not",
            "     known (nosuchhost.invalid)"),
        window.lines);
    assertEquals(
        List.of(
            "OSError [ENOTCONN]: Transport endpoint is not connected",
            "|  hint: s is not connected; connect it, or accept a connection",
            "  2  recv s    # failed: OSError [ENOTCONN]: Transport endpoint is not connected"),
        transcript
            .toString()
            .lines()
            .filter(
                l -> l.startsWith("OSError") || l.startsWith("|  hint: s") || l.startsWith("  2"))
            .toList(),
        "the transcript keeps one line each");
  }
}
