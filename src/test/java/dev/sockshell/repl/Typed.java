package dev.sockshell.repl;

import dev.sockshell.lang.Blocks;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * Lines as if typed at the console: interactive, so errors stop nothing and lines are not echoed; a
 * block comes whole, as the console's continuation prompt gathers it.
 */
final class Typed {
  private static final Blocks BLOCKS = Blocks.standard();

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
        StringBuilder block = new StringBuilder(line == null ? "" : line.text());
        while (line != null && BLOCKS.unfinished(block.toString()) != null) {
          Line more = script.next();
          if (more == null) {
            break;
          }
          block.append('\n').append(more.text());
        }
        afterEachLine.run();
        return line == null ? null : new Line(block.toString(), line.number());
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
