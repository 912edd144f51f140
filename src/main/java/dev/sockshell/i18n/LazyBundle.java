package dev.sockshell.i18n;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * A properties file held as its text, each value parsed the first time its key is asked for. A
 * one-line script asks for two messages of the 600 in {@code messages.properties}: parsing the
 * whole file with {@link PropertyResourceBundle}, in the interpreter at start-up, was 7% of its
 * main thread's CPU samples (PERFORMANCE.md, "Start-up").
 *
 * <p>A key is found as a line {@code key=value} (no space around {@code =}), which is how
 * sockshell's files are written; {@code BundlesTest} checks every key of every file gives what
 * {@link PropertyResourceBundle} gives. The value is read as {@link java.util.Properties} reads
 * one: escapes (backslash n, backslash t, backslash u and four hex digits…) and lines continued by
 * a backslash. Listing the keys parses the whole file, as before.
 */
final class LazyBundle extends ResourceBundle {
  private final String text;
  private final Map<String, String> values = new HashMap<>();
  private ResourceBundle whole;

  LazyBundle(String fileText) {
    this.text = "\n" + fileText;
  }

  @Override
  protected synchronized Object handleGetObject(String key) {
    String value = values.get(key);
    if (value == null) {
      int at = text.indexOf("\n" + key + "=");
      if (at < 0) {
        return null;
      }
      value = valueFrom(at + key.length() + 2);
      values.put(key, value);
    }
    return value;
  }

  @Override
  public boolean containsKey(String key) {
    return handleGetObject(key) != null;
  }

  @Override
  public Enumeration<String> getKeys() {
    return Collections.enumeration(handleKeySet());
  }

  @Override
  protected Set<String> handleKeySet() {
    return whole().keySet();
  }

  private synchronized ResourceBundle whole() {
    if (whole == null) {
      try {
        whole = new PropertyResourceBundle(new StringReader(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      }
    }
    return whole;
  }

  /** The value starting at {@code start}, to its line's end, continued lines and escapes read. */
  private String valueFrom(int start) {
    StringBuilder out = new StringBuilder();
    int i = skipBlanks(start);
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c != '\\' || i == text.length()) {
        out.append(c);
        continue;
      }
      char e = text.charAt(i++);
      switch (e) {
        case '\r' -> i = skipBlanks(i < text.length() && text.charAt(i) == '\n' ? i + 1 : i);
        case '\n' -> i = skipBlanks(i);
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(text, i, i + 4, 16));
          i += 4;
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  /** Past the spaces, tabs and form feeds from {@code i}, which Properties drops there. */
  private int skipBlanks(int i) {
    while (i < text.length()
        && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }
}
