package dev.sockshell.lang;

import dev.sockshell.net.Family;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SockType;
import dev.sockshell.net.Timeout;
import dev.sockshell.net.TlsSettings;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every command as an immutable, validated value: the grammar on one screen. A line becomes one of
 * these before any socket is touched; {@code commands.CommandSpec} says how each is read,
 * documented and run.
 */
public sealed interface Command {
  // Sockets: Python's socket() and the calls on a socket object.
  record Socket(String name, Family family, SockType type) implements Command {}

  record SetSockOpt(String name, SockOpt option, OptionValue value) implements Command {}

  record GetSockOpt(String name, SockOpt option) implements Command {}

  record Bind(String name, AddrExpr address) implements Command {}

  /** {@code backlog} null: Python's default, {@code min(SOMAXCONN, 128)}. */
  record Listen(String name, Integer backlog) implements Command {}

  /** {@code newName} null: an automatic name. */
  record Accept(String name, String newName) implements Command {}

  record Connect(String name, AddrExpr address) implements Command {}

  /** {@code frame}: a 4-byte big-endian length first, and every byte sent (as sendall does). */
  record Send(String name, DataExpr data, boolean frame) implements Command {
    public Send(String name, DataExpr data) {
      this(name, data, false);
    }
  }

  record SendAll(String name, DataExpr data) implements Command {}

  /**
   * {@code framing} null: one recv(2) of up to {@code bufsize} bytes. With a framing, one message;
   * {@code bufsize} is then the most bytes {@code --until} returns, or the largest frame accepted.
   */
  record Recv(String name, int bufsize, Framing framing) implements Command {
    public Recv(String name, int bufsize) {
      this(name, bufsize, null);
    }
  }

  /** How {@code recv} cuts one message out of a byte stream: the sticky-packet (粘包) fixes. */
  sealed interface Framing {
    /** {@code --exact N}: N bytes, fewer only at EOF (fixed-length messages). */
    record Exact(int size) implements Framing {}

    /** {@code --until DELIM}: up to and including the delimiter. */
    record Until(DataExpr delimiter) implements Framing {}

    /** {@code --frame len32}: a 4-byte big-endian length, then that many bytes. */
    record Len32() implements Framing {}
  }

  record SendTo(String name, DataExpr data, AddrExpr address) implements Command {}

  record RecvFrom(String name, int bufsize) implements Command {}

  record Shutdown(String name, ShutdownHow how) implements Command {}

  record Close(String name) implements Command {}

  record GetSockName(String name) implements Command {}

  record GetPeerName(String name) implements Command {}

  record SetTimeout(String name, Timeout timeout) implements Command {}

  record GetTimeout(String name) implements Command {}

  record SetBlocking(String name, boolean blocking) implements Command {}

  /** Python's {@code select.select(read, write, [], timeout)}; BLOCKING waits without limit. */
  record Select(List<String> read, List<String> write, Timeout timeout) implements Command {
    public Select {
      read = List.copyOf(read);
      write = List.copyOf(write);
    }
  }

  // Files through a socket.
  /** {@code count} null: until the end of the file. */
  record SendFile(String name, String path, long offset, Long count) implements Command {}

  /** {@code count} null: until EOF. */
  record RecvFile(String name, String path, Long count) implements Command {}

  // TLS under a stream socket: Python's ssl module.
  /**
   * {@code tls NAME [options]}: paths as typed (resolved from the script's directory when run);
   * {@code selfSigned} the common name of {@code --self-signed}, or null.
   */
  record Tls(
      String name,
      boolean server,
      String serverHostname,
      boolean insecure,
      String cafile,
      List<String> alpn,
      String version,
      String cert,
      String key,
      String selfSigned,
      TlsSettings.ClientCert clientCert)
      implements Command {
    public Tls {
      alpn = List.copyOf(alpn);
    }

    /** The same handshake, checking and sending {@code host} as the server's name. */
    public Tls withServerHostname(String host) {
      return new Tls(
          name, server, host, insecure, cafile, alpn, version, cert, key, selfSigned, clientCert);
    }
  }

  record Unwrap(String name) implements Command {}

  /** {@code binary}: the DER bytes, Python's {@code getpeercert(True)}. */
  record GetPeerCert(String name, boolean binary) implements Command {}

  record Cipher(String name) implements Command {}

  record Version(String name) implements Command {}

  // Expectations: make a script checkable.
  record Expect(Literal value, String source) implements Command {}

  /** {@code expected} is a Python exception class or an errno symbol. */
  record ExpectError(String expected) implements Command {}

  /** The result holds these bytes (or this text). */
  record ExpectContains(DataExpr data) implements Command {}

  /** The result, decoded in the session's encoding, has a match for {@code regex}. */
  record ExpectMatches(Pattern regex, String source) implements Command {}

  /** The last recv reached the end of the stream: the peer closed its side. */
  record ExpectEof() implements Command {}

  // Loops: a block, parsed whole before it runs.
  /**
   * {@code repeat [COUNT | forever] [--every SECONDS]}, its body, then {@code end}.
   *
   * @param count how many rounds, or null for forever
   * @param every seconds from the start of one round to the start of the next, or null
   */
  record Repeat(Long count, Double every, List<Step> body) implements Command {
    public Repeat {
      body = List.copyOf(body);
    }

    public Repeat withBody(List<Step> body) {
      return new Repeat(count, every, body);
    }
  }

  /**
   * One command of a block's body, parsed once for every round.
   *
   * @param name the name of the command (its spec), to run it by
   * @param text the line as written, without its indentation
   * @param line the line's place in the block: the block's first line is 0
   */
  record Step(String name, Command command, String text, int line) {}

  /**
   * {@code break} ends the innermost loop; {@code break if CONDITION} when the condition, an expect
   * command, holds for the previous command. {@code condition} null: always.
   */
  record Break(Command condition) implements Command {}

  /** Waits, cancellable with Ctrl-C (Python's {@code time.sleep}). */
  record Sleep(double seconds) implements Command {}

  /** Removes a file, e.g. the one an AF_UNIX socket left (Python's {@code os.unlink}). */
  record Unlink(String path, boolean missingOk) implements Command {}

  // Background work: servers, automatic replies, relays (they go on while other commands run).
  /** How {@code serve} answers. */
  enum ServeMode {
    ECHO,
    REPLY,
    RULES
  }

  /** {@code reply}: what {@code --reply} sends, else null; {@code max} null: no limit. */
  record Serve(String name, ServeMode mode, DataExpr reply, Integer max) implements Command {}

  record Stop(String name) implements Command {}

  /** {@code seconds} null: until no background work is left. */
  record Wait(Double seconds) implements Command {}

  record Relay(String first, String second, boolean trace, boolean hex) implements Command {}

  /** {@code on NAME WHEN ACTION}: an automatic reply; {@code text} is the line as typed. */
  record On(String name, When when, Then then, String text) implements Command {}

  /** When a rule fires. */
  sealed interface When {
    record Matches(Pattern regex, String source) implements When {}

    record Contains(DataExpr data) implements When {}

    record Any() implements When {}

    record Connect() implements When {}

    record Eof() implements When {}
  }

  /** What a rule does; {@code source} is the reply as typed, where {@code \1} names a group. */
  sealed interface Then {
    record Send(DataExpr data, String source) implements Then {}

    record Close() implements Then {}

    record Reset() implements Then {}
  }

  record Rules() implements Command {}

  record Off(int number) implements Command {}

  // Meta commands, JShell style.
  record Help(String topic) implements Command {}

  /** {@code all}: also the closed sockets whose port the kernel still holds (TIME_WAIT…). */
  record ListSockets(boolean all) implements Command {}

  record Open(String path) implements Command {}

  record Exit() implements Command {}

  record History() implements Command {}

  /**
   * {@code /N} re-runs command N of {@code /history}; {@code /-N} and {@code /!} (N = 1) count back
   * from the last one.
   */
  record Rerun(int number, boolean fromEnd) implements Command {}

  record Save(String path) implements Command {}

  /** {@code /continue}: with {@code --step}, run the program on to its end or a breakpoint. */
  record Continue() implements Command {}

  /** {@code /break [N]}: with {@code --step}, stop before line N; {@code line} null lists them. */
  record BreakAt(Integer line) implements Command {}

  record Reset() implements Command {}

  /** {@code /diagram}: the session as a sequence diagram; {@code names} empty: every socket. */
  record Diagram(List<String> names, boolean ascii) implements Command {
    public Diagram {
      names = List.copyOf(names);
    }
  }

  /** {@code /export FILE}: the session written as FILE's extension says (.html, .svg, .py). */
  record Export(String path) implements Command {}

  /** {@code /set}: {@code key} null shows every setting, {@code value} null shows one. */
  record Set(String key, String value) implements Command {}
}
