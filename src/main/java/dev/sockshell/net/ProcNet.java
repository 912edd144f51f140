package dev.sockshell.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

  /** One socket of the table; {@code rxQueue} is bytes, or waiting clients for a listener. */
  record Row(InetSocketAddress local, InetSocketAddress remote, int state, long rxQueue) {}

  /** One table, indexed: with ten thousand sockets a scan per lookup would be quadratic. */
  private record Table(
      Map<InetSocketAddress, List<Row>> byLocal, Map<InetSocketAddress, List<Row>> byRemote) {
    static Table of(List<Row> rows) {
      Map<InetSocketAddress, List<Row>> byLocal = new HashMap<>();
      Map<InetSocketAddress, List<Row>> byRemote = new HashMap<>();
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
    Row found = null;
    for (Row row : table("tcp", family).byLocal().getOrDefault(local, List.of())) {
      boolean match = remote == null ? row.state() == LISTEN : row.remote().equals(remote);
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
    return table("tcp", family).byRemote().getOrDefault(remote, List.of()).stream()
        .filter(r -> r.state() != TIME_WAIT)
        .toList();
  }

  /** The UDP socket bound to {@code local}. */
  Optional<Row> udp(Family family, InetSocketAddress local) {
    return table("udp", family).byLocal().getOrDefault(local, List.of()).stream().findFirst();
  }

  /** An AF_INET6 socket (even one on an IPv4-mapped address) is in the "6" table. */
  private Table table(String protocol, Family family) {
    String file = family == Family.AF_INET6 ? protocol + "6" : protocol;
    return tables.computeIfAbsent(file, f -> Table.of(rows(f)));
  }

  private static List<Row> rows(String file) {
    List<Row> rows = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(DIR.resolve(file));
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        parse(line).ifPresent(rows::add);
      }
    } catch (IOException | RuntimeException e) {
      // No such table (no IPv6): no rows.
    }
    return rows;
  }

  /** {@code sl local_address rem_address st tx_queue:rx_queue …}, addresses in hex. */
  static Optional<Row> parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 5) {
      return Optional.empty();
    }
    try {
      String rx = f[4].substring(f[4].indexOf(':') + 1);
      return Optional.of(
          new Row(
              address(f[1]), address(f[2]), Integer.parseInt(f[3], 16), Long.parseLong(rx, 16)));
    } catch (NumberFormatException | UnknownHostException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code 0100007F:1F90} is 127.0.0.1:8080: the address is the kernel's 32-bit words, each printed
   * as a host-order number, so on a little-endian machine each word's bytes are reversed.
   */
  private static InetSocketAddress address(String hex) throws UnknownHostException {
    int colon = hex.indexOf(':');
    String words = hex.substring(0, colon);
    ByteBuffer bytes = ByteBuffer.allocate(words.length() / 2).order(ByteOrder.nativeOrder());
    for (int i = 0; i < words.length(); i += 8) {
      bytes.putInt((int) Long.parseLong(words.substring(i, i + 8), 16));
    }
    InetAddress address = InetAddress.getByAddress(bytes.array());
    return new InetSocketAddress(address, Integer.parseInt(hex.substring(colon + 1), 16));
  }
}
