package dev.sockshell.net;

import dev.sockshell.i18n.Text;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * getsockopt and setsockopt on a JDK channel, answering what Linux would: through the JDK where it
 * has the option; Linux's own refusals for an option that does not apply to the socket's family or
 * type (measured with Python, since the JDK refuses them before the OS is asked); and one line
 * naming the JVM's limitation where Linux would accept an option the JDK cannot reach. Never a
 * value the OS does not have.
 */
final class SocketOptions {
  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

  /**
   * Options a Linux TCP listener passes to every connection it accepts. A ServerSocketChannel
   * cannot hold them, so sockshell sets them on each accepted connection itself.
   */
  private static final Set<SockOpt> INHERITED =
      EnumSet.of(SockOpt.SO_KEEPALIVE, SockOpt.TCP_NODELAY, SockOpt.SO_LINGER, SockOpt.SO_SNDBUF);

  private SocketOptions() {}

  static boolean isInherited(SockOpt option) {
    return INHERITED.contains(option);
  }

  /**
   * The errno Linux gives for this option on a socket of this family and type, if it refuses it
   * whatever the value (as Python 3.11 on Linux 6 reports it).
   *
   * @param bound whether the socket has a local port (IPV6_V6ONLY can only change before that)
   */
  static Optional<Errno> linuxRefusal(
      SockOpt option, Family family, SockType type, boolean set, boolean bound) {
    if (set && option.isReadOnly()) {
      return Optional.of(Errno.ENOPROTOOPT);
    }
    if (family == Family.AF_UNIX) {
      // Unix sockets have only SOL_SOCKET options, and no SO_REUSEPORT to switch on.
      if (option.level() != SockOpt.Level.SOL_SOCKET || set && option == SockOpt.SO_REUSEPORT) {
        return Optional.of(Errno.EOPNOTSUPP);
      }
      return Optional.empty();
    }
    switch (option) {
      case TCP_NODELAY:
        if (type == SockType.SOCK_DGRAM) {
          // udp_getsockopt answers EOPNOTSUPP for IPv4 and ENOPROTOOPT for IPv6; set always
          // ENOPROTOOPT.
          boolean enoprotoopt = set || family == Family.AF_INET6;
          return Optional.of(enoprotoopt ? Errno.ENOPROTOOPT : Errno.EOPNOTSUPP);
        }
        return Optional.empty();
      case IPV6_V6ONLY:
        if (family == Family.AF_INET) {
          return Optional.of(set ? Errno.ENOPROTOOPT : Errno.EOPNOTSUPP);
        }
        return set && bound ? Optional.of(Errno.EINVAL) : Optional.empty();
      case IP_MULTICAST_TTL:
        return set && type == SockType.SOCK_STREAM ? Optional.of(Errno.EINVAL) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  static boolean jdkHas(NetworkChannel channel, SockOpt option) {
    return option.jdk() != null && channel.supportedOptions().contains(option.jdk());
  }

  /** Sets {@code option} through the JDK, which must have it. */
  static void set(NetworkChannel channel, SockOpt option, OptionValue value) throws SocketError {
    try {
      setJdk(channel, option.jdk(), jdkValue(option, value));
    } catch (IOException e) {
      throw JdkErrors.map(e);
    } catch (IllegalArgumentException e) {
      throw SocketError.of(Errno.EINVAL).withHint(Text.get("hint.option.range", value, option));
    }
  }

  /**
   * The value to hand the JDK for what Linux would make of {@code value}: flags are {@code value !=
   * 0}; a negative buffer size is a huge unsigned one, which Linux clamps to the maximum as it does
   * {@code Integer.MAX_VALUE} (the JDK refuses negatives); a multicast TTL of -1 means the default,
   * 1; an SO_LINGER that is off is the JDK's -1.
   */
  private static Object jdkValue(SockOpt option, OptionValue value) {
    if (value instanceof OptionValue.Linger l) {
      return l.on() ? l.seconds() : -1;
    }
    int n = ((OptionValue.Int) value).value();
    return switch (option) {
      case SO_RCVBUF, SO_SNDBUF -> n < 0 ? Integer.MAX_VALUE : n;
      case IP_MULTICAST_TTL -> n == -1 ? 1 : n;
      default -> option.isFlag() ? (Object) (n != 0) : (Object) n;
    };
  }

  @SuppressWarnings("unchecked")
  private static void setJdk(NetworkChannel channel, SocketOption<?> option, Object value)
      throws IOException {
    channel.setOption((SocketOption<Object>) option, value);
  }

  /** The option's value as the OS reports it, read through the JDK, which must have it. */
  static OptionValue get(NetworkChannel channel, SockOpt option) throws SocketError {
    Object value;
    try {
      value = channel.getOption(option.jdk());
    } catch (IOException e) {
      throw JdkErrors.map(e);
    }
    if (value instanceof Boolean b) {
      return new OptionValue.Int(b ? 1 : 0);
    }
    int n = (Integer) value;
    return switch (option) {
      // The JDK's -1 is l_onoff 0; it always sets l_linger 0 with it.
      case SO_LINGER -> new OptionValue.Linger(n >= 0, Math.max(n, 0));
      // Linux doubles SO_RCVBUF/SO_SNDBUF for bookkeeping and getsockopt reports the doubled
      // value; the JDK halves it to look symmetric. Python shows the OS's number.
      case SO_RCVBUF, SO_SNDBUF -> new OptionValue.Int(LINUX ? n * 2 : n);
      default -> new OptionValue.Int(n);
    };
  }

  /**
   * {@code set SO_BROADCAST on a SOCK_STREAM socket: Java 17's SocketChannel has no such option}.
   */
  static SocketError jvmCannot(String verb, SockOpt option, NetworkChannel channel) {
    String kind =
        channel instanceof ServerSocketChannel
            ? "listening"
            : channel instanceof DatagramChannel ? "dgram" : "stream";
    return SocketError.jvmCannot(Text.get("jvm.cannot.option." + verb + "." + kind, option))
        .withHint(Text.get(verb.equals("set") ? "hint.option.linux.set" : "hint.option.linux.get"));
  }
}
