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
    for (int i = 0; i < entries.size(); i++) {
      CommandLog.Entry e = entries.get(i);
      CommandLog.Entry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      boolean expected = next != null && next.expectsError() && !next.failed();
      if (!e.failed() || expected) {
        if (!e.saved().equals(e.line())) {
          lines.add("# typed: " + e.line() + "   (the OS chose that port; a replay gets another)");
        }
        lines.add(e.saved());
      } else {
        lines.add("# " + e.line());
        lines.add("#   failed: " + e.failure());
      }
    }
    return lines;
  }
}
