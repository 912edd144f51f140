package dev.sockshell.bench;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.SockAddress;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.render.Repr;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.value.Value;
import java.io.Writer;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Showing a result: Python's repr of a recvfrom pair, and a line through script output. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RenderBench {
  private Value received;
  private Value escaped;
  private PlainOutput out;

  @Setup
  public void setUp() throws Exception {
    SockAddress from = new SockAddress.Inet(InetAddress.getByName("127.0.0.1"), 40000);
    received = Value.Tuple.of(new Value.Bytes(ByteString.utf8("pong")), new Value.Address(from));
    escaped = new Value.Bytes(ByteString.of(new byte[] {0x1b, '[', '2', 'J', '\r', '\n', 0, -1}));
    out = new PlainOutput(Writer.nullWriter());
  }

  @Benchmark
  public String reprOfARecvfromPair() {
    return Repr.of(received);
  }

  @Benchmark
  public String reprOfBytesToEscape() {
    return Repr.of(escaped);
  }

  @Benchmark
  public void valueLineToScriptOutput() {
    out.println(
        Styled.builder()
            .add(Style.VALUE_NAME, "$40000")
            .plain(" ==> ")
            .add(Style.VALUE, Repr.of(received))
            .build());
  }
}
