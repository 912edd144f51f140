package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code wait} tells and in which order: the background's news before its own answer. */
class WaiterTest {
  @Test
  void newsThatCameAsTheWaitEndedIsToldBeforeItReturns() throws SocketError {
    try (Waiter waiter = new Waiter()) {
      List<String> told = new ArrayList<>();
      waiter.setOnWake(() -> told.add("event"), false);
      // The background's last event wakes the wait and its work ends at once: `wait` must print
      // that event before its "no background work left", not after it.
      boolean done =
          waiter.pause(
              5,
              () -> {
                waiter.wakeup();
                return true;
              },
              "wait");
      assertTrue(done);
      assertEquals(List.of("event"), told);
    }
  }
}
