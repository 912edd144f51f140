package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code @PATH} reads a file into memory, so it reads a bounded amount. */
class FileDataTest {
  @Test
  void aFileThatNeverEndsIsAnOverflowErrorPointingToSendfile() {
    SocketError e =
        assertThrows(
            SocketError.class, () -> Eval.readFile(Path.of("/dev/zero"), "/dev/zero", 1 << 20));
    assertEquals(PyException.OverflowError, e.type());
    assertEquals(
        "OverflowError: @/dev/zero holds more than the 1 MiB @PATH may read", e.toString());
    assertEquals("sendfile NAME /dev/zero sends a file of any size without reading it", e.hint());
  }
}
