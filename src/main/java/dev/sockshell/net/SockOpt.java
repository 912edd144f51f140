package dev.sockshell.net;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * Socket options by their Python names, with the level and number Python's {@code socket} module
 * gives them on Linux and the JDK option that reaches the same {@code setsockopt}.
 */
public enum SockOpt {
  SO_REUSEADDR(Level.SOL_SOCKET, 2, StandardSocketOptions.SO_REUSEADDR),
  SO_REUSEPORT(Level.SOL_SOCKET, 15, StandardSocketOptions.SO_REUSEPORT),
  SO_KEEPALIVE(Level.SOL_SOCKET, 9, StandardSocketOptions.SO_KEEPALIVE),
  SO_BROADCAST(Level.SOL_SOCKET, 6, StandardSocketOptions.SO_BROADCAST),
  SO_RCVBUF(Level.SOL_SOCKET, 8, StandardSocketOptions.SO_RCVBUF),
  SO_SNDBUF(Level.SOL_SOCKET, 7, StandardSocketOptions.SO_SNDBUF),
  SO_LINGER(Level.SOL_SOCKET, 13, StandardSocketOptions.SO_LINGER),
  /** Read-only; the JDK has no option for it: the socket's type answers. */
  SO_TYPE(Level.SOL_SOCKET, 3, null),
  /** Read-only: the pending error; the JDK has no option for it (see StreamSocket). */
  SO_ERROR(Level.SOL_SOCKET, 4, null),
  TCP_NODELAY(Level.IPPROTO_TCP, 1, StandardSocketOptions.TCP_NODELAY),
  /** Java 17 has no option for it: see {@link SocketOptions}. */
  IPV6_V6ONLY(Level.IPPROTO_IPV6, 26, null),
  IP_MULTICAST_TTL(Level.IPPROTO_IP, 33, StandardSocketOptions.IP_MULTICAST_TTL),
  IP_MULTICAST_LOOP(Level.IPPROTO_IP, 34, StandardSocketOptions.IP_MULTICAST_LOOP);

  /** Option levels ({@code setsockopt}'s second argument). */
  public enum Level {
    SOL_SOCKET(1),
    IPPROTO_IP(0),
    IPPROTO_TCP(6),
    IPPROTO_IPV6(41);

    private final int number;

    Level(int number) {
      this.number = number;
    }

    public int number() {
      return number;
    }

    public static Optional<Level> byName(String name) {
      for (Level l : values()) {
        if (l.name().equals(name.toUpperCase(Locale.ROOT))) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }
  }

  private final Level level;
  private final int number;
  private final SocketOption<?> jdk;

  SockOpt(Level level, int number, SocketOption<?> jdk) {
    this.level = level;
    this.number = number;
    this.jdk = jdk;
  }

  public Level level() {
    return level;
  }

  public int number() {
    return number;
  }

  /** The JDK's option, or null when the JDK has none. */
  SocketOption<?> jdk() {
    return jdk;
  }

  /** True for the options getsockopt reads and setsockopt refuses (ENOPROTOOPT). */
  public boolean isReadOnly() {
    return this == SO_TYPE || this == SO_ERROR;
  }

  /** True for on/off options, whose value Linux reads as {@code value != 0}. */
  public boolean isFlag() {
    return jdk != null ? jdk.type() == Boolean.class : this == IPV6_V6ONLY;
  }

  public static Optional<SockOpt> byName(String name) {
    for (SockOpt o : values()) {
      if (o.name().equals(name.toUpperCase(Locale.ROOT))) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
