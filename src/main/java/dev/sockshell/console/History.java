package dev.sockshell.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The console's history, kept across runs in a file. A file that cannot be read or written (a
 * read-only home, a full disk) costs the history, not the console: JLine would log a warning and a
 * stack trace on every line, so the problem is kept here and told once, in one line.
 *
 * <p>A file that is not a history file ({@code SOCKSHELL_HISTORY=notes.txt}) is left as it is:
 * JLine would drop every line it cannot read as history and write the rest back, erasing the file
 * (a read-only one too, since it writes a new file over it). Such a run keeps its history in memory
 * only.
 */
final class History extends DefaultHistory {
  /** The file, as the line reader's HISTORY_FILE names it, for the messages (null: none). */
  private final Path path;

  /** What went wrong with the file and is not told yet. */
  private final List<String> problems = new ArrayList<>();

  /** The file is not ours, or could not be written: the rest of the run keeps history in memory. */
  private boolean memoryOnly;

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
    if (memoryOnly) {
      return;
    }
    try {
      if (path != null && !isHistoryFile(path)) {
        memoryOnly = true;
        problems.add(
            path
                + " is not a sockshell history file; it is left as it is and this run saves no"
                + " history (set SOCKSHELL_HISTORY to another file)");
        return;
      }
      super.load();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      // A file we cannot read may still be someone's: do not write to it either.
      memoryOnly = true;
      problems.add("earlier commands are not available: cannot read " + path + why(e));
    }
  }

  /**
   * True when {@code file} does not exist yet, or every line of it is an entry as JLine writes
   * them: the time in milliseconds, a colon, the line ({@code 1796184869054:socket s}).
   */
  static boolean isHistoryFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      return true;
    }
    try (BufferedReader in = Files.newBufferedReader(file)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!isEntry(line)) {
          return false;
        }
      }
      return true;
    } catch (CharacterCodingException notText) {
      return false;
    }
  }

  /** At most this many digits of milliseconds: more would overflow JLine's long, an error line. */
  private static final int MILLIS_DIGITS = 18;

  private static boolean isEntry(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0 || colon > MILLIS_DIGITS) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      if (line.charAt(i) < '0' || line.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void save() {
    if (memoryOnly) {
      return;
    }
    try {
      super.save();
    } catch (IOException | UncheckedIOException e) {
      memoryOnly = true;
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
