package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rows of Linux's /proc/net/tcp{,6}, as measured on a little-endian machine. */
class ProcNetTest {
  @Test
  void readsAnIpv4RowWithItsStateAndQueue() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    ProcNet.Row row =
        ProcNet.parse(
                "   1: 0100007F:C113 0100007F:9944 08 00000000:00000006 00:00000000 00000000"
                    + "     0        0 123 1 0000000000000000 20 4 30 10 -1")
            .orElseThrow();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    assertEquals(ProcNet.key(new InetSocketAddress(loopback, 0xC113), false), row.local());
    assertEquals(ProcNet.key(new InetSocketAddress(loopback, 0x9944), false), row.remote());
    assertEquals(ProcNet.CLOSE_WAIT, row.state());
    assertEquals(6, row.rxQueue());
  }

  @Test
  void readsAnIpv6Row() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    ProcNet.Row row =
        ProcNet.parse(
                "   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000"
                    + " 0A 00000000:00000002 00:00000000 00000000     0        0 99 1")
            .orElseThrow();
    assertEquals(
        ProcNet.key(new InetSocketAddress(InetAddress.getByName("::1"), 8080), true), row.local());
    assertEquals(ProcNet.LISTEN, row.state());
    assertEquals(2, row.rxQueue());
  }

  @Test
  void addressesAreWrittenAsTheKernelWritesThem() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    assertEquals("0100007F:1F90", ProcNet.key(new InetSocketAddress(loopback, 8080), false));
    assertEquals(
        "00000000000000000000000001000000:0050",
        ProcNet.key(new InetSocketAddress(InetAddress.getByName("::1"), 80), true));
    // An IPv4 address of an AF_INET6 socket is listed IPv4-mapped in tcp6.
    assertEquals(
        "0000000000000000FFFF00000100007F:0050",
        ProcNet.key(new InetSocketAddress(loopback, 80), true));
  }

  @Test
  void aHeaderOrBrokenLineIsNoRow() {
    assertEquals(
        Optional.empty(), ProcNet.parse("  sl  local_address rem_address   st tx_queue rx_queue"));
    assertEquals(Optional.empty(), ProcNet.parse("   1: 0100007F:C113"));
  }
}
