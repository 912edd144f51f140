package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.testing.ScriptRun;
import dev.sockshell.testing.Transcripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every example that runs on its own (the server/client pairs need two terminals and are
 * run as two processes by {@code TwoProcessesIT}) and compares what it prints with {@code
 * src/test/resources/examples/NAME.out}; each must exit 0.
 */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("examples");
  private static final Path EXPECTED = Path.of("src/test/resources/examples");

  static boolean runsAlone(Path example) {
    String name = example.getFileName().toString();
    return name.endsWith(".socks")
        && !name.endsWith("_server.socks")
        && !name.endsWith("_client.socks");
  }

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(ExamplesTest::runsAlone).sorted().toList();
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      ScriptRun run = ScriptRun.of(f.toString());
                      String name = f.getFileName().toString().replace(".socks", ".out");
                      Transcripts.assertMatches(EXPECTED.resolve(name), run.maskedOut());
                      assertEquals(0, run.status(), "exit status of " + f + "\n" + run.out());
                    }));
  }
}
