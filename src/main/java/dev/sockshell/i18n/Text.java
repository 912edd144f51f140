package dev.sockshell.i18n;

import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What sockshell says, in the session's language: {@code Text.get("console.banner", version)}. A
 * message is a pattern with the placeholders {@code {0}}, {@code {1}}… in the order its language
 * needs them, so a translation may put the words in another order than English.
 *
 * <p>The placeholders are those of {@link java.text.MessageFormat}, but nothing else of it is
 * taken: its quoting would make every {@code 'text'} and {@code b'bytes'} in a message a trap
 * (written {@code ''text''}), and it formats numbers by locale ({@code 12,345}), where sockshell
 * prints them as Python does. Arguments are put in with {@link String#valueOf}.
 *
 * <p>The language is one for the process (the console is one person's): the environment's at start
 * ({@link Lang#fromEnvironment}), then whatever {@code /set lang} chose.
 */
public final class Text {
  private Text() {}

  /** Messages of the console, the scripts and the commands: hints, events, errors, summaries. */
  static final Bundles MESSAGES = new Bundles("messages");

  /** The text of {@code /help}: its frame, topics and notes. */
  static final Bundles HELP = new Bundles("help");

  /**
   * Chinese for the English that commands carry themselves (a command's summary, what each of its
   * errors means, what a constant means), keyed by the command or constant; English has no file,
   * the English is the spec's own.
   */
  static final Bundles SPECS = new Bundles("specs");

  private static final String HELP_PREFIX = "help.";

  private static volatile Lang current = Lang.fromEnvironment(System.getenv());

  /** The language messages are in now. */
  public static Lang lang() {
    return current;
  }

  /** Speak {@code lang} from now on. */
  public static void use(Lang lang) {
    current = lang;
  }

  /** Speak the environment's language again, as at start: a new session starts with it. */
  public static void useEnvironment() {
    current = Lang.fromEnvironment(System.getenv());
  }

  /** Whether messages are in English now (the language of the spec texts). */
  public static boolean english() {
    return current == Lang.EN;
  }

  /**
   * The message {@code key} in the current language with {@code args} in its placeholders. Keys
   * that start with {@code help.} are in the help bundle, the others in the messages bundle.
   *
   * @throws MissingResourceException if there is no such key (a bug: a test checks every key)
   */
  public static String get(String key, Object... args) {
    return format(pattern(current, key), args);
  }

  /** The message {@code key} in {@code lang}. */
  public static String in(Lang lang, String key, Object... args) {
    return format(pattern(lang, key), args);
  }

  /**
   * The current language's words for English that a command spec carries ({@code spec.summary.bind}
   * for {@code bind}'s summary): the English itself in English, or where no translation exists.
   */
  public static String spec(String key, String english, Object... args) {
    if (current == Lang.EN) {
      return format(english, args);
    }
    ResourceBundle bundle = SPECS.of(current);
    return format(bundle.containsKey(key) ? bundle.getString(key) : english, args);
  }

  /** The keys that {@code lang} has words for in its spec texts (none for English). */
  public static Set<String> specKeys(Lang lang) {
    return lang == Lang.EN ? Set.of() : SPECS.of(lang).keySet();
  }

  private static String pattern(Lang lang, String key) {
    return (key.startsWith(HELP_PREFIX) ? HELP : MESSAGES).of(lang).getString(key);
  }

  /** {@code pattern} with each {@code {N}} replaced by {@code args[N]}; other braces stay. */
  static String format(String pattern, Object... args) {
    if (args.length == 0 || pattern.indexOf('{') < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? placeholderEnd(pattern, i) : -1;
      if (close > 0) {
        int index = Integer.parseInt(pattern.substring(i + 1, close));
        out.append(
            index < args.length ? String.valueOf(args[index]) : pattern.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Where the {@code }} of a placeholder {@code {N}} starting at {@code open} is, or -1. */
  static int placeholderEnd(String pattern, int open) {
    int i = open + 1;
    while (i < pattern.length() && isAsciiDigit(pattern.charAt(i)) && i - open <= 2) {
      i++;
    }
    return i > open + 1 && i < pattern.length() && pattern.charAt(i) == '}' ? i : -1;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
