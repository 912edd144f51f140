package dev.sockshell.repl;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the loop's lines come from: the console, a script file, piped stdin. The loop treats them
 * all alike; only {@link #isInteractive} changes how errors end a run.
 */
public interface LineSource {
  /** One line and where it came from. */
  record Line(String text, int number) {}

  /** The next line, or null at the end of the input. */
  Line next() throws IOException;

  /**
   * Asks the source to run {@code flush} before it waits for input that has not arrived yet, so
   * that whoever feeds it lines through a pipe sees the answers to the lines already sent.
   */
  default void flushBeforeWaiting(Runnable flush) {}

  /**
   * Python's {@code input(prompt)}: a line the person types after {@code prompt}, or null where the
   * source cannot ask (a script) or at the end of input.
   */
  default String input(String prompt) throws IOException {
    return null;
  }

  /** The name used in messages ({@code demo.socks}), or null for the console. */
  String name();

  /** The directory relative paths in this source are resolved against. */
  Path baseDirectory();

  /**
   * True for a person at a prompt: errors do not stop anything, and lines are not echoed because
   * the terminal already shows them.
   */
  boolean isInteractive();
}
