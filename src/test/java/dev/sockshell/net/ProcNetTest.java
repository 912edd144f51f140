package dev.sockshell.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
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
    assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0xC113), row.local());
    assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0x9944), row.remote());
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
    assertEquals(new InetSocketAddress(InetAddress.getByName("::1"), 8080), row.local());
    assertEquals(ProcNet.LISTEN, row.state());
    assertEquals(2, row.rxQueue());
  }

  @Test
  void aHeaderOrBrokenLineIsNoRow() {
    assertEquals(
        java.util.Optional.empty(),
        ProcNet.parse("  sl  local_address rem_address   st tx_queue rx_queue"));
  }
}
