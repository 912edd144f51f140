package dev.sockshell.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The console's history, kept across runs in a file. A file that cannot be read or written (a
 * read-only home, a full disk) costs the history, not the console: JLine would log a warning and a
 * stack trace on every line, so the problem is kept here and told once, in one line.
 */
final class History extends DefaultHistory {
  /** The file, as the line reader's HISTORY_FILE names it, for the messages (null: none). */
  private final Path path;

  /** What went wrong with the file and is not told yet. */
  private final List<String> problems = new ArrayList<>();

  /** The file could not be written: stop trying, the rest of the run keeps history in memory. */
  private boolean unwritable;

  History(Path path) {
    this.path = path;
  }

  /** {@code $SOCKSHELL_HISTORY}, else {@code ~/.sockshell_history}. */
  static Path file() {
    String override = System.getenv("SOCKSHELL_HISTORY");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".sockshell_history");
  }

  @Override
  public void load() {
    try {
      super.load();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      problems.add("earlier commands are not available: cannot read " + path + why(e));
    }
  }

  @Override
  public void save() {
    if (unwritable) {
      return;
    }
    try {
      super.save();
    } catch (IOException | UncheckedIOException e) {
      unwritable = true;
      problems.add("commands are not kept for the next run: cannot write " + path + why(e));
    }
  }

  /** The problems with the file not told yet (then forgotten). */
  List<String> takeProblems() {
    List<String> told = List.copyOf(problems);
    problems.clear();
    return told;
  }

  private static String why(Exception e) {
    if (e instanceof UncheckedIOException u) {
      return why(u.getCause());
    }
    if (e instanceof NoSuchFileException) {
      return " (no such directory)";
    }
    if (e instanceof AccessDeniedException) {
      return " (permission denied)";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return " (" + f.getReason() + ")";
    }
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }
}
