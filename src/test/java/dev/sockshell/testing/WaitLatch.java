package dev.sockshell.testing;

import dev.sockshell.net.Waiter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells a test when a blocking call has started to wait, so it can then cancel it. */
public final class WaitLatch implements Waiter.Listener {
  private final CountDownLatch waiting = new CountDownLatch(1);

  @Override
  public void waiting(String what) {
    waiting.countDown();
  }

  @Override
  public void doneWaiting() {}

  /** True once a call waits; false if none did within ten seconds. */
  public boolean await() throws InterruptedException {
    return waiting.await(10, TimeUnit.SECONDS);
  }
}
