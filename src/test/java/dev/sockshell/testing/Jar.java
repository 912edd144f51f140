package dev.sockshell.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar target/sockshell.jar} as a separate process, as a user would. */
public final class Jar {
  private Jar() {}

  /** What a finished process said. */
  public record Result(int status, String out, String err) {}

  public static Path path() {
    return Path.of(System.getProperty("sockshell.jar", "target/sockshell.jar"));
  }

  public static ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(path().toString());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(new File("."));
  }

  /** Runs to completion with {@code stdin} piped in; bounded by 60 seconds. */
  public static Result run(String stdin, String... args) throws IOException, InterruptedException {
    Process p = builder(args).start();
    CompletableFuture<String> out = readAll(p.getInputStream());
    CompletableFuture<String> err = readAll(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sockshell did not exit within 60 s");
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  public static CompletableFuture<String> readAll(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "<unreadable: " + e + ">";
          }
        });
  }
}
