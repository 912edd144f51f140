package dev.sockshell.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A language sockshell speaks: {@code /set lang en|zh}. */
public enum Lang {
  /** English, the language of the code, the README and the transcripts. */
  EN,
  /** Simplified Chinese, the language of the tutorial sockshell follows. */
  ZH;

  /** As {@code /set lang} takes it, and as a bundle's file name ends: {@code zh}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language called {@code code} ({@code zh}, in any case), if sockshell speaks it. */
  public static Optional<Lang> byCode(String code) {
    for (Lang lang : values()) {
      if (lang.code().equalsIgnoreCase(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  /**
   * The language of the environment, as POSIX decides the language of messages: the first of
   * LC_ALL, LC_MESSAGES and LANG that is set and not empty; Chinese when it starts with {@code zh}
   * ({@code zh_CN.UTF-8}, {@code zh_TW}), else English.
   */
  public static Lang fromEnvironment(Map<String, String> env) {
    for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = env.get(variable);
      if (value != null && !value.isEmpty()) {
        return value.regionMatches(true, 0, "zh", 0, 2) ? ZH : EN;
      }
    }
    return EN;
  }
}
