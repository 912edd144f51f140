package dev.sockshell.testing;

import dev.sockshell.net.Waiter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A waiter listener that lets a test wait, with a bound, until a call starts waiting. */
public final class WaitLatch implements Waiter.Listener {
  private final CountDownLatch waiting = new CountDownLatch(1);

  @Override
  public void waiting(String what) {
    waiting.countDown();
  }

  @Override
  public void doneWaiting() {}

  /** True once a call started waiting, false if none did within 10 seconds. */
  public boolean awaitWaiting() throws InterruptedException {
    return waiting.await(10, TimeUnit.SECONDS);
  }
}
