package dev.sockshell.lang;

import java.util.List;

/**
 * The block syntaxes a session reads, tried in order: the first that a line opens a block for
 * collects the lines after it. What the console and scripts ask before running anything.
 */
public final class Blocks {
  private final List<BlockSyntax> syntaxes;

  public Blocks(List<BlockSyntax> syntaxes) {
    this.syntaxes = List.copyOf(syntaxes);
  }

  /** The command language's blocks only. */
  public static Blocks standard() {
    return new Blocks(List.of(new RepeatBlocks()));
  }

  /** The block {@code firstLine} opens, or null when it is a line on its own. */
  public BlockSyntax.Block open(String firstLine) {
    // By index: every line of a script is asked, and an iterator per line was garbage.
    for (int i = 0; i < syntaxes.size(); i++) {
      BlockSyntax.Block block = syntaxes.get(i).open(firstLine);
      if (block != null) {
        return block;
      }
    }
    return null;
  }

  /**
   * The block that {@code text} (lines joined by {@code '\n'}) leaves open, waiting for more lines;
   * null when it is complete, or a line on its own.
   */
  public BlockSyntax.Block unfinished(String text) {
    int end = text.indexOf('\n');
    BlockSyntax.Block block = open(end < 0 ? text : text.substring(0, end));
    while (block != null && end >= 0) {
      int start = end + 1;
      end = text.indexOf('\n', start);
      String line = end < 0 ? text.substring(start) : text.substring(start, end);
      if (block.add(line) != BlockSyntax.Fit.MORE) {
        return null;
      }
    }
    return block;
  }
}
