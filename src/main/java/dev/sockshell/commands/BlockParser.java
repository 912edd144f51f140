package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.RepeatBlocks;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of a block, the lines between {@code repeat} and its {@code end}, into steps, each
 * command parsed once before the first round runs. A nested block becomes one step. An error says
 * which line of the block it is on.
 */
final class BlockParser {
  private BlockParser() {}

  /**
   * {@code header} with the body that {@code lines} (the block's lines, the header's first) hold.
   */
  static Command.Repeat withBody(CommandTable table, Command.Repeat header, String[] lines)
      throws UsageError {
    List<Command.Step> body = new ArrayList<>();
    int i = 1;
    while (i < lines.length) {
      String line = lines[i];
      if (RepeatBlocks.closes(line)) {
        checkEnd(lines, i);
        if (body.isEmpty()) {
          throw UsageError.general(Text.get("usage.repeat.empty")).onBlockLine(0, lines[0]);
        }
        return header.withBody(body);
      }
      int last = RepeatBlocks.opens(line) ? matchingEnd(lines, i) : i;
      if (!CommandTable.isBlank(line)) {
        String text = String.join("\n", List.of(lines).subList(i, last + 1));
        try {
          CommandTable.Parsed parsed = table.parse(text.stripLeading());
          body.add(new Command.Step(parsed.spec().name(), parsed.command(), line.strip(), i));
        } catch (UsageError e) {
          throw e.lineText() != null ? e.onBlockLine(i, null) : inLine(e, line, i);
        }
      }
      i = last + 1;
    }
    throw UsageError.general(Text.get("usage.repeat.no.end")).onBlockLine(0, lines[0]);
  }

  /** An error in {@code line}, whose indentation the parser did not see, placed in the block. */
  private static UsageError inLine(UsageError e, String line, int i) {
    int indent = line.length() - line.stripLeading().length();
    return e.shifted(indent).onBlockLine(i, line);
  }

  /** The line of the end that closes the block opened at {@code open}, or the last line. */
  private static int matchingEnd(String[] lines, int open) {
    int depth = 0;
    for (int i = open; i < lines.length; i++) {
      if (RepeatBlocks.opens(lines[i])) {
        depth++;
      } else if (RepeatBlocks.closes(lines[i]) && --depth == 0) {
        return i;
      }
    }
    return lines.length - 1;
  }

  /** {@code end} takes nothing, and nothing but blank lines may follow it. */
  private static void checkEnd(String[] lines, int at) throws UsageError {
    String end = lines[at].strip();
    if (!end.equals(RepeatBlocks.CLOSER) && !CommandTable.isBlank(end.substring(3))) {
      int column = lines[at].indexOf(RepeatBlocks.CLOSER) + RepeatBlocks.CLOSER.length() + 1;
      throw new UsageError(Text.get("usage.end.alone"), column).onBlockLine(at, lines[at]);
    }
    for (int i = at + 1; i < lines.length; i++) {
      if (!CommandTable.isBlank(lines[i])) {
        throw UsageError.general(Text.get("usage.end.after")).onBlockLine(i, lines[i]);
      }
    }
  }
}
