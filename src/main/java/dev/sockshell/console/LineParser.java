package dev.sockshell.console;

import dev.sockshell.lang.BlockSyntax;
import dev.sockshell.lang.Blocks;
import dev.sockshell.lang.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Splits lines for JLine exactly as {@link dev.sockshell.lang.Scanner} splits them for sockshell,
 * so the word Tab completes is the argument the command will read ({@code ('localhost', 9999)} and
 * {@code b'a b'} are one word each). It never rejects a line and never unescapes anything: JLine
 * hands every line over untouched ({@code "\r\n"} stays as typed) and sockshell reports its own
 * errors. The one thing it adds is quotes around a file path that needs them.
 */
final class LineParser implements Parser {
  private final Blocks blocks;
  private final Predicate<String> headerIsWrong;
  private final UnaryOperator<String> promptStyle;

  /** True while keys are waiting to be read: the rest of a paste, not a person typing. */
  private final BooleanSupplier keysWaiting;

  /** The command language's blocks, plain prompts: for tests of what Tab and hints read. */
  LineParser() {
    this(Blocks.standard(), line -> false, prompt -> prompt, () -> false);
  }

  /**
   * @param blocks the block syntaxes: a line that opens a block is not complete until the block is
   * @param headerIsWrong true for a block's first line that cannot be right whatever follows it
   *     ({@code repeat x}): Enter then runs it at once, so the error shows before the body is typed
   * @param promptStyle colours a continuation prompt
   * @param keysWaiting true while more keys have arrived than were read: a paste
   */
  LineParser(
      Blocks blocks,
      Predicate<String> headerIsWrong,
      UnaryOperator<String> promptStyle,
      BooleanSupplier keysWaiting) {
    this.blocks = blocks;
    this.headerIsWrong = headerIsWrong;
    this.promptStyle = promptStyle;
    this.keysWaiting = keysWaiting;
  }

  /**
   * JLine asks at Enter ({@code ACCEPT_LINE}) whether the buffer is complete, and for each line of
   * a multi-line buffer ({@code SECONDARY_PROMPT}) which prompt the next line gets: an unfinished
   * block answers with an {@link EOFError} carrying its continuation prompt, which the reader's
   * secondary prompt pattern ({@code %M}) shows. Everything else (Tab, the hint) reads the line the
   * cursor is on, as if it were the only one.
   */
  @Override
  public ParsedLine parse(String buffer, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
      // For a prompt, JLine passes the lines before it, each ended by '\n'.
      String text =
          context == ParseContext.SECONDARY_PROMPT && buffer.endsWith("\n")
              ? buffer.substring(0, buffer.length() - 1)
              : buffer;
      BlockSyntax.Block open = blocks.unfinished(text);
      if (open != null
          && !(context == ParseContext.ACCEPT_LINE && headerIsWrong.test(firstLine(text)))) {
        // A Python block typed line by line ends with a blank line; one pasted goes on past its
        // blank lines (the rest of the paste is waiting), and its lines bring their own indent.
        boolean pasted =
            context == ParseContext.ACCEPT_LINE
                && open.endsAtBlankLine()
                && keysWaiting.getAsBoolean();
        if (context == ParseContext.ACCEPT_LINE
            && open.endsAtBlankLine()
            && !pasted
            && lastLine(text).isBlank()) {
          return words(lastLine(text), 0);
        }
        int indent = context == ParseContext.ACCEPT_LINE && !pasted ? open.indent() : 0;
        throw new EOFError(
            -1, -1, "the block goes on", promptStyle.apply(open.prompt()), indent, null);
      }
    }
    int start = buffer.lastIndexOf('\n', Math.max(cursor - 1, 0)) + 1;
    int end = buffer.indexOf('\n', cursor);
    String line = buffer.substring(start, end < 0 ? buffer.length() : end);
    return words(line, cursor - start);
  }

  private static String lastLine(String text) {
    return text.substring(text.lastIndexOf('\n') + 1);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static ParsedLine words(String line, int cursor) {
    List<Token> tokens = TypedLine.split(line).tokens();
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    String word = "";
    int wordCursor = 0;
    for (Token t : tokens) {
      if (wordIndex < 0 && t.start() <= cursor && cursor <= t.end()) {
        wordIndex = words.size();
        word = t.text();
        wordCursor = cursor - t.start();
      } else if (wordIndex < 0 && t.start() > cursor) {
        // The cursor is in the blank before this word: complete a new, empty word there.
        wordIndex = words.size();
        words.add("");
      }
      words.add(t.text());
    }
    if (wordIndex < 0) {
      wordIndex = words.size();
      words.add("");
    }
    // A path typed with its opening quote ("my dir/, @"my) is matched without it.
    int quote = word.startsWith("\"") ? 0 : word.startsWith("@\"") ? 1 : -1;
    boolean quoted = quote >= 0 && wordCursor > quote;
    String matched = quoted ? word.substring(0, quote) + word.substring(quote + 1) : word;
    return new Words(
        line,
        cursor,
        List.copyOf(words),
        wordIndex,
        matched,
        quoted ? wordCursor - 1 : wordCursor,
        wordCursor,
        word.length(),
        quoted,
        new HashSet<>());
  }

  /**
   * Tab is to insert these candidates (file paths, raw, perhaps after an '@') in double quotes
   * where a space, {@code #} or {@code '} in them needs quotes, or where the user opened one; the
   * quote of a directory stays open so that Tab can go on into it.
   */
  static void quotePaths(ParsedLine line, List<Candidate> added) {
    if (line instanceof Words words) {
      added.forEach(c -> words.paths().add(c.value()));
    }
  }

  /** Where the word at the cursor starts, counted back from the cursor in the line as typed. */
  static int typedWordCursor(ParsedLine line) {
    return line instanceof CompletingParsedLine c ? c.rawWordCursor() : line.wordCursor();
  }

  /** The split line; nothing is ever escaped, since the scanner keeps quotes as typed. */
  private record Words(
      String line,
      int cursor,
      List<String> words,
      int wordIndex,
      String word,
      int wordCursor,
      int rawWordCursor,
      int rawWordLength,
      boolean quoteTyped,
      Set<String> paths)
      implements CompletingParsedLine {
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      String value = candidate.toString();
      // JLine also inserts the common start of several candidates: a path's start is a path.
      if (paths.stream().noneMatch(p -> p.startsWith(value))) {
        return candidate;
      }
      int at = value.startsWith("@") ? 1 : 0;
      String path = value.substring(at);
      if (!(quoteTyped || needsQuotes(path)) || !canQuote(path)) {
        return candidate;
      }
      return value.substring(0, at) + '"' + path + (complete ? "\"" : "");
    }
  }

  private static boolean needsQuotes(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isWhitespace(c) || c == '#' || c == '\'') {
        return true;
      }
    }
    return false;
  }

  /**
   * A path with a double quote or a backslash is left as it is: /open takes the rest of the line as
   * typed, but sendfile and @"…" read escapes inside quotes, so no one quoted form suits both.
   */
  private static boolean canQuote(String path) {
    return path.indexOf('"') < 0 && path.indexOf('\\') < 0;
  }
}
