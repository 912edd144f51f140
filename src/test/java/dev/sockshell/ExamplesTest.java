package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.Loopback;
import dev.sockshell.testing.ScriptRun;
import dev.sockshell.testing.Transcripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every example that runs on its own (the server/client pairs need two terminals and are
 * run as two processes by {@code TwoProcessesIT}) and compares what it prints with {@code
 * src/test/resources/examples/NAME.out}; each must exit 0. The examples' README must list them all.
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

  private static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".socks")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRunsCleanAndPrintsWhatItsOutFileSays() throws IOException {
    return examples().stream()
        .filter(ExamplesTest::runsAlone)
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      if (f.getFileName().toString().startsWith("ipv6")) {
                        assumeTrue(
                            Loopback.hasIpv6(), "skipped: this machine has no IPv6 loopback ::1");
                      }
                      ScriptRun run = ScriptRun.of(f.toString());
                      String name = f.getFileName().toString().replace(".socks", ".out");
                      Transcripts.assertMatches(EXPECTED.resolve(name), run.maskedOut());
                      assertEquals(0, run.status(), "exit status of " + f + "\n" + run.out());
                    }));
  }

  @Test
  void theExamplesReadmeListsEveryExample() throws IOException {
    String readme = Files.readString(EXAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
    for (Path example : examples()) {
      String name = example.getFileName().toString();
      assertTrue(readme.contains("`" + name + "`"), "examples/README.md does not list " + name);
    }
  }
}
