package dev.sockshell.repl;

import dev.sockshell.lang.BlockSyntax;
import dev.sockshell.lang.Blocks;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A script's lines with each block gathered into one: its text is the block's lines joined by
 * {@code '\n'}, its number the first line's, so the parser gets the whole block and an error inside
 * it points at its own line. A block the script ends in the middle of is handed over as it is, for
 * the parser to say what it lacks. (The console gathers blocks as they are typed, with a
 * continuation prompt, so it hands over whole ones itself.)
 */
final class BlockLines implements LineSource {
  private final LineSource lines;
  private final Blocks blocks;

  /** A line read past the end of a block that did not belong to it, to hand over next. */
  private Line held;

  BlockLines(LineSource lines, Blocks blocks) {
    this.lines = lines;
    this.blocks = blocks;
  }

  @Override
  public Line next() throws IOException {
    Line first = take();
    if (first == null) {
      return null;
    }
    BlockSyntax.Block block = blocks.open(first.text());
    if (block == null) {
      return first;
    }
    StringBuilder text = new StringBuilder(first.text());
    for (Line line = take(); line != null; line = take()) {
      BlockSyntax.Fit fit = block.add(line.text());
      if (fit == BlockSyntax.Fit.NOT_MINE) {
        held = line;
        break;
      }
      text.append('\n').append(line.text());
      if (fit == BlockSyntax.Fit.LAST) {
        break;
      }
    }
    return new Line(text.toString(), first.number());
  }

  private Line take() throws IOException {
    Line line = held != null ? held : lines.next();
    held = null;
    return line;
  }

  @Override
  public void flushBeforeWaiting(Runnable flush) {
    lines.flushBeforeWaiting(flush);
  }

  @Override
  public String name() {
    return lines.name();
  }

  @Override
  public Path baseDirectory() {
    return lines.baseDirectory();
  }

  @Override
  public boolean isInteractive() {
    return lines.isInteractive();
  }
}
