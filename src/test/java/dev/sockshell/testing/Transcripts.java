package dev.sockshell.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a checked-in transcript; with {@code -Dtranscripts.update=true} rewrites the
 * transcript instead, for review in git.
 */
public final class Transcripts {
  private Transcripts() {}

  public static boolean updating() {
    return Boolean.getBoolean("transcripts.update");
  }

  public static void assertMatches(Path expectedFile, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(expectedFile.getParent());
        Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        return;
      }
      String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
      assertEquals(
          expected,
          actual,
          "output differs from "
              + expectedFile
              + " (run with -Dtranscripts.update=true to rewrite it, then review the diff)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
