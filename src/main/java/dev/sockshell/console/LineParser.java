package dev.sockshell.console;

import dev.sockshell.lang.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
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
  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
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
