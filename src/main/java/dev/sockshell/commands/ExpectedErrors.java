package dev.sockshell.commands;

import dev.sockshell.lang.Command;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;

/**
 * Whether a script expected a command's error: the one rule that decides if a failure stops the
 * run, and what an error NAME matches.
 */
public final class ExpectedErrors {
  private ExpectedErrors() {}

  /**
   * True when {@code next}, the command after the one that raised {@code error}, takes the error
   * over, so that it does not stop the run: {@code expect error NAME} or {@code expect timeout}
   * (which then checks the name itself: a wrong one is a failed expectation, not a stop), or a
   * {@code break if} whose condition names this very error ({@code break if timeout}, {@code break
   * if error ConnectionResetError}): any other error would make the loop go round again unseen.
   */
  public static boolean takenBy(Command next, SocketError error) {
    if (next instanceof Command.ExpectError) {
      return true;
    }
    return next instanceof Command.Break b
        && b.condition() instanceof Command.ExpectError e
        && names(e.expected(), error);
  }

  /**
   * Whether {@code expected}, an errno symbol ({@code ECONNREFUSED}) or a Python exception class
   * ({@code OSError}, which its subclasses match as Python's {@code except} does), names {@code
   * error}.
   */
  static boolean names(String expected, SocketError error) {
    var errno = Errno.byName(expected);
    if (errno.isPresent()) {
      return errno.get() == error.errno();
    }
    return PyException.byName(expected).map(error.type()::isA).orElse(false);
  }
}
