package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers point one way (see ARCHITECTURE.md): each package may import only the packages listed for
 * it, and only the console imports JLine.
 */
class LayeringTest {
  private static final String ROOT = "dev.sockshell.";

  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("i18n", Set.of()),
          Map.entry("bytes", Set.of()),
          Map.entry("codecs", Set.of("bytes")),
          Map.entry("net", Set.of("bytes", "i18n")),
          Map.entry("background", Set.of("bytes", "codecs", "net", "i18n")),
          Map.entry("value", Set.of("bytes", "net")),
          Map.entry("trace", Set.of("bytes", "net")),
          Map.entry("lang", Set.of("bytes", "net", "i18n")),
          Map.entry(
              "render", Set.of("bytes", "codecs", "net", "background", "value", "trace", "i18n")),
          Map.entry(
              "commands",
              Set.of(
                  "bytes",
                  "codecs",
                  "net",
                  "background",
                  "value",
                  "trace",
                  "lang",
                  "render",
                  "i18n")),
          Map.entry(
              "python",
              Set.of(
                  "bytes",
                  "codecs",
                  "net",
                  "background",
                  "value",
                  "trace",
                  "lang",
                  "render",
                  "commands",
                  "i18n")),
          Map.entry(
              "repl",
              Set.of(
                  "bytes",
                  "codecs",
                  "net",
                  "background",
                  "value",
                  "trace",
                  "lang",
                  "render",
                  "commands",
                  "python",
                  "i18n")),
          Map.entry(
              "console",
              Set.of(
                  "bytes",
                  "codecs",
                  "net",
                  "background",
                  "value",
                  "trace",
                  "lang",
                  "render",
                  "commands",
                  "python",
                  "repl",
                  "",
                  "i18n")));

  @Test
  void packagesOnlyImportTheLayersBelowThem() throws IOException {
    List<String> violations = new ArrayList<>();
    Path src = Path.of("src/main/java/dev/sockshell");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = src.relativize(file.getParent());
        String pkg = dir.toString().replace('/', '.');
        for (String line : Files.readAllLines(file)) {
          if (!line.startsWith("import ")) {
            continue;
          }
          String imported = line.replaceFirst("import (static )?", "").replace(";", "");
          if (imported.startsWith("org.jline") && !pkg.equals("console")) {
            violations.add(file + ": " + line);
          }
          if (pkg.isEmpty() || !imported.startsWith(ROOT)) {
            continue;
          }
          String rest = imported.substring(ROOT.length());
          String target =
              rest.contains(".") && Character.isLowerCase(rest.charAt(0))
                  ? rest.substring(0, rest.indexOf('.'))
                  : "";
          if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
            violations.add(file + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
