package dev.sockshell.bench;

import dev.sockshell.commands.CommandTable;
import dev.sockshell.lang.UsageError;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Reading one command line into a command: what every line of a script pays before it runs. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserBench {
  @Param({
    "sendto a b'ping' b",
    "recvfrom b",
    "connect cli ('localhost', 9999)",
    "send cli \"GET / HTTP/1.0\\r\\n\\r\\n\""
  })
  public String line;

  private final CommandTable table = CommandTable.standard();

  @Benchmark
  public CommandTable.Parsed parse() throws UsageError {
    return table.parse(line);
  }
}
