package dev.sockshell.testing;

import dev.sockshell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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

  /** The output with ephemeral ports and the times of loops' rounds masked. */
  public String maskedOut() {
    return RoundTimes.mask(Ports.mask(out));
  }
}
