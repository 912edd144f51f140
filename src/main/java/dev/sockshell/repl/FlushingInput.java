package dev.sockshell.repl;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A script's input that runs a flush before it waits for bytes that have not arrived. Script output
 * is buffered for speed; a program feeding sockshell through a pipe, line by line, waits for the
 * answers to the lines it has sent, and would wait for ever on output still sitting in the buffer.
 * It sits under the line buffer, so it is asked only when that buffer is empty: a file costs one
 * check per buffer refill, not one per line.
 */
final class FlushingInput extends FilterInputStream {
  /** Null until the shell gives its output's flush. */
  private Runnable flush;

  FlushingInput(InputStream in) {
    super(in);
  }

  /** What to run before waiting; the shell's output flush. */
  void setFlush(Runnable flush) {
    this.flush = flush;
  }

  @Override
  public int read() throws IOException {
    flushIfNothingWaits();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    flushIfNothingWaits();
    return super.read(b, off, len);
  }

  private void flushIfNothingWaits() {
    boolean mayWait;
    try {
      mayWait = in.available() == 0;
    } catch (IOException e) {
      mayWait = true; // the read will tell what is wrong; flushing first loses nothing
    }
    if (mayWait && flush != null) {
      flush.run();
    }
  }
}
