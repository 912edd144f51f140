package dev.sockshell.background;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.bytes.ByteString;
import org.junit.jupiter.api.Test;

class EventsTest {
  private static final int CHUNK = 1 << 20;

  @Test
  void tracedChunksWaitingToBePrintedAreBoundedInBytesAndTheRestCounted() {
    Events events = new Events();
    ByteString chunk = ByteString.wrap(new byte[CHUNK]);
    for (int i = 0; i < 10; i++) {
      events.emit(new BackgroundEvent.Relayed("c", "up", chunk, true));
    }
    events.emit(new BackgroundEvent.HalfClosed("c", "up"));
    Events.Batch batch = events.drain();
    // Four chunks fit in MAX_QUEUED_BYTES; the six after them are counted; the half-close,
    // which holds no bytes, is kept so that the relay's end is still told.
    assertEquals(Events.MAX_QUEUED_BYTES / CHUNK + 1, batch.events().size());
    assertEquals(10 - Events.MAX_QUEUED_BYTES / CHUNK, batch.dropped());
    // Printed, the budget is free again.
    events.emit(new BackgroundEvent.Relayed("c", "up", chunk, true));
    assertEquals(1, events.drain().events().size());
  }

  @Test
  void eventsWithoutBytesAreBoundedInNumber() {
    Events events = new Events();
    for (int i = 0; i < Events.MAX_QUEUED + 5; i++) {
      events.emit(new BackgroundEvent.HalfClosed("c", "up"));
    }
    Events.Batch batch = events.drain();
    assertEquals(Events.MAX_QUEUED, batch.events().size());
    assertEquals(5, batch.dropped());
  }
}
