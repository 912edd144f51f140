package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.testing.Ports;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    try (Shell shell =
        new Shell(new Session(), new PlainOutput(new StringWriter()), Path.of("."))) {
      shell.setTranscript(new PlainOutput(transcript));
      shell.run(Typed.lines(String.join("\n", commands) + "\n"));
    }
    return transcript.toString();
  }
}
