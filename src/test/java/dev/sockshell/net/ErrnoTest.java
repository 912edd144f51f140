package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class ErrnoTest {
  @Test
  void aFileProblemIsSaidInStrerrorWordsNotAsTheBarePathTheJdkGives() {
    // The JDK's message of these is the path alone: "cannot read x: x" told the user nothing.
    assertEquals("Permission denied", Errno.fileReason(new AccessDeniedException("/tmp/x")));
    assertEquals("No such file or directory", Errno.fileReason(new NoSuchFileException("/x")));
    assertEquals(
        "Is a directory",
        Errno.fileReason(new FileSystemException("/tmp", null, "Is a directory")));
    assertEquals("disk on fire", Errno.fileReason(new IOException("disk on fire")));
  }
}
