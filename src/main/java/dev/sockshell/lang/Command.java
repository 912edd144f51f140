package dev.sockshell.lang;

import dev.sockshell.net.Family;
import dev.sockshell.net.ShutdownHow;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SockType;
import dev.sockshell.net.Timeout;

/**
 * Every command as an immutable, validated value: the grammar on one screen. A line becomes one of
 * these before any socket is touched; {@code commands.CommandSpec} says how each is read,
 * documented and run.
 */
public sealed interface Command {
  // Sockets: Python's socket() and the calls on a socket object.
  record Socket(String name, Family family, SockType type) implements Command {}

  record SetSockOpt(String name, SockOpt option, int value) implements Command {}

  record GetSockOpt(String name, SockOpt option) implements Command {}

  record Bind(String name, AddrExpr address) implements Command {}

  /** {@code backlog} null: Python's default, {@code min(SOMAXCONN, 128)}. */
  record Listen(String name, Integer backlog) implements Command {}

  /** {@code newName} null: an automatic name. */
  record Accept(String name, String newName) implements Command {}

  record Connect(String name, AddrExpr address) implements Command {}

  record Send(String name, DataExpr data) implements Command {}

  record SendAll(String name, DataExpr data) implements Command {}

  record Recv(String name, int bufsize) implements Command {}

  record SendTo(String name, DataExpr data, AddrExpr address) implements Command {}

  record RecvFrom(String name, int bufsize) implements Command {}

  record Shutdown(String name, ShutdownHow how) implements Command {}

  record Close(String name) implements Command {}

  record GetSockName(String name) implements Command {}

  record GetPeerName(String name) implements Command {}

  record SetTimeout(String name, Timeout timeout) implements Command {}

  record GetTimeout(String name) implements Command {}

  record SetBlocking(String name, boolean blocking) implements Command {}

  // Expectations: make a script checkable.
  record Expect(Literal value, String source) implements Command {}

  /** {@code expected} is a Python exception class or an errno symbol. */
  record ExpectError(String expected) implements Command {}

  // Meta commands, JShell style.
  record Help(String topic) implements Command {}

  record ListSockets() implements Command {}

  record Open(String path) implements Command {}

  record Exit() implements Command {}

  record History() implements Command {}

  /**
   * {@code /N} re-runs command N of {@code /history}; {@code /-N} and {@code /!} (N = 1) count back
   * from the last one.
   */
  record Rerun(int number, boolean fromEnd) implements Command {}

  record Save(String path) implements Command {}

  record Reset() implements Command {}

  /** {@code /set}: {@code key} null shows every setting, {@code value} null shows one. */
  record Set(String key, String value) implements Command {}
}
