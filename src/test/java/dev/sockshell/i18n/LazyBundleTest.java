package dev.sockshell.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The lazy reading of a properties file gives, for every key of every file in the jar, what {@link
 * PropertyResourceBundle} gives: a file written in a form the lazy reading does not find (a space
 * before {@code =}) fails here, not as a missing message in front of a user.
 */
class LazyBundleTest {
  private static final List<String> FILES =
      List.of(
          "messages.properties",
          "messages_zh.properties",
          "help.properties",
          "help_zh.properties",
          "specs_zh.properties");

  @Test
  void everyKeyOfEveryFileReadsAsPropertiesReadsIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String file : FILES) {
      ResourceBundle reference;
      String text;
      try (InputStream in = Bundles.class.getResourceAsStream(file)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      reference = new PropertyResourceBundle(new StringReader(text));
      LazyBundle lazy = new LazyBundle(text);
      for (String key : reference.keySet()) {
        Object got = lazy.handleGetObject(key);
        if (!reference.getString(key).equals(got)) {
          wrong.add(
              file + ": " + key + " reads " + got + ", Properties " + reference.getString(key));
        }
      }
      assertEquals(reference.keySet(), lazy.keySet(), file);
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void escapesContinuedLinesAndMissingKeysAsProperties() throws IOException {
    String text =
        "# a comment: not.a=key\n"
            + "plain=one two\n"
            + "escaped=tab\\tnew\\nline \\u4e2d\\\\ \\{0\\}\n"
            + "continued=first \\\n"
            + "    second\\\n"
            + "\tthird\n"
            + "blank=   lead\n"
            + "last=no newline";
    ResourceBundle reference =
        new PropertyResourceBundle(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    LazyBundle lazy = new LazyBundle(text);
    for (String key : reference.keySet()) {
      assertEquals(reference.getString(key), lazy.getString(key), key);
    }
    assertNull(lazy.handleGetObject("not.a"));
    assertFalse(lazy.containsKey("second"));
    assertFalse(lazy.containsKey("plai"));
  }
}
