package dev.sockshell.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The bundles of one family of messages ({@code messages}, {@code help}), one per language, each
 * read the first time a message of that language is asked for: a run in English never reads the
 * Chinese file, and a script that never asks for help never reads the help.
 *
 * <p>They are read straight from the jar as UTF-8 text ({@link LazyBundle}, which parses a value
 * when it is first asked for), not through {@code ResourceBundle.getBundle}, whose search through
 * candidate locales and the JVM's default locale would cost start-up time and could pick a file for
 * the machine's locale instead of the session's language.
 */
final class Bundles {
  private final String name;
  private final Map<Lang, ResourceBundle> loaded = new EnumMap<>(Lang.class);

  /**
   * @param name the files' name without the language: {@code messages} for {@code
   *     messages.properties} (English) and {@code messages_zh.properties}
   */
  Bundles(String name) {
    this.name = name;
  }

  /** The bundle of {@code lang}. */
  synchronized ResourceBundle of(Lang lang) {
    return loaded.computeIfAbsent(lang, this::read);
  }

  /** The file of {@code lang}'s bundle, as a resource of this package. */
  String file(Lang lang) {
    return name + (lang == Lang.EN ? "" : "_" + lang.code()) + ".properties";
  }

  private ResourceBundle read(Lang lang) {
    String file = file(lang);
    try (InputStream in = Bundles.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + file);
      }
      return new LazyBundle(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " from the jar", e);
    }
  }
}
