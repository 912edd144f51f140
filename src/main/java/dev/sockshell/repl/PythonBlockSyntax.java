package dev.sockshell.repl;

import dev.sockshell.commands.CommandTable;
import dev.sockshell.lang.BlockSyntax;
import dev.sockshell.lang.Prompt;
import dev.sockshell.python.Blocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python's blocks as the console and scripts gather them: a compound statement ({@code while
 * True:}) and its indented body, or a statement whose bracket, string or backslash runs on to the
 * next line. {@link #open} looks only at the line (the Python classes load once a block is open);
 * the lines after it are judged as Python reads a file ({@link Blocks#continues}).
 */
final class PythonBlockSyntax implements BlockSyntax {
  private static final Set<String> OPENERS =
      Set.of("if", "while", "for", "try", "with", "def", "class", "async");

  private final CommandTable table;

  PythonBlockSyntax(CommandTable table) {
    this.table = table;
  }

  @Override
  public Block open(String firstLine) {
    boolean compound = opensCompound(firstLine);
    if (compound || (runsOn(firstLine) && PythonLines.isPython(firstLine, table))) {
      return new PythonBlock(firstLine, compound);
    }
    return null;
  }

  /**
   * A compound statement's keyword ({@code while}…) or a decorator first on the line. Read in
   * place: every line of a script is asked, and a command's word is not taken out of it.
   */
  private static boolean opensCompound(String line) {
    int start = 0;
    while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    if (line.startsWith("@", start)) {
      return true;
    }
    int end = start;
    while (end < line.length() && Character.isLetter(line.charAt(end))) {
      end++;
    }
    return end - start <= LONGEST_OPENER && OPENERS.contains(line.substring(start, end));
  }

  /** The longest of {@link #OPENERS}: a longer word is none of them, and is not copied out. */
  private static final int LONGEST_OPENER = longest(OPENERS);

  private static int longest(Set<String> words) {
    int longest = 0;
    for (String word : words) { // a loop, not a stream: this class loads for every script
      longest = Math.max(longest, word.length());
    }
    return longest;
  }

  /** An open bracket, a trailing backslash or an unclosed triple quote: the line goes on. */
  static boolean runsOn(String line) {
    if (line.stripTrailing().endsWith("\\")) {
      return true;
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        if (isTriple(line, i, c) && !hasTriple(line, i + 3, c)) {
          return true;
        }
        quote = c;
      } else if (c == '#') {
        break;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return depth > 0;
  }

  /** Three {@code quote}s at {@code i}. */
  private static boolean isTriple(String line, int i, char quote) {
    return i + 2 < line.length()
        && line.charAt(i) == quote
        && line.charAt(i + 1) == quote
        && line.charAt(i + 2) == quote;
  }

  /** Three {@code quote}s anywhere from {@code from} on. */
  private static boolean hasTriple(String line, int from, char quote) {
    for (int i = line.indexOf(quote, from); i >= 0; i = line.indexOf(quote, i + 1)) {
      if (isTriple(line, i, quote)) {
        return true;
      }
    }
    return false;
  }

  /** A Python block being gathered. */
  private static final class PythonBlock implements Block {
    private final StringBuilder text;
    private final boolean compound;

    PythonBlock(String firstLine, boolean compound) {
      this.text = new StringBuilder(firstLine);
      this.compound = compound;
    }

    @Override
    public Fit add(String line) {
      if (!Blocks.continues(text.toString(), line)) {
        return Fit.NOT_MINE;
      }
      text.append('\n').append(line);
      // A statement that only ran on (a bracket) is whole once it parses; a block never knows
      // it is whole (a blank line ends it at the console, a line back at column 0 in a file).
      return !compound && !Blocks.isIncomplete(text.toString()) ? Fit.LAST : Fit.MORE;
    }

    @Override
    public String prompt() {
      return Prompt.MORE;
    }

    @Override
    public boolean endsAtBlankLine() {
      return compound;
    }

    @Override
    public int indent() {
      String[] lines = text.toString().split("\n", -1);
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i];
        if (!line.isBlank()) {
          int indent = line.length() - line.stripLeading().length();
          String code = line.strip();
          return code.endsWith(":") && !code.startsWith("#") ? indent + 4 : indent;
        }
      }
      return 0;
    }
  }

  /**
   * A multi-line Python input from the console, cut where a line at column 0 begins a new
   * statement: a pasted program, or a block followed by more lines, runs statement by statement,
   * and a command among them runs as a command.
   */
  static List<LineSource.Line> statements(LineSource.Line input) {
    List<LineSource.Line> statements = new ArrayList<>();
    String[] lines = input.text().split("\n", -1);
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      if (current.length() > 0 && !Blocks.continues(current.toString(), lines[i])) {
        statements.add(
            new LineSource.Line(current.toString().stripTrailing(), input.number() + start));
        current.setLength(0);
      }
      if (current.length() == 0) {
        if (lines[i].isBlank()) {
          continue;
        }
        start = i;
      } else {
        current.append('\n');
      }
      current.append(lines[i]);
    }
    if (current.length() > 0) {
      statements.add(
          new LineSource.Line(current.toString().stripTrailing(), input.number() + start));
    }
    return statements;
  }
}
