package dev.sockshell.console;

import dev.sockshell.i18n.Text;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketState;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Output;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.repl.LineSource;
import dev.sockshell.repl.Options;
import dev.sockshell.repl.Shell;
import dev.sockshell.repl.Version;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/** The interactive console: a JLine line reader feeding the shell's loop. */
public final class Console {
  private Console() {}

  /**
   * JLine logs through java.util.logging, whose default configuration prints to stderr, i.e. over
   * the console ({@code org.jline.utils.Log logr / INFO: History file contained errors…}): its
   * records stop at JLine's own logger. Kept here because the logging framework holds loggers
   * weakly, and a logger collected would come back with the defaults.
   */
  private static final Logger JLINE_LOG;

  static {
    // Named before the log manager starts, QuietLogging spares the start its configuration file.
    System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
    JLINE_LOG = Logger.getLogger("org.jline");
    JLINE_LOG.setUseParentHandlers(false);
  }

  /** Closing more sockets than this at the end names only the first ones. */
  private static final int NAMED = 5;

  /** Runs the console on the system terminal until /exit or Ctrl-D; returns the exit status. */
  public static int run(Options options) {
    return run(options, null);
  }

  /**
   * Runs the console on {@code shell}, which may have run scripts already ({@code -i}): the same
   * sockets, values and settings, printing to the terminal from now on. With a null shell the
   * console has a session of its own. Either way the shell is closed at the end.
   */
  public static int run(Options options, Shell shell) {
    return run(options, shell, Shell::run);
  }

  /**
   * {@code --step FILE.py}: the console, in which the program runs one line at a time first (Enter
   * runs the next line, {@code /continue}, {@code /break N}); the session goes on after it.
   */
  public static int step(Options options) {
    Path program = options.program();
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.addAll(options.programArgs());
    return run(
        options,
        null,
        (shell, console) -> {
          try {
            if (!shell.stepProgram(program, program.toString(), argv, console)) {
              return Shell.End.COMPLETED;
            }
          } catch (IOException e) {
            shell
                .out()
                .println(Styled.of(Style.ERROR, Text.get("script.cannot.read.file", program, e)));
          }
          return shell.run(console);
        });
  }

  /** What the console does with its source: run it, or step through a program first. */
  @FunctionalInterface
  private interface Body {
    Shell.End run(Shell shell, LineSource console);
  }

  private static int run(Options options, Shell shell, Body body) {
    Shell ready =
        shell != null
            ? shell
            : new Shell(
                new Session(), new PlainOutput(Writer.nullWriter()), Path.of("").toAbsolutePath());
    // Closed in reverse: the terminal first, then the tty's settings as they were.
    try (TerminalExit exit = TerminalExit.beforeTerminalOpens();
        Terminal terminal = SystemTerminal.open()) {
      boolean color = Colors.enabled(terminal, options);
      TerminalOutput out = new TerminalOutput(terminal, color);
      ready.setOutput(out);
      return run(terminal, ready, out, color, History.file(), exit, body);
    } catch (IOException e) {
      return 0; // closing the terminal failed: nothing left to do
    }
  }

  /**
   * Runs the console on {@code terminal} until /exit or Ctrl-D, then closes the shell and with it
   * every socket.
   *
   * @param history the history file, or null to keep history in memory only
   */
  static int run(Terminal terminal, Shell shell, TerminalOutput out, boolean color, Path history) {
    return run(terminal, shell, out, color, history, null, Shell::run);
  }

  /** The same, ending the line being edited if the JVM ends under it ({@code exit}, if any). */
  private static int run(
      Terminal terminal,
      Shell shell,
      TerminalOutput out,
      boolean color,
      Path history,
      TerminalExit exit,
      Body body) {
    ReflowingLineReader reader = reader(terminal, shell, color, history);
    CtrlC ctrlC =
        CtrlC.install(
            terminal,
            () -> {
              reader.dropPastedLines();
              shell.interrupt();
            });
    try (shell) {
      if (exit != null) {
        exit.watch(reader);
      }
      ctrlC.forgetAtAcceptLine(reader, shell.session().waiter()::reset);
      WarmUp.whenFirstPrompting(reader, shell);
      // The console's own lines go through the shell, to the screen and the transcript alike.
      Output said = shell.out();
      said.println(Text.get("console.banner", Version.text()));
      Shell.End end;
      try (EventPrinter events = new EventPrinter(shell, reader, out)) {
        end = body.run(shell, new ConsoleSource(reader, out, said, events, ctrlC));
      }
      if (end == Shell.End.COMPLETED && isDumb(terminal)) {
        out.println(""); // Ctrl-D: a dumb terminal leaves the cursor after the prompt
      }
      sayWhatClosingDoes(shell.session(), said);
    } finally {
      ctrlC.uninstall();
    }
    return 0;
  }

  /** JLine's own dumb terminal, which reads whole lines from a cooked tty. */
  private static boolean isDumb(Terminal terminal) {
    String type = terminal.getType();
    return type == null
        || type.equals(Terminal.TYPE_DUMB)
        || type.startsWith(Terminal.TYPE_DUMB_COLOR);
  }

  static ReflowingLineReader reader(Terminal terminal, Shell shell, boolean color, Path history) {
    Map<String, Object> variables = new HashMap<>();
    if (history != null) {
      variables.put(LineReader.HISTORY_FILE, history);
    }
    if (!color) {
      COMPLETION_COLORS.forEach(style -> variables.put(style, ""));
    }
    ReflowingLineReader reader = new ReflowingLineReader(terminal, "sockshell", variables);
    History kept = new History(history);
    reader.setHistory(kept);
    kept.attach(reader); // loads now, so a problem with the file is told before the first prompt
    // Our parser splits words as sockshell does and hands lines over untouched. A line that opens
    // a block makes the buffer go on (JLine's multi-line buffer), each line after the block's
    // continuation prompt, which the parser hands JLine as the "missing" text that %M shows.
    reader.setParser(
        new LineParser(
            shell.blocks(),
            shell.commands()::blockHeaderIsWrong,
            prompt -> color ? Colors.paint(Style.PROMPT, prompt) : prompt,
            () -> reader.pasteGoesOn() || keysWaiting(terminal)));
    reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, "%M");
    // A Python block's next line starts indented: the block says by how many spaces, and JLine
    // multiplies by INDENTATION.
    reader.setVariable(LineReader.INDENTATION, 1);
    indentOnTab(reader);
    reader.setCompleter(new CommandCompleter(shell));
    // The faint hint after the cursor would look typed on a dumb terminal, without faint text.
    boolean hints = !reader.oneRow();
    reader.setHighlighter(new LineHighlighter(shell, color, hints));
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    if (!reader.oneRow()) {
      // A paste arrives marked, so it goes in at once; its lines still run one by one, as typed
      // (ReflowingLineReader.beginPaste). A dumb terminal gets no escape to mark it.
      reader.option(LineReader.Option.BRACKETED_PASTE, true);
    }
    reader.setAutosuggestion(
        hints ? LineReader.SuggestionType.TAIL_TIP : LineReader.SuggestionType.NONE);
    return reader;
  }

  /** True when keys are waiting to be read: the rest of a paste, not a person typing. */
  private static boolean keysWaiting(Terminal terminal) {
    try {
      return terminal.reader().peek(20) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Tab in the indentation of a Python block's line indents by four spaces, as an editor does;
   * anywhere else it completes.
   */
  private static void indentOnTab(LineReaderImpl reader) {
    Widget complete = reader.getWidgets().get(LineReader.COMPLETE_WORD);
    reader
        .getWidgets()
        .put(
            LineReader.COMPLETE_WORD,
            () -> {
              String buffer = reader.getBuffer().toString();
              int cursor = reader.getBuffer().cursor();
              int lineStart = buffer.lastIndexOf('\n', cursor - 1) + 1;
              if (lineStart > 0
                  && ConsoleBlocks.isPythonBlock(buffer)
                  && buffer.substring(lineStart, cursor).isBlank()) {
                reader.getBuffer().write("    ");
                return true;
              }
              return complete.apply();
            });
  }

  /** The colours of JLine's completion menu, cleared when colour is off. */
  private static final List<String> COMPLETION_COLORS =
      List.of(
          LineReader.COMPLETION_STYLE_STARTING,
          LineReader.COMPLETION_STYLE_DESCRIPTION,
          LineReader.COMPLETION_STYLE_GROUP,
          LineReader.COMPLETION_STYLE_BACKGROUND,
          LineReader.COMPLETION_STYLE_LIST_STARTING,
          LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
          LineReader.COMPLETION_STYLE_LIST_GROUP,
          LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

  /** Leaving closes every socket (the shell does it); say which, so nobody wonders. */
  private static void sayWhatClosingDoes(Session session, Output out) {
    List<String> open = new ArrayList<>();
    for (NetSocket s : session.sockets()) {
      if (s.state() != SocketState.CLOSED) {
        open.add(s.name());
      }
    }
    if (open.isEmpty()) {
      return;
    }
    String names =
        open.size() <= NAMED
            ? String.join(", ", open)
            : String.join(", ", open.subList(0, NAMED)) + " and " + (open.size() - NAMED) + " more";
    out.println(Styled.of(Style.FEEDBACK, Feedback.PREFIX + "closing " + names));
  }
}
