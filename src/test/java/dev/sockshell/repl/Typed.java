package dev.sockshell.repl;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * Lines as if typed at the console: interactive, so errors stop nothing and lines are not echoed.
 */
final class Typed {
  private Typed() {}

  static LineSource lines(String lines) {
    return lines(lines, () -> {});
  }

  /** The same, running {@code afterEachLine} once each line is read, before it runs. */
  static LineSource lines(String lines, Runnable afterEachLine) {
    ReaderSource script = new ReaderSource(new StringReader(lines), null, Path.of("."));
    return new LineSource() {
      @Override
      public Line next() throws IOException {
        Line line = script.next();
        afterEachLine.run();
        return line;
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
}
