package dev.sockshell.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Advice;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SocketState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message exists in every language with the same placeholders, and every key the code asks
 * for exists: a message added in English only, or a {0} lost in translation, fails here rather than
 * in front of a user.
 */
class BundlesTest {
  private static final List<Bundles> BOTH_LANGUAGES = List.of(Text.MESSAGES, Text.HELP);

  @Test
  void everyKeyIsInEveryLanguageWithTheSamePlaceholders() {
    List<String> wrong = new ArrayList<>();
    for (Bundles bundles : BOTH_LANGUAGES) {
      ResourceBundle en = bundles.of(Lang.EN);
      for (Lang lang : Lang.values()) {
        ResourceBundle other = bundles.of(lang);
        for (String key : new TreeSet<>(en.keySet())) {
          if (!other.containsKey(key)) {
            wrong.add(bundles.file(lang) + " has no " + key);
          } else if (!placeholders(en.getString(key)).equals(placeholders(other.getString(key)))) {
            wrong.add(
                bundles.file(lang)
                    + ": "
                    + key
                    + " has the placeholders "
                    + placeholders(other.getString(key))
                    + ", English "
                    + placeholders(en.getString(key)));
          }
        }
        for (String key : new TreeSet<>(other.keySet())) {
          if (!en.containsKey(key)) {
            wrong.add(bundles.file(lang) + " has " + key + ", which English has not");
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Pattern call = Pattern.compile("Text\\.(?:get|in)\\((?:Lang\\.\\w+,\\s*)?\"([^\"]+)\"");
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = call.matcher(Files.readString(file));
        while (m.find()) {
          found++;
          String key = m.group(1);
          if (key.endsWith(".")) {
            continue; // the start of keys made from names (help.group. + SOCKETS): see the pages'
          }
          Bundles bundles = key.startsWith("help.") ? Text.HELP : Text.MESSAGES;
          if (!bundles.of(Lang.EN).containsKey(key)) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertEquals(List.of(), missing);
    assertTrue(found > 0, "the pattern finds the calls");
  }

  /**
   * Keys the code makes from a name ({@code "advice." + kind}, {@code "state." + state}): one
   * missing in a language would throw in front of a user, since no literal names it for the test
   * above.
   */
  @Test
  void everyKeyMadeFromANameExistsInEveryLanguage() {
    List<String> keys = new ArrayList<>();
    for (Advice.Kind kind : Advice.Kind.values()) {
      keys.add("advice." + kind.name());
    }
    for (SocketState state : SocketState.values()) {
      keys.add("state." + state.name());
    }
    for (ShutdownHow how : ShutdownHow.values()) {
      keys.add("feedback.shutdown." + how.name());
    }
    for (String noun : List.of("connection", "datagram", "rule")) {
      keys.add("count." + noun);
      keys.add("count." + noun + ".one");
    }
    List<String> missing = new ArrayList<>();
    for (Lang lang : Lang.values()) {
      for (String key : keys) {
        if (!Text.MESSAGES.of(lang).containsKey(key)) {
          missing.add(Text.MESSAGES.file(lang) + " has no " + key);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void placeholdersAreFilledInTheTranslationsOrder() {
    assertEquals("b then a", Text.format("{1} then {0}", "a", "b"));
    assertEquals(
        "'text' and b'x' stay, {not} too", Text.format("'{0}' and b'x' stay, {not} too", "text"));
    assertEquals("12345", Text.format("{0}", 12345), "numbers as Python prints them, no grouping");
    assertEquals("{0}", Text.format("{0}"), "no arguments: the pattern as it is");
  }

  @Test
  void theEnvironmentChoosesAsPosixDoes() {
    assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8")));
    assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("LANG", "C", "LC_MESSAGES", "zh_TW")));
    assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "C")));
    assertEquals(Lang.ZH, Lang.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "")));
    assertEquals(Lang.EN, Lang.fromEnvironment(Map.of("LANG", "en_US.UTF-8")));
    assertEquals(Lang.EN, Lang.fromEnvironment(Map.of()));
  }

  /** The indices of a message's placeholders: {@code {0} {1} {0}} has {0, 1}. */
  static Set<Integer> placeholders(String pattern) {
    Set<Integer> found = new TreeSet<>();
    for (int i = pattern.indexOf('{'); i >= 0; i = pattern.indexOf('{', i + 1)) {
      int close = Text.placeholderEnd(pattern, i);
      if (close > 0) {
        found.add(Integer.parseInt(pattern.substring(i + 1, close)));
      }
    }
    return found;
  }
}
