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
    // The queues first, while the table's columns are still aligned (a masked port is longer).
    String masked = RoundTimes.mask(Ports.mask(sendQueuesMasked(out)));
    masked = TIME_WAIT_LEFT.matcher(masked).replaceAll("<t> $1");
    return DIAGRAM_TIME.matcher(masked).replaceAll("$1#.###");
  }

  /**
   * {@code /list}'s SEND-Q column with each digit as {@code #}: bytes sent stay there until the
   * peer's kernel acknowledges them, which on loopback can take a delayed ACK's 40 ms after the
   * peer read them. (KernelColumnsTest checks the numbers against ss; RECV-Q does not depend on
   * it.)
   */
  public static String sendQueuesMasked(String text) {
    String[] lines = text.split("\n", -1);
    int column = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int at = line.indexOf("  SEND-Q  ");
      if (line.startsWith("NAME ") && at >= 0) {
        column = at + 2;
      } else if (column >= 0 && !isTableRow(line)) {
        column = -1;
      } else if (column >= 0 && line.length() > column + 6) {
        String cell = line.substring(column, column + 6);
        if (cell.strip().matches("\\d+")) {
          lines[i] =
              line.substring(0, column) + cell.replaceAll("\\d", "#") + line.substring(column + 6);
        }
      }
    }
    return String.join("\n", lines);
  }

  /** A row of /list's table starts with a socket's name. */
  private static boolean isTableRow(String line) {
    return !line.isBlank()
        && (Character.isLetter(line.charAt(0)) || line.charAt(0) == '_')
        && !line.startsWith("sockshell> ");
  }
}
