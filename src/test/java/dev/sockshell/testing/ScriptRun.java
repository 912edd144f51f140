package dev.sockshell.testing;

import dev.sockshell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Runs sockshell in this JVM, as {@code java -jar sockshell.jar ARGS}, and captures what it says.
 */
public record ScriptRun(int status, String out, String err) {
  public static ScriptRun of(String... args) {
    return withStdin("", args);
  }

  public static ScriptRun withStdin(String stdin, String... args) {
    return withStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** Stdin as these bytes, which need not be UTF-8. */
  public static ScriptRun withStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Main.run(args, new ByteArrayInputStream(stdin), o, e, false);
    }
    return new ScriptRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What TIME_WAIT has left: {@code (58 s left)}, {@code for 58 s more}. */
  private static final Pattern TIME_WAIT_LEFT = Pattern.compile("\\b\\d+ s (left|more)\\b");

  /** A diagram's time column: seconds with milliseconds at the start of a row. */
  private static final Pattern DIAGRAM_TIME = Pattern.compile("(?m)^( *)\\d+\\.\\d{3}(?=  )");

  /**
   * The output with ephemeral ports, the times of loops' rounds, the seconds TIME_WAIT has left and
   * a diagram's times masked.
   */
  public String maskedOut() {
    String masked = TIME_WAIT_LEFT.matcher(RoundTimes.mask(Ports.mask(out))).replaceAll("<t> $1");
    return DIAGRAM_TIME.matcher(masked).replaceAll("$1#.###");
  }
}
