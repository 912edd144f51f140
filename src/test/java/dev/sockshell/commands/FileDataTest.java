package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @PATH} reads a file into memory, so it reads a bounded amount. */
class FileDataTest {
  @Test
  void aFileThatNeverEndsIsAnOverflowErrorThatDoesNotPointToSendfile() {
    SocketError e =
        assertThrows(
            SocketError.class, () -> Eval.readFile(Path.of("/dev/zero"), "/dev/zero", 1 << 20));
    assertEquals(PyException.OverflowError, e.type());
    assertEquals(
        "OverflowError: @/dev/zero holds more than the 1 MiB @PATH may read", e.toString());
    // sendfile sends a file's size, which is 0 for /dev/zero.
    assertEquals(
        "/dev/zero is not a regular file and may never end; sendfile would send 0 bytes of it, as"
            + " Python's does",
        e.hint());
  }

  @Test
  void aRegularFileTooLargeToReadPointsToSendfile(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.bin");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength((1 << 20) + 1); // sparse: nothing written
    }
    SocketError e = assertThrows(SocketError.class, () -> Eval.readFile(big, "big.bin", 1 << 20));
    assertEquals("OverflowError: @big.bin holds more than the 1 MiB @PATH may read", e.toString());
    assertEquals("sendfile NAME big.bin sends a file of any size without reading it", e.hint());
  }
}
