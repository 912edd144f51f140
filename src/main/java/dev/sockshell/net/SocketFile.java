package dev.sockshell.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The file an AF_UNIX {@code bind} created, remembered by its identity (a socket file's device and
 * inode), so that sockshell can remove it when it must re-bind the same socket on a new JDK channel
 * (at {@code listen}, after a failed {@code connect}) without ever removing a file someone else put
 * there. Closing the socket leaves the file, as the OS does.
 */
record SocketFile(Path path, Object identity) {
  /** The file just created by binding to {@code path}, or null if it cannot be seen. */
  static SocketFile created(Path path) {
    Object identity = identityOf(path);
    return identity == null ? null : new SocketFile(path, identity);
  }

  /** Removes the file if it is still the one the bind created; the path is then free again. */
  void removeIfOurs() {
    Object now = identityOf(path);
    if (now != null && now.equals(identity)) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // The re-bind that follows reports the path as in use, which is what the user can act on.
      }
    }
  }

  /** The file's device and inode, if it is a socket file (neither regular, directory nor link). */
  private static Object identityOf(Path path) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attributes.isOther() ? attributes.fileKey() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
