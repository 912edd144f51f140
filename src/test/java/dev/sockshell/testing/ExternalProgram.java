package dev.sockshell.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program sockshell did not write (python3, ncat) as a peer: started with its stdout read line by
 * line, every wait bounded, killed on close. Tests check {@link #available} first and skip with the
 * reason when the machine does not have it.
 */
public final class ExternalProgram implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ExternalProgram(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLines, "peer-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** True when {@code command} (e.g. {@code python3 --version}) runs and exits 0. */
  public static boolean available(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts {@code command}; stderr goes with stdout, so a traceback shows in failures. */
  public static ExternalProgram start(String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PYTHONIOENCODING", "utf-8");
    return new ExternalProgram(builder.start());
  }

  private void readLines() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The process went away; what it said so far is kept.
    } finally {
      lines.add(END);
    }
  }

  /** Ctrl-C: SIGINT to the program, as a terminal sends it. */
  public void interrupt() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    if (!kill.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -INT " + process.pid() + " failed");
    }
  }

  /** Writes {@code text} to the program's stdin and closes it. */
  public void input(String text) throws IOException {
    try (var in = process.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The first group of the next line matching {@code pattern}, waiting for it. */
  public String await(Pattern pattern) throws InterruptedException {
    return await(pattern, WAIT_SECONDS);
  }

  /**
   * As {@link #await(Pattern)}, waiting up to {@code seconds}: for a peer that bounds its own work
   * and says FAIL when that runs out, so the test waits for the peer's verdict, not a shorter one.
   */
  public String await(Pattern pattern, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        throw new AssertionError("the program never printed " + pattern + "; it said:\n" + said());
      }
      seen.add(line);
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : line;
      }
    }
  }

  /** Waits for the program to end and returns everything it printed. */
  public String finish() throws InterruptedException {
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("the program did not end; it said:\n" + said());
    }
    for (String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        line != null && !line.equals(END);
        line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS)) {
      seen.add(line);
    }
    return said();
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** Everything read so far. */
  public String said() {
    List<String> all = new ArrayList<>(seen);
    lines.stream().filter(l -> !l.equals(END)).forEach(all::add);
    return String.join("\n", all) + "\n";
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
