package dev.sockshell.console;

import dev.sockshell.lang.Token;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Splits lines for JLine exactly as {@link dev.sockshell.lang.Scanner} splits them for sockshell,
 * so the word Tab completes is the argument the command will read ({@code ('localhost', 9999)} and
 * {@code b'a b'} are one word each). It never rejects a line and never unescapes anything: JLine
 * hands every line over untouched ({@code "\r\n"} stays as typed) and sockshell reports its own
 * errors.
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
    return new Words(line, cursor, List.copyOf(words), wordIndex, word, wordCursor);
  }

  /** The split line; nothing is ever escaped, since the scanner keeps quotes as typed. */
  private record Words(
      String line, int cursor, List<String> words, int wordIndex, String word, int wordCursor)
      implements CompletingParsedLine {
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
