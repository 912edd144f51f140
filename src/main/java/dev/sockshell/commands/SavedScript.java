package dev.sockshell.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /save} writes: the session's commands as a script that replays to the same sockets
 * and results. A failed command is kept as a comment, since it changed nothing the rest relies on
 * and would stop the replay, unless an {@code expect error} that passed follows it: then the
 * failure is part of what the script shows, and the expectation lets the replay go on. A port the
 * OS chose is written as the name of the socket that has it ({@link PortNames}).
 */
final class SavedScript {
  private SavedScript() {}

  static List<String> lines(CommandLog log, String fileName) {
    List<String> lines = new ArrayList<>();
    lines.add("# A sockshell session, saved by /save. Replay it with");
    lines.add(
        "#   java -jar target/sockshell.jar "
            + fileName
            + "   or, in the console,   /open "
            + fileName);
    lines.add("# Commands that failed are kept as comments.");
    lines.addAll(SetCommands.scriptLines(log.startSettings()));
    List<CommandLog.Entry> entries = log.entries();
    int connects = 0;
    int accepts = 0;
    for (int i = 0; i < entries.size(); i++) {
      CommandLog.Entry e = entries.get(i);
      CommandLog.Entry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      boolean expected = next != null && next.expectsError() && !next.failed();
      boolean block = e.line().indexOf('\n') >= 0;
      if (!e.failed() || expected || block) {
        if (!e.saved().equals(e.line()) && !block) {
          lines.add("# typed: " + e.line() + "   (the OS chose that port; a replay gets another)");
        } else if (!e.saved().equals(e.line())) {
          e.line().lines().forEach(l -> lines.add("# typed: " + l));
          lines.add("#   (the OS chose a port typed there; a replay gets another)");
        }
        if (e.failed() && block) {
          // A loop that ended on an error still ran its rounds: it stays, and says how it ended.
          lines.add("# this loop ended on an error, " + e.failure());
        }
        connects += isCall(e, "connect") && !e.failed() ? 1 : 0;
        accepts += isCall(e, "accept") && !e.failed() ? 1 : 0;
        if (isCall(e, "accept") && !e.failed() && accepts > connects) {
          // No connect of the script can be its client: the session's came from outside it.
          lines.add(
              "# accept waits for a client, as the session's came from outside it: connect one,"
                  + " or replay with --timeout SECONDS to give up");
        }
        lines.addAll(e.saved().lines().toList());
      } else {
        lines.add("# " + e.line());
        lines.add("#   failed: " + e.failure());
      }
    }
    return lines;
  }

  private static boolean isCall(CommandLog.Entry e, String command) {
    return e.saved().startsWith(command + " ");
  }
}
