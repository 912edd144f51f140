package dev.sockshell.console;

import java.nio.file.Path;

/** Where the console keeps its history across runs. */
final class History {
  private History() {}

  /** {@code $SOCKSHELL_HISTORY}, else {@code ~/.sockshell_history}. */
  static Path file() {
    String override = System.getenv("SOCKSHELL_HISTORY");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".sockshell_history");
  }
}
