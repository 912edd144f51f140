package dev.sockshell.python;

import dev.sockshell.commands.Context;
import dev.sockshell.commands.Outcome;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;

/**
 * What the interpreter needs from the loop that runs it: the session, a way to run a socket call as
 * its command (reported as the command would be), standard input and output, Ctrl-C, and the
 * stepping hook. The loop ({@code repl}) implements it; the interpreter never prints by itself.
 */
public interface Host {
  Context context();

  /**
   * Runs {@code command} through its handler and reports it as typed commands are reported
   * (feedback line, value, verbose Python), but not its error: a failed call is a Python exception,
   * which the program may catch.
   *
   * @param python the Python source of the call, for the log and verbose feedback
   */
  Outcome run(Command command, String python) throws SocketError, UsageError;

  /** Python's standard output: text as print writes it, newlines included. */
  void print(String text);

  /** Python's standard error (tracebacks, {@code print(..., file=sys.stderr)}). */
  void printError(String text);

  /** A line of standard input without its newline, or null at the end of input. */
  String input(String prompt);

  /** True once for each Ctrl-C the user pressed since the last call. */
  boolean takeInterrupt();

  /**
   * Called before each statement of a program runs, with where it is: a stepping host waits here.
   */
  default void beforeStatement(String file, int line) {}
}
