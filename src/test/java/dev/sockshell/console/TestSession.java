package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;

/** A shell with real sockets, set up by running commands, for the console's pieces to read. */
final class TestSession implements AutoCloseable {
  final Shell shell;
  private final StringWriter output = new StringWriter();
  private final Path directory;

  TestSession(Path directory) {
    this.directory = directory;
    this.shell = new Shell(new Session(), new PlainOutput(output), directory);
  }

  /** Runs {@code lines} as a script; each must succeed. */
  TestSession run(String... lines) {
    shell.run(
        new ReaderSource(new StringReader(String.join("\n", lines) + "\n"), "setup", directory));
    assertFalse(shell.failed(), output::toString);
    return this;
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() {
    shell.close();
  }
}
