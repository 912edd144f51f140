package dev.sockshell.console;

import dev.sockshell.commands.CommandLog;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketEvent;
import dev.sockshell.net.SocketWatcher;
import dev.sockshell.render.EventLines;
import dev.sockshell.render.Styled;
import dev.sockshell.repl.Shell;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.LineReader;

/**
 * Live events: while the prompt waits, prints what happens on the session's sockets above it
 * ({@link LineReader#printAbove} keeps the line being typed intact). The watcher runs only while
 * the prompt waits, so commands print their own results undisturbed; {@code /set events off} stops
 * it.
 */
final class EventPrinter implements SocketWatcher.Listener, AutoCloseable {
  private final Shell shell;
  private final LineReader reader;
  private final TerminalOutput out;
  private final SocketWatcher watcher = new SocketWatcher(this);
  private final PromptEvents background;

  /** How many commands of the log were already looked at for the sockets they used. */
  private int seen;

  EventPrinter(Shell shell, LineReader reader, TerminalOutput out) {
    this.shell = shell;
    this.reader = reader;
    this.out = out;
    this.background = new PromptEvents(shell, reader, out);
    shell.showEventsLive();
  }

  /** The prompt is about to wait: watch the sockets. */
  void beforePrompt() {
    Set<String> used = usedSinceLastPrompt();
    if (shell.settings().events()) {
      watcher.resume(shell.session().sockets(), used);
    }
    background.start();
  }

  /** A line was typed: stop watching before it runs. */
  void afterPrompt() {
    background.stop();
    watcher.pause();
  }

  @Override
  public void event(SocketEvent event) {
    Styled line = EventLines.of(event);
    reader.printAbove(out.render(line));
    shell.transcribe(line);
  }

  /** Every word of the commands run since the last prompt: the names of the sockets they used. */
  private Set<String> usedSinceLastPrompt() {
    List<CommandLog.Entry> entries = shell.log().entries();
    if (entries.size() < seen) {
      seen = 0; // /reset started the log again
    }
    Set<String> words = new HashSet<>();
    for (CommandLog.Entry entry : entries.subList(seen, entries.size())) {
      // A block's lines are scanned one by one: a comment ends a line, not the block.
      for (String line : entry.line().split("\n")) {
        try {
          for (Token t : new Scanner(line).remaining()) {
            words.add(t.text());
          }
        } catch (UsageError e) {
          // A logged line always scanned once; nothing to add if it no longer does.
        }
      }
    }
    seen = entries.size();
    return words;
  }

  @Override
  public void close() {
    background.close();
    watcher.close();
  }
}
