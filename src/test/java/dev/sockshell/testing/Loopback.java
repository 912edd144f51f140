package dev.sockshell.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** What the machine's loopback offers, for tests that skip (with the reason) when it lacks it. */
public final class Loopback {
  private Loopback() {}

  /** True when a socket can bind ::1 (some containers run with IPv6 disabled). */
  public static boolean hasIpv6() {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
      return s.getInetAddress() instanceof Inet6Address;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A TCP port on 127.0.0.1 that was free a moment ago, for a program that needs its port written
   * in (the tutorial's programs and scripts) when it runs beside other test runs on one machine.
   */
  public static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A UDP port on 127.0.0.1 that was free a moment ago. */
  public static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
