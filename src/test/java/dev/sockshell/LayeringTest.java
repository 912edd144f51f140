package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Layers point one way (see ARCHITECTURE.md): each package may use only the packages listed for it,
 * by an import or by a name written out in full ({@code dev.sockshell.net.Errno.EBADF}); the root
 * package ({@code Main}) is above them all and no package uses it; only the console imports JLine.
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
                  "i18n")));

  /** {@code dev.sockshell.net.Errno} or {@code dev.sockshell.Main} written in code. */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\bdev\\.sockshell\\.(?:([a-z][a-z0-9]*)\\.|[A-Z])");

  @Test
  void packagesOnlyUseTheLayersBelowThem() throws IOException {
    List<String> violations = new ArrayList<>();
    Path src = Path.of("src/main/java/dev/sockshell");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = src.relativize(file.getParent());
        String pkg = dir.toString().replace('/', '.');
        String[] lines = code(Files.readString(file)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          String line = lines[i];
          if (line.startsWith("import ") && line.contains("org.jline") && !pkg.equals("console")) {
            violations.add(file + ":" + (i + 1) + ": " + line);
          }
          if (pkg.isEmpty() || line.startsWith("package ")) {
            continue; // the root may use every layer
          }
          Matcher m = QUALIFIED.matcher(line);
          while (m.find()) {
            String target = m.group(1) == null ? "" : m.group(1);
            if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
              violations.add(file + ":" + (i + 1) + ": " + line.strip());
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void aNameWrittenInFullIsSeenAndCommentsAreNot() {
    String source =
        "/** {@link dev.sockshell.console.Console} */\n"
            + "int n = dev.sockshell.net.Errno.EBADF.code(); // dev.sockshell.repl.Shell\n"
            + "String s = \"dev.sockshell.Main\";\n";
    String[] lines = code(source).split("\n", -1);
    Matcher first = QUALIFIED.matcher(lines[0]);
    Matcher second = QUALIFIED.matcher(lines[1]);
    assertFalse(first.find());
    assertTrue(second.find());
    assertEquals("net", second.group(1));
    assertFalse(second.find());
    assertFalse(QUALIFIED.matcher(lines[2]).find());
  }

  /**
   * {@code source} with its comments and the insides of its string and char literals blanked (lines
   * kept), so a name in a comment or a message is not a use.
   */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      String close = null;
      if (source.startsWith("//", i)) {
        close = "\n";
      } else if (source.startsWith("/*", i)) {
        close = "*/";
      } else if (source.startsWith("\"\"\"", i)) {
        close = "\"\"\"";
      } else if (c == '"' || c == '\'') {
        close = String.valueOf(c);
      }
      if (close == null) {
        out.append(c);
        i++;
        continue;
      }
      int from = i + (close.equals("\"\"\"") ? 3 : close.equals("*/") ? 2 : 1);
      int end = from;
      while (end < source.length() && !source.startsWith(close, end)) {
        end += source.charAt(end) == '\\' && close.length() == 1 && !close.equals("\n") ? 2 : 1;
      }
      end = Math.min(source.length(), end + (close.equals("\n") ? 0 : close.length()));
      for (int j = i; j < end; j++) {
        out.append(source.charAt(j) == '\n' ? '\n' : ' ');
      }
      i = end;
    }
    return out.toString();
  }
}
