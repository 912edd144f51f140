package dev.sockshell.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Linux's tables of the sockets it has, {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code
 * udp6}, read once per snapshot: a socket's TCP state and queue lengths, which tell what a peer did
 * without reading from the socket. Measured on Linux: a peer's FIN moves the socket to CLOSE_WAIT
 * (TIME_WAIT if it had shut down first), a reset removes it from the table, and a listening
 * socket's rx_queue is the number of connections waiting to be accepted.
 */
final class ProcNet {
  /** TCP states as the kernel numbers them. */
  static final int ESTABLISHED = 0x01;

  static final int SYN_SENT = 0x02;
  static final int TIME_WAIT = 0x06;
  static final int CLOSE = 0x07;
  static final int CLOSE_WAIT = 0x08;
  static final int LAST_ACK = 0x09;
  static final int LISTEN = 0x0A;
  static final int CLOSING = 0x0B;

  private static final Path DIR = Path.of("/proc/net");

  /**
   * One socket of the table; {@code rxQueue} is bytes, or waiting clients for a listener. The
   * addresses stay as the kernel writes them ({@link #key}): with ten thousand sockets, turning
   * every row into Java addresses made each look-up allocate tens of megabytes.
   */
  record Row(String local, String remote, int state, long rxQueue, long txQueue, long timer) {}

  /** One table, indexed by local and by remote address. */
  private record Table(Map<String, List<Row>> byLocal, Map<String, List<Row>> byRemote) {
    static Table of(List<Row> rows) {
      Map<String, List<Row>> byLocal = new HashMap<>();
      Map<String, List<Row>> byRemote = new HashMap<>();
      for (Row row : rows) {
        byLocal.computeIfAbsent(row.local(), a -> new ArrayList<>(1)).add(row);
        byRemote.computeIfAbsent(row.remote(), a -> new ArrayList<>(1)).add(row);
      }
      return new Table(byLocal, byRemote);
    }
  }

  /** Tables by file, each read when first searched. */
  private final Map<String, Table> tables = new HashMap<>();

  private ProcNet() {}

  /** The tables, read when first searched, or empty where there are none (not Linux). */
  static Optional<ProcNet> read() {
    return Files.isReadable(DIR.resolve("tcp")) ? Optional.of(new ProcNet()) : Optional.empty();
  }

  /**
   * The TCP socket from {@code local} to {@code remote}, or the listener on {@code local} when
   * {@code remote} is null. A connection that ended in TIME_WAIT can leave an older row with the
   * same addresses, so a live row wins.
   */
  Optional<Row> tcp(Family family, InetSocketAddress local, InetSocketAddress remote) {
    boolean v6 = family == Family.AF_INET6;
    String remoteKey = remote == null ? null : key(remote, v6);
    Row found = null;
    for (Row row : table("tcp", family).byLocal().getOrDefault(key(local, v6), List.of())) {
      boolean match = remote == null ? row.state() == LISTEN : row.remote().equals(remoteKey);
      if (match && (found == null || found.state() == TIME_WAIT)) {
        found = row;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The live TCP sockets connected or connecting to {@code remote}. A connect in progress has no
   * local address the JDK will tell, so this is how to find it.
   */
  List<Row> tcpTo(Family family, InetSocketAddress remote) {
    String remoteKey = key(remote, family == Family.AF_INET6);
    return table("tcp", family).byRemote().getOrDefault(remoteKey, List.of()).stream()
        .filter(r -> r.state() != TIME_WAIT)
        .toList();
  }

  /** The UDP socket bound to {@code local}. */
  Optional<Row> udp(Family family, InetSocketAddress local) {
    String localKey = key(local, family == Family.AF_INET6);
    return table("udp", family).byLocal().getOrDefault(localKey, List.of()).stream().findFirst();
  }

  /** An AF_INET6 socket (even one on an IPv4-mapped address) is in the "6" table. */
  private Table table(String protocol, Family family) {
    String file = family == Family.AF_INET6 ? protocol + "6" : protocol;
    return tables.computeIfAbsent(file, f -> Table.of(rows(f)));
  }

  private static List<Row> rows(String file) {
    List<Row> rows = new ArrayList<>();
    try {
      String text = new String(Files.readAllBytes(DIR.resolve(file)), StandardCharsets.US_ASCII);
      int start = text.indexOf('\n') + 1; // after the header
      while (start > 0 && start < text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        parse(text.substring(start, end)).ifPresent(rows::add);
        start = end + 1;
      }
    } catch (IOException | RuntimeException e) {
      // No such table (no IPv6): no rows.
    }
    return rows;
  }

  /**
   * {@code sl local_address rem_address st tx_queue:rx_queue tr:tm->when …}, addresses in hex;
   * {@code tm->when} is what is left of the timer in clock ticks (USER_HZ, 100 a second on Linux).
   */
  static Optional<Row> parse(String line) {
    String[] f = new String[6];
    int n = 0;
    int i = 0;
    while (n < f.length) {
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      int from = i;
      while (i < line.length() && line.charAt(i) != ' ') {
        i++;
      }
      if (from == i) {
        return Optional.empty();
      }
      f[n++] = line.substring(from, i);
    }
    try {
      int colon = f[4].indexOf(':');
      long rx = Long.parseLong(f[4].substring(colon + 1), 16);
      long tx = Long.parseLong(f[4].substring(0, colon), 16);
      long timer = Long.parseLong(f[5].substring(f[5].indexOf(':') + 1), 16);
      return Optional.of(new Row(f[1], f[2], Integer.parseInt(f[3], 16), rx, tx, timer));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code address} as the kernel writes it: {@code 0100007F:1F90} is 127.0.0.1:8080. The address
   * is the kernel's 32-bit words, each printed as a host-order number, so on a little-endian
   * machine each word's bytes are reversed; in the "6" tables an IPv4 address is IPv4-mapped.
   */
  static String key(InetSocketAddress address, boolean v6Table) {
    byte[] ip = address.getAddress().getAddress();
    if (v6Table && ip.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(ip, 0, mapped, 12, 4);
      ip = mapped;
    }
    ByteBuffer words = ByteBuffer.wrap(ip).order(ByteOrder.nativeOrder());
    char[] key = new char[ip.length * 2 + 5];
    int at = 0;
    while (words.hasRemaining()) {
      at = hex(words.getInt(), 8, key, at);
    }
    key[at++] = ':';
    hex(address.getPort(), 4, key, at);
    return new String(key);
  }

  /** Writes the low {@code digits} hex digits of {@code value}, upper case, into {@code out}. */
  private static int hex(int value, int digits, char[] out, int at) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out[at++] = HEX[(value >>> shift) & 0xF];
    }
    return at;
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
