package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The English that commands carry themselves (summaries, what their errors mean, constants, /set's
 * words, the notes of a page) has its Chinese in {@code specs_zh.properties}: a command or an error
 * added in English only fails here, naming the key to add; a key left over from a command that
 * changed fails too.
 */
class SpecTranslationsTest {
  @Test
  void everyTextOfTheSpecsHasItsChinese() {
    Set<String> needed = needed();
    Set<String> chinese = Text.specKeys(Lang.ZH);
    List<String> missing = new ArrayList<>();
    for (String key : needed) {
      if (!chinese.contains(key)) {
        missing.add(key);
      }
    }
    assertEquals(List.of(), missing, "keys to add to specs_zh.properties");
    List<String> stale = new ArrayList<>(new TreeSet<>(chinese));
    stale.removeAll(needed);
    assertEquals(List.of(), stale, "keys in specs_zh.properties that nothing asks for");
  }

  /**
   * Every page of /help renders in every language: a key the pages make from a name (a group, a
   * topic) that one bundle lacks throws here. In Chinese no page keeps an English summary.
   */
  @Test
  void everyHelpPageRendersInEveryLanguage() throws UsageError {
    CommandTable table = CommandTable.standard();
    List<String> words = new ArrayList<>();
    table.all().forEach(spec -> words.add(spec.name()));
    HelpTopics.all().forEach(topic -> words.add(topic.name()));
    words.addAll(List.of("SO_REUSEADDR", "ECONNREFUSED", "TimeoutError", "KeyboardInterrupt"));
    try {
      for (Lang lang : Lang.values()) {
        Text.use(lang);
        HelpPages help = new HelpPages(table, HelpPages.PLAIN_WIDTH);
        assertFalse(help.overview().isEmpty());
        for (String word : words) {
          assertFalse(help.page(word).isEmpty(), word);
        }
      }
      HelpPages chinese = new HelpPages(table, HelpPages.PLAIN_WIDTH);
      String bind = chinese.page("bind").toString();
      assertTrue(bind.contains("给套接字一个本地地址"), bind);
    } finally {
      Text.use(Lang.EN);
    }
  }

  private static Set<String> needed() {
    Set<String> keys = new TreeSet<>();
    for (CommandSpec<?> spec : CommandTable.standard().all()) {
      keys.add("summary." + spec.name());
      spec.errors().forEach(e -> keys.add(e.keyFor(spec.name())));
    }
    keys.addAll(ConstantDocs.specKeys());
    keys.addAll(SetCommands.specKeys());
    keys.addAll(Hints.specKeys());
    HelpNotes.counts()
        .forEach(
            (name, count) -> {
              for (int i = 0; i < count; i++) {
                keys.add("note." + name + "." + i);
              }
            });
    return keys;
  }
}
