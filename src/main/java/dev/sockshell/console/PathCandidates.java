package dev.sockshell.console;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * File names for {@code /open FILE}, {@code @PATH} and other PATH arguments, relative to the
 * directory the command will read them from. A directory completes with a '/' and no space, so Tab
 * can go on into it.
 */
final class PathCandidates {
  private PathCandidates() {}

  /** Enough for any directory a person picks from; a huge one is cut rather than slow. */
  private static final int MAX = 500;

  /**
   * Adds the entries matching {@code typed} (which starts with {@code marker}, "@" or "").
   *
   * @param base the directory relative paths are resolved against
   */
  static void add(String typed, String marker, Path base, List<Candidate> out) {
    String path = typed.substring(marker.length());
    int slash = path.lastIndexOf('/');
    String dir = path.substring(0, slash + 1);
    String prefix = path.substring(slash + 1);
    int added = 0;
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(base.resolve(dir.isEmpty() ? "." : dir))) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        // Hidden files only when asked for, as shells do; filtering here keeps huge folders cheap.
        if (!name.startsWith(prefix) || name.startsWith(".") && !prefix.startsWith(".")) {
          continue;
        }
        boolean directory = Files.isDirectory(entry);
        String shown = directory ? name + "/" : name;
        out.add(
            new Candidate(
                marker + dir + shown,
                shown,
                null,
                describe(entry, directory),
                null,
                null,
                !directory));
        if (++added == MAX) {
          break;
        }
      }
    } catch (IOException | InvalidPathException e) {
      // No such directory (yet), or not a path at all: nothing to offer.
    }
  }

  private static String describe(Path entry, boolean directory) {
    if (directory) {
      return "directory";
    }
    try {
      return Files.size(entry) + " bytes";
    } catch (IOException e) {
      return null;
    }
  }
}
