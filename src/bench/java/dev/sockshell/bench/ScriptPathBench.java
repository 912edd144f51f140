package dev.sockshell.bench;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.LineSource;
import dev.sockshell.repl.Shell;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One round of the UDP row of {@code src/bench/run.sh} (sendto, recvfrom, sendto, recvfrom) as a
 * script runs it: each line echoed, parsed, run on real loopback sockets, logged, traced and its
 * value printed (to a null stream). Forked with the launcher's JIT flag (C1 only), so ns/op is the
 * per-round cost a script pays once compiled; with {@code -prof gc}, gc.alloc.rate.norm is the
 * garbage a round makes. A fresh session per iteration: a session keeps every value and command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:TieredStopAtLevel=1")
public class ScriptPathBench {
  private static final List<String> SETUP =
      List.of(
          "socket a AF_INET SOCK_DGRAM",
          "bind a 127.0.0.1:0",
          "socket b AF_INET SOCK_DGRAM",
          "bind b 127.0.0.1:0");

  private static final List<String> ROUND =
      List.of("sendto a b'ping' b", "recvfrom b", "sendto b b'pong' a", "recvfrom a");

  private Shell shell;

  @Setup(Level.Iteration)
  public void setUp() {
    shell = new Shell(new Session(), new PlainOutput(OutputStream.nullOutputStream()), Path.of(""));
    shell.run(new Lines(SETUP));
  }

  @TearDown(Level.Iteration)
  public void tearDown() {
    shell.close();
  }

  @Benchmark
  public Shell.End udpRound() {
    return shell.run(new Lines(ROUND));
  }

  /** Lines of a script held in memory. */
  private static final class Lines implements LineSource {
    private final List<String> lines;
    private int next;

    Lines(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public Line next() {
      return next < lines.size() ? new Line(lines.get(next), ++next) : null;
    }

    @Override
    public String name() {
      return "bench.socks";
    }

    @Override
    public Path baseDirectory() {
      return Path.of("");
    }

    @Override
    public boolean isInteractive() {
      return false;
    }
  }
}
