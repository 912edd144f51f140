package dev.sockshell.commands;

import dev.sockshell.background.Jobs;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Output;
import java.nio.file.Path;

/** What a running command may use: the session, kept values, settings, and the loop around it. */
public interface Context {
  Session session();

  ValueStore values();

  Settings settings();

  CommandTable commands();

  /** For commands that print more than one result line (help, tables). */
  Output out();

  /** The directory relative paths are read from: the running script's, else the working one. */
  Path baseDirectory();

  /** The last command that was not an expectation, or null before the first. */
  LastResult last();

  /** The session's background work: served sockets, rules, relays. */
  Jobs background();

  /** The commands of this session, for /history, /N and /save. */
  CommandLog log();

  /** Closes every socket and starts a fresh session: values, the log and {@code _} start again. */
  void reset();

  /** Runs a script file in this session, as {@code /open} does. */
  Outcome runScript(Path path) throws UsageError, SocketError;

  /**
   * Runs a loop's body round after round, each command as a typed line is run; prints why it ended.
   */
  Outcome repeat(Command.Repeat loop);

  /**
   * What the last command did: an outcome, or the error it raised.
   *
   * @param line the command as typed
   */
  record LastResult(String line, Outcome outcome, SocketError error) {}
}
