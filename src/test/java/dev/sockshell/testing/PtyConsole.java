package dev.sockshell.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The console in a real pseudo-terminal: python3's pty module drives it and plays the terminal
 * ({@code src/test/resources/pty/console.py}), typing and waiting step by step, then says what the
 * screen shows and what the console left behind.
 */
public final class PtyConsole {
  private static final Path DRIVER = Path.of("src/test/resources/pty/console.py");

  private PtyConsole() {}

  /** Whether the driver can run; tests skip without it. */
  public static boolean available() {
    return ExternalProgram.available("python3", "--version");
  }

  /** One step for the driver, as JSON: {@code ["type", "socket s\r"]}. */
  public static String step(String kind, String argument) {
    return "[" + json(kind) + ", " + json(argument) + "]";
  }

  private static String json(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < ' ') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /**
   * Runs the console in {@code dir} with {@code environment} (TERM is xterm-256color unless it says
   * otherwise) through {@code steps}.
   */
  public static Run drive(Path dir, Map<String, String> environment, String... steps)
      throws IOException, InterruptedException {
    return drive(dir, environment, List.of(), steps);
  }

  /** Like {@link #drive(Path, Map, String...)}, with {@code arguments} after the jar. */
  public static Run drive(
      Path dir, Map<String, String> environment, List<String> arguments, String... steps)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3", DRIVER.toAbsolutePath().toString()));
    command.add("[" + String.join(", ", steps) + "]");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Jar.path().toAbsolutePath().toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("TERM", "xterm-256color");
    builder.environment().remove("NO_COLOR");
    builder.environment().remove("INSIDE_EMACS");
    builder.environment().putAll(environment);
    Process p = builder.redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the driver did not end");
    assertEquals(0, p.exitValue(), said);
    return new Run(said);
  }

  /** What the driver said: the terminal's settings before and after, the screen, the status. */
  public record Run(String said) {
    public String field(String name) {
      return said.lines()
          .filter(l -> l.startsWith(name + ": "))
          .map(l -> l.substring(name.length() + 2))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " in:\n" + said));
    }

    public int status() {
      return Integer.parseInt(field("status"));
    }

    public String cursor() {
      return field("cursor");
    }

    /** The escape sequences the console wrote, each once, as a JSON list. */
    public String escapes() {
      return field("escapes");
    }

    /** The screen's rows that are not blank. */
    public List<String> rows() {
      return said.lines()
          .filter(l -> l.startsWith("row: "))
          .map(l -> l.substring(5))
          .filter(l -> !l.isBlank())
          .toList();
    }

    /** Every step's text showed up, and the terminal's settings and modes are as they were. */
    public void assertLeftAsFound() {
      assertTrue(said.lines().noneMatch(l -> l.startsWith("never-shown: ")), said);
      assertEquals(field("stty-before"), field("stty-after"), "stty -a; the run:\n" + said);
      assertEquals("cursor-keys=normal keypad=normal", field("modes"), said);
    }

    @Override
    public String toString() {
      return said;
    }
  }
}
