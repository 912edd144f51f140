package dev.sockshell.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The file an AF_UNIX {@code bind} created, remembered by its identity (device and inode), so that
 * sockshell can remove it when it must re-bind the same socket on a new JDK channel (at {@code
 * listen}, after a failed {@code connect}) without ever removing a file someone else put there.
 * Closing the socket leaves the file, as the OS does.
 */
record SocketFile(Path path, Object identity) {
  /** The file just created by binding to {@code path}, or null if it cannot be seen. */
  static SocketFile created(Path path) {
    Object identity = identityOf(path);
    return identity == null ? null : new SocketFile(path, identity);
  }

  /** Removes the file if it is still the one the bind created; the path is then free again. */
  void removeIfOurs() {
    if (Objects.equals(identity, identityOf(path))) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // The re-bind that follows reports the path as in use, which is what the user can act on.
      }
    }
  }

  private static Object identityOf(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }
}
