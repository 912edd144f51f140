package dev.sockshell.commands;

import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.codecs.PyCodecs;
import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /set KEY VALUE}: feedback, display, encoding, events and lang, JShell style. Public for
 * {@link #choices}, which completion needs: the values allowed depend on the key.
 */
public final class SetCommands {
  private SetCommands() {}

  static final String FEEDBACK = "feedback";
  static final String DISPLAY = "display";
  static final String ENCODING = "encoding";
  static final String EVENTS = "events";
  static final String TRUNCATION = "truncation";
  static final String TIMING = "timing";
  static final String LANG = "lang";

  /**
   * Encodings offered by completion, by Python's canonical names; any name or alias Python accepts
   * for a codec sockshell has is taken.
   */
  private static final List<String> COMMON_ENCODINGS =
      List.of(
          "utf-8",
          "gbk",
          "gb18030",
          "gb2312",
          "big5",
          "shift_jis",
          "euc_jp",
          "cp949",
          "iso8859-1",
          "ascii",
          "cp1252",
          "utf-16",
          "utf-16-be",
          "utf-16-le",
          "utf-8-sig");

  /** Each key and the values completion offers for it, in /set order. */
  private static final Map<String, List<String>> VALUES = values();

  private static Map<String, List<String>> values() {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put(FEEDBACK, words(Settings.Feedback.values()));
    values.put(DISPLAY, words(Settings.Display.values()));
    values.put(TRUNCATION, words(Settings.Truncation.values()));
    values.put(ENCODING, COMMON_ENCODINGS);
    values.put(EVENTS, List.of("on", "counts", "off"));
    values.put(TIMING, List.of("on", "off"));
    values.put(LANG, words(Lang.values()));
    return values;
  }

  private static List<String> words(Enum<?>[] constants) {
    List<String> words = new ArrayList<>();
    for (Enum<?> c : constants) {
      words.add(c.name().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** What each key and value means, for /help constants and the completion menu. */
  /** Where the meaning of each value starts in {@code /set KEY}'s list. */
  private static final int CHOICE_COLUMN = 14;

  private static final Map<String, String> MEANINGS =
      Map.ofEntries(
          Map.entry(FEEDBACK, "how much is printed after each command"),
          Map.entry(DISPLAY, "how received bytes are shown"),
          Map.entry(ENCODING, "the encoding of text literals and of the text display"),
          Map.entry(
              EVENTS,
              "events: what happens on the sockets above the prompt, and what the background"
                  + " does"),
          Map.entry(TRUNCATION, "how much of a long run of received bytes a result shows"),
          Map.entry(
              "short", "over 1024 bytes: the first 512 and the last 256, and how many between"),
          Map.entry("all", "every byte of every result, however many"),
          Map.entry(TIMING, "each result ends with how long the call took (and waited)"),
          Map.entry("verbose", "results, feedback, the Python call and the sockets' state changes"),
          Map.entry("normal", "results, one line of feedback, hints after errors"),
          Map.entry("concise", "results and errors only"),
          Map.entry("silent", "errors only"),
          Map.entry("repr", "Python's bytes literal: b'hi\\r\\n'"),
          Map.entry("text", "decoded with the encoding, control characters escaped"),
          Map.entry("hex", "a hex dump with offsets and an ASCII column"),
          Map.entry("utf-8", "Unicode, 1 to 4 bytes a character; Python's default"),
          Map.entry("gbk", "Simplified Chinese, as Chinese Windows uses it; also cp936"),
          Map.entry("gb18030", "Chinese, a superset of GBK covering all of Unicode"),
          Map.entry("gb2312", "Simplified Chinese, the older subset of GBK"),
          Map.entry("big5", "Traditional Chinese"),
          Map.entry("shift_jis", "Japanese; Windows adds its extensions in cp932"),
          Map.entry("euc_jp", "Japanese, as Unix uses it"),
          Map.entry("cp949", "Korean, as Windows uses it"),
          Map.entry("iso8859-1", "Latin-1: one byte a character, every byte decodes"),
          Map.entry("ascii", "7-bit ASCII"),
          Map.entry("cp1252", "Western European, as Windows uses it"),
          Map.entry("utf-16", "2 or 4 bytes a character, after a byte order mark (little-endian)"),
          Map.entry("utf-16-be", "UTF-16 big-endian, no byte order mark"),
          Map.entry("utf-16-le", "UTF-16 little-endian, no byte order mark"),
          Map.entry("utf-8-sig", "UTF-8 after a byte order mark, which decoding skips"),
          Map.entry(
              "on",
              "tell what happens on the sockets while the prompt waits, and each thing the"
                  + " background does"),
          Map.entry("counts", "as on, but what the background does in counts, one line at a time"),
          Map.entry("off", "no events"),
          Map.entry("timing on", "each result ends with how long it took: (0.42 ms)"),
          Map.entry("timing off", "results without times"),
          Map.entry(LANG, "the language of messages, /help, hints and events"),
          Map.entry("en", "English"),
          Map.entry("zh", "Chinese (中文); Python names, errno symbols and commands stay"));

  /** The keys of the translations of the meanings ({@code set.feedback}…). */
  static Set<String> specKeys() {
    Set<String> keys = new TreeSet<>();
    MEANINGS.keySet().forEach(word -> keys.add("set." + word.replace(' ', '.')));
    return keys;
  }

  /** What a /set key or value means, or null. */
  public static String meaning(String word) {
    String english = MEANINGS.get(word);
    return english == null ? null : Text.spec("set." + word.replace(' ', '.'), english);
  }

  /**
   * What completion offers for {@code param} of /set: the keys first, then only the values of the
   * key typed ({@code previous}, the word before; null when none is).
   */
  public static List<String> choices(Param param, String previous) {
    if (previous == null) {
      return param.name().equals("KEY") ? param.choices() : List.of();
    }
    return VALUES.getOrDefault(previous.toLowerCase(Locale.ROOT), List.of());
  }

  private static final Param KEY = Param.constant("KEY", true, List.copyOf(VALUES.keySet()));

  /** Any key's value; which are right depends on the KEY before it. */
  private static final Param VALUE = Param.constant("VALUE", true, allValues());

  private static List<String> allValues() {
    List<String> all = new ArrayList<>();
    VALUES.values().forEach(all::addAll);
    return all;
  }

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("/set", Group.SESSION, Command.Set.class)
            .params(KEY, VALUE)
            .summary(
                "show or change the settings: feedback, display of received bytes and how much of"
                    + " them, encoding, events, timing, language")
            .example("/set display hex")
            .binder(SetCommands::bind)
            .runner(SetCommands::run)
            .build());
  }

  private static Command.Set bind(Args a) throws UsageError {
    if (!a.hasMore()) {
      return new Command.Set(null, null);
    }
    Token keyToken = a.next(KEY);
    String key = keyToken.text().toLowerCase(Locale.ROOT);
    if (!VALUES.containsKey(key)) {
      throw Args.notAChoice(keyToken, "KEY", VALUES);
    }
    if (!a.hasMore()) {
      return new Command.Set(key, null);
    }
    Token valueToken = a.next(VALUE);
    a.end();
    if (key.equals(ENCODING)) {
      return new Command.Set(key, codec(valueToken).name());
    }
    String value = valueToken.text().toLowerCase(Locale.ROOT);
    if (!VALUES.get(key).contains(value)) {
      Map<String, String> choices = new LinkedHashMap<>();
      VALUES.get(key).forEach(v -> choices.put(v, v));
      throw Args.notAChoice(valueToken, key, choices);
    }
    return new Command.Set(key, value);
  }

  /** The codec Python finds for the name typed, or Python's LookupError as a usage error. */
  private static PyCodec codec(Token t) throws UsageError {
    try {
      return PyCodecs.lookup(t.text());
    } catch (CodecError e) {
      // A codec Python has (sockshell lacks it, or it is not text) gets no "did you mean".
      String close =
          e.getMessage().startsWith("unknown encoding")
              ? Suggest.closest(t.text(), PyCodecs.acceptedNames())
              : null;
      String suggestion = "";
      try {
        suggestion =
            close == null ? "" : Text.get("usage.did.you.mean", PyCodecs.lookup(close).name());
      } catch (CodecError impossible) {
        // An accepted name always finds its codec.
      }
      throw new UsageError(
          Text.get("usage.encoding", e.getMessage(), suggestion, PyCodecs.names().size()),
          t.start());
    }
  }

  /**
   * Whether {@code /set KEY VALUE} takes VALUE (any name Python has for a codec), for the console.
   */
  public static boolean accepts(String key, String value) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals(ENCODING)) {
      try {
        PyCodecs.lookup(value);
        return true;
      } catch (CodecError e) {
        return false;
      }
    }
    return VALUES.getOrDefault(k, List.of()).contains(value.toLowerCase(Locale.ROOT));
  }

  private static Outcome run(Command.Set c, Context ctx) {
    Settings settings = ctx.settings();
    if (c.key() == null) {
      lines(settings)
          .forEach(line -> ctx.out().println(Styled.of(Style.FEEDBACK, Feedback.PREFIX + line)));
      return new Outcome.Printed();
    }
    if (c.value() == null) {
      ctx.out().println(Styled.of(Style.FEEDBACK, Feedback.PREFIX + line(settings, c.key())));
      int width = ctx.out().width() > 0 ? ctx.out().width() : HelpPages.PLAIN_WIDTH;
      List<String> choices =
          c.key().equals(ENCODING)
              ? wrapped(Feedback.PREFIX + "values: ", PyCodecs.names(), width)
              : valueLines(c.key(), width);
      choices.forEach(l -> ctx.out().println(Styled.of(Style.DIM, l)));
      return new Outcome.Printed();
    }
    switch (c.key()) {
      case FEEDBACK ->
          settings.setFeedback(Settings.Feedback.valueOf(c.value().toUpperCase(Locale.ROOT)));
      case DISPLAY ->
          settings.setDisplay(Settings.Display.valueOf(c.value().toUpperCase(Locale.ROOT)));
      case ENCODING -> settings.setEncoding(lookup(c.value()));
      case TRUNCATION ->
          settings.setTruncation(Settings.Truncation.valueOf(c.value().toUpperCase(Locale.ROOT)));
      case TIMING -> settings.setTiming(c.value().equals("on"));
      case LANG -> {
        // Said in the language chosen, so the person sees at once that it took.
        Text.use(Lang.byCode(c.value()).orElseThrow());
        return new Outcome.Done(Text.get("set.lang.done", c.value()));
      }
      default -> {
        if (c.value().equals("counts")) {
          settings.setEventCounts();
        } else {
          settings.setEvents(c.value().equals("on"));
        }
        ctx.background().events().setRecording(settings.events());
      }
    }
    return new Outcome.Done(c.key() + ": " + c.value() + meaning(c.key(), c.value()));
  }

  /** The codec of a name the binder already found one for. */
  private static PyCodec lookup(String name) {
    try {
      return PyCodecs.lookup(name);
    } catch (CodecError e) {
      throw new IllegalStateException("the binder took " + name, e);
    }
  }

  private static String meaning(String key, String value) {
    return switch (key) {
      case ENCODING -> Text.get("set.done.encoding");
      case EVENTS ->
          switch (value) {
            case "on" -> Text.get("set.done.events.on");
            case "counts" -> Text.get("set.done.events.counts");
            default -> Text.get("set.done.events.off");
          };
      case TIMING -> value.equals("on") ? Text.get("set.done.timing.on") : "";
      default -> "";
    };
  }

  /** Every setting as the /set line that sets it, e.g. {@code /set feedback normal}. */
  static List<String> lines(Settings settings) {
    List<String> lines = new ArrayList<>();
    for (String key : VALUES.keySet()) {
      lines.add(line(settings, key));
    }
    return lines;
  }

  /**
   * The /set lines a script needs to reproduce {@code settings}: those that differ from the
   * defaults, except events, which only the console has, and lang, which is the reader's, not the
   * script's.
   */
  static List<String> scriptLines(Settings settings) {
    Settings defaults = new Settings();
    List<String> lines = new ArrayList<>();
    for (String key : VALUES.keySet()) {
      String line = line(settings, key);
      if (!key.equals(EVENTS) && !key.equals(LANG) && !line.equals(line(defaults, key))) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String line(Settings settings, String key) {
    String value =
        switch (key) {
          case FEEDBACK -> settings.feedback().word();
          case DISPLAY -> settings.display().word();
          case TRUNCATION -> settings.truncation().word();
          case ENCODING -> settings.encoding().name();
          case TIMING -> settings.timing() ? "on" : "off";
          case LANG -> Text.lang().code();
          default -> settings.eventsWord();
        };
    return "/set " + key + " " + value;
  }

  /** {@code words} after {@code prefix}, comma-separated, wrapped to about 100 columns. */
  /** Each value with its meaning, wrapped under itself to fit {@code width} columns. */
  private static List<String> valueLines(String key, int width) {
    String indent = "|" + " ".repeat(CHOICE_COLUMN - 1);
    List<String> lines = new ArrayList<>();
    for (String value : VALUES.get(key)) {
      // A word some keys share (on, off) may mean something else for this key.
      String meant =
          MEANINGS.containsKey(key + " " + value) ? meaning(key + " " + value) : meaning(value);
      List<String> meaning = HelpLayout.wrap(meant, width - CHOICE_COLUMN - 1);
      lines.add(
          Feedback.PREFIX
              + "  "
              + value
              + " ".repeat(CHOICE_COLUMN - 5 - value.length())
              + meaning.get(0));
      meaning.subList(1, meaning.size()).forEach(rest -> lines.add(indent + rest));
    }
    return lines;
  }

  private static List<String> wrapped(String prefix, List<String> words, int width) {
    String indent = "|" + " ".repeat(prefix.length() - 1);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(prefix);
    boolean first = true;
    for (String word : words) {
      if (!first && line.length() + word.length() + 2 > width - 1) {
        lines.add(line.append(',').toString());
        line = new StringBuilder(indent);
        first = true;
      }
      line.append(first ? "" : ", ").append(word);
      first = false;
    }
    lines.add(line.toString());
    return lines;
  }
}
