package dev.sockshell.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.commands.Settings;
import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Ports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program in {@code src/test/resources/python} runs under {@code /usr/bin/python3} and under
 * sockshell, and both must print the same: standard output, standard error, exit status. Python's
 * output is the expected one, produced here and never stored. Masked: ephemeral ports, file
 * descriptors, object addresses; left out of stderr: Python 3.11's {@code ^^^} marker lines, which
 * sockshell does not draw, and sockshell's {@code | hint:} lines, which Python does not have.
 */
class PythonGoldenTest {
  static final Path CASES = Path.of("src/test/resources/python");
  static final String PYTHON = "/usr/bin/python3";

  record Run(String out, String err, int status) {}

  @TestFactory
  Stream<DynamicTest> programsPrintWhatPythonPrints() throws IOException {
    assumeTrue(ExternalProgram.available(PYTHON, "--version"), PYTHON + " is not installed");
    List<Path> files;
    try (Stream<Path> s = Files.list(CASES)) {
      files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
    }
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> compare(f)));
  }

  private static void compare(Path file) throws Exception {
    Run python = python(file);
    Run sockshell = sockshell(file);
    String name = file.getFileName().toString();
    assertEquals(mask(python.out()), mask(sockshell.out()), name + ": standard output");
    assertEquals(stderr(python.err()), stderr(sockshell.err()), name + ": standard error");
    assertEquals(python.status(), sockshell.status(), name + ": exit status");
  }

  static Run python(Path file) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(PYTHON, file.toAbsolutePath().toString())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process p = builder.start();
    var err = p.getErrorStream();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String error = new String(err.readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("python3 did not finish " + file);
    }
    return new Run(out, error, p.exitValue());
  }

  /** The program run by sockshell in this JVM, as {@code java -jar sockshell.jar FILE} would. */
  static Run sockshell(Path file) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path absolute = file.toAbsolutePath();
    int status;
    try (Shell shell =
        new Shell(new Session(), PlainOutput.unescaped(out), Path.of("").toAbsolutePath())) {
      shell.setErrors(PlainOutput.unescaped(err));
      shell.settings().setFeedback(Settings.Feedback.SILENT);
      status =
          shell.runProgram(
              absolute,
              absolute.toString(),
              List.of(absolute.toString()),
              ReaderSource.of(new ByteArrayInputStream(new byte[0]), "<stdin>", absolute));
    }
    return new Run(out.toString(), err.toString(), status);
  }

  static String mask(String text) {
    return Ports.mask(text)
        .replaceAll("fd=\\d+", "fd=N")
        .replaceAll("0x[0-9a-f]{9,16}", "0xADDRESS");
  }

  static String stderr(String text) {
    return mask(text)
        .lines()
        .filter(l -> !l.matches("\\s*[~^]+\\s*"))
        .filter(l -> !l.startsWith("|  hint: "))
        .collect(Collectors.joining("\n"));
  }
}
