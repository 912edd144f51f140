package dev.sockshell.commands;

import dev.sockshell.value.Value;

/** What a command that did not fail produced, for the loop to report and expectations to check. */
public sealed interface Outcome {
  /** The value an expectation compares with: Python's return value. */
  Value value();

  /**
   * A returned value, kept as {@code $N}; {@code note} explains it (e.g. "the peer closed"). {@code
   * endOfStream}: a recv that stopped at EOF, which {@code expect eof} checks.
   */
  record Returned(Value value, String note, boolean endOfStream) implements Outcome {
    public Returned(Value value, String note) {
      this(value, note, false);
    }

    public Returned(Value value) {
      this(value, null, false);
    }
  }

  /** A socket was created under a name: {@code srv ==> socket(AF_INET, SOCK_STREAM)}. */
  record Created(String name, String description) implements Outcome {
    @Override
    public Value value() {
      return new Value.SocketRef(name);
    }
  }

  /** A call that returns None in Python, with a line saying what changed. */
  record Done(String message) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** A meta command that printed what it had to say itself. */
  record Printed() implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** An expectation was checked; a failed one makes a script exit 1. */
  record Checked(boolean passed, String message) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** A script run by {@code /open} stopped at an unexpected error; so does the one around it. */
  record Stopped(String message) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** A {@code break} that ends the innermost loop now, or a {@code break if} that does not. */
  record Break(boolean holds) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /**
   * A loop ended and said why. {@code unwinds}: an error or Ctrl-C ended it, already reported, and
   * ends the loops around it too; {@code stopsRun}: the script stops there as well. {@code failure}
   * is what went wrong, for /history, or null.
   */
  record LoopEnded(String failure, boolean unwinds, boolean stopsRun) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** Run {@code line} next, as if typed again ({@code /N}); the loop shows it first. */
  record Rerun(String line) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }

  /** Leave the console or script with this status. */
  record Exit(int status) implements Outcome {
    @Override
    public Value value() {
      return Value.NONE;
    }
  }
}
