package dev.sockshell.repl;

/**
 * How long the running command has taken, and how much of it it spent waiting (blocked in a call
 * until a peer acted, or its timeout): what {@code /set timing on} shows after each command. The
 * waits are told by the session's {@code Waiter.Listener}.
 */
final class CallClock {
  private long started;
  private long waited;
  private long waitStarted = -1;

  void start() {
    started = System.nanoTime();
    waited = 0;
    waitStarted = -1;
  }

  void waiting() {
    waitStarted = System.nanoTime();
  }

  void doneWaiting() {
    if (waitStarted >= 0) {
      waited += System.nanoTime() - waitStarted;
      waitStarted = -1;
    }
  }

  /** Nanoseconds since {@link #start}. */
  long took() {
    return System.nanoTime() - started;
  }

  /** Nanoseconds the command spent waiting. */
  long waited() {
    return waited;
  }
}
