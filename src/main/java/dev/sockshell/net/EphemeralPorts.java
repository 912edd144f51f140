package dev.sockshell.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The range the OS picks ports from when a socket binds to port 0 or connects unbound: Linux's
 * {@code ip_local_port_range}, else IANA's dynamic range, 49152-65535.
 */
public final class EphemeralPorts {
  private static final int[] RANGE = range();

  private EphemeralPorts() {}

  public static boolean contains(int port) {
    return port >= RANGE[0] && port <= RANGE[1];
  }

  private static int[] range() {
    try {
      // Not Files.readString: it trusts the size procfs reports (0) and returns one byte.
      String[] parts =
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
              .get(0)
              .trim()
              .split("\\s+");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {49152, 65535};
    }
  }
}
