package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import java.io.Writer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A loop of 10,000 rounds keeps what the user can still refer to, not 10,000 of anything: the
 * values of its last two rounds, one /history entry, and no output (it is written, not held).
 */
class LongLoopTest {
  private static final int ROUNDS = 10_000;

  /** Counts the lines written and keeps none of them. */
  private static final class LineCounter extends Writer {
    long lines;

    @Override
    public void write(char[] chars, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (chars[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void tenThousandRoundsKeepTwoRoundsOfValuesAndOneHistoryEntry() {
    LineCounter out = new LineCounter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(out), Path.of("."))) {
      Shell.End end =
          shell.run(
              Typed.lines(
                  "socket s\nbind s 127.0.0.1:0\nrepeat "
                      + ROUNDS
                      + "\n  getsockname s\n  getsockname s\n  expect _\nend\n"));
      assertEquals(Shell.End.COMPLETED, end);
      assertEquals(2 * ROUNDS, shell.values().size(), "every value is numbered");
      assertEquals(4, shell.values().kept(), "the values of the last two rounds only");
      assertEquals(3, shell.log().size(), "socket, bind and the loop");
      assertTrue(out.lines > 2 * ROUNDS, "every value was shown: " + out.lines);
    }
  }
}
