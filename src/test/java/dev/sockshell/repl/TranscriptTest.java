package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.lang.Prompt;
import dev.sockshell.testing.ScriptRun;
import dev.sockshell.testing.Transcripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One scenario per file in {@code src/test/resources/transcripts}: the file is exactly what a user
 * sees when the commands in it (the {@code sockshell> } lines, and a block's further {@code ...> }
 * lines) run as a script, ephemeral ports masked. A first line {@code ## exit N} gives the expected
 * exit status (0 otherwise); a line {@code ## keep-going} runs the script with {@code
 * --keep-going}, so it can show several errors that stop a script. {@code <tmp>} stands for a fresh
 * temporary directory A line {@code ## times} masks what the clock says: durations ({@code 0.42 ms}
 * becomes {@code <t>}) and the time column of a diagram (each digit becomes {@code #}).
 */
class TranscriptTest {
  static final Path DIR = Path.of("src/test/resources/transcripts");
  private static final String PROMPT = "sockshell> ";

  private static final String TMP = "<tmp>";

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".transcript")).sorted().toList();
    }
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  private static void replay(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int expectedStatus = 0;
    boolean keepGoing = false;
    boolean times = false;
    StringBuilder header = new StringBuilder();
    StringBuilder script = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith("## ")) {
        header.append(line).append('\n');
        if (line.startsWith("## exit ")) {
          expectedStatus = Integer.parseInt(line.substring("## exit ".length()).trim());
        }
        keepGoing |= line.equals("## keep-going");
        times |= line.equals("## times");
      } else if (line.startsWith(PROMPT)) {
        script.append(line.substring(PROMPT.length())).append('\n');
      } else if (line.startsWith(Prompt.MORE)) {
        script.append(line.substring(Prompt.MORE.length())).append('\n');
      }
    }
    Path scriptFile = Files.createTempFile("transcript", ".socks");
    // <tmp> stands for a fresh directory, for scenarios that create files (AF_UNIX sockets).
    Path tmp = Files.createTempDirectory("transcript");
    try {
      Files.writeString(
          scriptFile, script.toString().replace(TMP, tmp.toString()), StandardCharsets.UTF_8);
      ScriptRun run =
          keepGoing
              ? ScriptRun.of("--keep-going", scriptFile.toString())
              : ScriptRun.of(scriptFile.toString());
      String out =
          run.maskedOut().replace(scriptFile.toString(), "script").replace(tmp.toString(), TMP);
      String actual = header + (times ? Times.mask(out) : out);
      Transcripts.assertMatches(file, actual);
      if (!Transcripts.updating()) {
        assertEquals(expectedStatus, run.status(), "exit status of " + file);
      }
    } finally {
      Files.deleteIfExists(scriptFile);
      try (Stream<Path> left = Files.list(tmp)) {
        for (Path p : left.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }
}
