package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text a person reads is written once in the sources: a string literal of {@value #LONG} or more
 * characters that appears twice fails here (give it a constant, or a method that builds the
 * message), and so do the feedback mark and the prompts spelled anywhere but their constants
 * ({@code render.Feedback.PREFIX}, {@code lang.Prompt.FIRST/MORE}). Fixing one copy of a message
 * then fixes all of them.
 */
class WrittenOnceTest {
  private static final Path SOURCES = Path.of("src/main/java");

  /** Shorter literals are words and fragments ({@code "socket"}, {@code ", "}), not messages. */
  static final int LONG = 25;

  /** Literals that must appear only in the file that defines them, by that file. */
  private static final Map<String, String> OWNED =
      Map.of(
          "|  ", "dev/sockshell/render/Feedback.java",
          "sockshell> ", "dev/sockshell/lang/Prompt.java",
          "   ...> ", "dev/sockshell/lang/Prompt.java");

  /**
   * Long literals allowed twice, each with why: two texts that only read alike, whose change must
   * not follow the other's.
   */
  private static final Map<String, String> ALLOWED = Map.of();

  @Test
  void noLongLiteralIsWrittenTwice() throws IOException {
    Map<String, List<String>> where = new TreeMap<>();
    for (Path file : sources()) {
      for (Literal literal : literals(Files.readString(file))) {
        if (literal.text().length() >= LONG && !ALLOWED.containsKey(literal.text())) {
          where
              .computeIfAbsent(literal.text(), k -> new ArrayList<>())
              .add(SOURCES.relativize(file) + ":" + literal.line());
        }
      }
    }
    List<String> twice = new ArrayList<>();
    where.forEach(
        (text, places) -> {
          if (places.size() > 1) {
            twice.add('"' + text + "\" at " + places);
          }
        });
    assertEquals(List.of(), twice, "literals written more than once");
  }

  @Test
  void theFeedbackMarkAndThePromptsAreTheirConstants() throws IOException {
    List<String> strays = new ArrayList<>();
    for (Path file : sources()) {
      String name = SOURCES.relativize(file).toString().replace('\\', '/');
      for (Literal literal : literals(Files.readString(file))) {
        OWNED.forEach(
            (text, owner) -> {
              boolean spelled =
                  text.startsWith("|")
                      ? literal.text().startsWith(text)
                      : literal.text().equals(text);
              if (spelled && !name.equals(owner)) {
                strays.add(name + ":" + literal.line() + " \"" + literal.text() + "\"");
              }
            });
      }
    }
    assertEquals(List.of(), strays, "use Feedback.PREFIX, Prompt.FIRST or Prompt.MORE");
  }

  @Test
  void theScannerSkipsCommentsAndReadsEscapes() {
    List<Literal> found =
        literals(
            "// \"not this\"\n/* \"nor this\" */ String a = \"a\\\"b\"; char q = '\"';\n"
                + "String t = \"\"\"\n  block \"x\"\n  \"\"\"; String c = \"c\";");
    assertEquals(
        List.of(new Literal("a\\\"b", 2), new Literal("c", 5)), found, "literals and lines");
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** A string literal as written between its quotes (escapes kept), and its line. */
  record Literal(String text, int line) {}

  /** The string literals of a Java source: not in comments, not text blocks (programs, pages). */
  static List<Literal> literals(String source) {
    List<Literal> found = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i) || source.startsWith("\"\"\"", i)) {
        String close = c == '/' ? "*/" : "\"\"\"";
        int end = source.indexOf(close, i + close.length());
        end = end < 0 ? source.length() : end + close.length();
        line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          found.add(new Literal(source.substring(i + 1, j), line));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return found;
  }
}
