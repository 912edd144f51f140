package dev.sockshell.commands;

import dev.sockshell.background.BackgroundEvent;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SendListener;
import dev.sockshell.net.Session;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.ScreenRecord;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of this session in the order they ran, numbered from 1 as {@code /history} shows
 * them, with how each ended: what {@code /N} re-runs and {@code /save} writes. Only commands that
 * act on the session are kept (socket commands, expectations, {@code /set KEY VALUE}); {@code
 * /reset} starts it again.
 *
 * <p>It also keeps the session's {@link Trace}: what each call did on the sockets (addresses, sizes
 * and first bytes, failures, times), which {@code /diagram} and {@code /export} draw.
 */
public final class CommandLog {
  /**
   * One command as typed.
   *
   * @param saved the line as a script must say it: ports the OS chose written as socket names
   * @param failure what went wrong (the error, or the failed expectation), or null
   * @param expectsError true for {@code expect error NAME}, which makes the failure before it part
   *     of the script
   * @param value the number N of the last value ({@code $N}) the command kept, or 0
   */
  public record Entry(
      int number, String line, String saved, String failure, boolean expectsError, int value) {
    public boolean failed() {
      return failure != null;
    }
  }

  /**
   * A line (or block) of Python the session ran, kept as its source: {@code /export FILE.py} writes
   * it as it is, where the commands its socket calls made ({@code entries[first, end)}) would be.
   *
   * @param raised the class of the exception it ended with (Python's name), or null
   */
  public record PythonLine(int first, int end, String source, String raised) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<PythonLine> pythonLines = new ArrayList<>();
  private final Trace trace = new Trace();
  private final TraceRecorder recorder = new TraceRecorder(trace);

  /** The session as it looked, from its start: a /reset does not erase what was on the screen. */
  private final ScreenRecord screen = new ScreenRecord();

  private Settings start;

  /** A log for a session starting with {@code settings}. */
  public CommandLog(Settings settings) {
    this.start = settings.copy();
  }

  /** True for a command the log keeps. */
  public static boolean keeps(CommandTable.Parsed parsed) {
    if (parsed.command() instanceof Command.Set set) {
      return set.value() != null;
    }
    return !parsed.spec().isMeta();
  }

  /**
   * The line as a saved script must say it, from {@code session} as it is before the line runs:
   * ports the OS chose written as the sockets that hold them; in a block, on each of its lines.
   */
  public static String savedForm(CommandTable table, CommandTable.Parsed parsed, Session session) {
    if (!(parsed.command() instanceof Command.Repeat repeat)) {
      // A command a Python line made comes with its line (CommandText) and no binding yet.
      List<Args.Bound> bound =
          parsed.bound().isEmpty() ? boundOf(table, parsed.line()) : parsed.bound();
      return PortNames.rewrite(parsed.line(), bound, session).strip();
    }
    String[] lines = parsed.line().strip().split("\n", -1);
    rewrite(table, repeat, 0, lines, session);
    return String.join("\n", lines);
  }

  /** Rewrites the lines of {@code repeat}'s body, whose first line is {@code lines[first]}. */
  private static void rewrite(
      CommandTable table, Command.Repeat repeat, int first, String[] lines, Session session) {
    for (Command.Step step : repeat.body()) {
      int at = first + step.line();
      if (step.command() instanceof Command.Repeat inner) {
        rewrite(table, inner, at, lines, session);
        continue;
      }
      lines[at] = PortNames.rewrite(lines[at], boundOf(table, lines[at]), session);
    }
  }

  /**
   * The words of {@code line} as its binder reads them, for a line parsed without keeping them (a
   * block's body, a Python call's command): read again, from the table's recent lines if it was
   * lately. None for a line that cannot name a port.
   */
  private static List<Args.Bound> boundOf(CommandTable table, String line) {
    if (!PortNames.mayName(line)) {
      return List.of();
    }
    try {
      return table.parse(line).bound();
    } catch (UsageError e) {
      return List.of(); // it ran, so it parses; if it no longer did, it stays as typed
    }
  }

  /**
   * Adds a command that ran; {@code saved} is its {@link #savedForm}, {@code failure} null if it
   * succeeded, {@code value} the number of the last value it kept (0 for none).
   */
  public void add(CommandTable.Parsed parsed, String saved, String failure, int value) {
    Entry entry =
        new Entry(
            entries.size() + 1,
            parsed.line().strip(),
            saved,
            failure,
            parsed.command() instanceof Command.ExpectError,
            value);
    synchronized (served) { // the loop's thread notes how many there were at each accept
      entries.add(entry);
    }
  }

  /**
   * Adds a Python line that ran, after the commands of its socket calls: those since the log had
   * {@code first} entries.
   */
  public void addPython(int first, String source, String raised) {
    pythonLines.add(
        new PythonLine(Math.min(first, entries.size()), entries.size(), source, raised));
  }

  public List<PythonLine> pythonLines() {
    return Collections.unmodifiableList(pythonLines);
  }

  /**
   * A connection a background {@code serve} accepted, which the session named (conn1…): the {@code
   * index}-th (from 1) that serves of {@code listener} accepted in this session, when the log held
   * {@code entries} commands. {@code /export} writes where a later line finds it.
   */
  public record ServedConnection(String listener, int index, int entries) {}

  /** Per connection name, the serve that accepted it; names are not given twice before /reset. */
  private final Map<String, ServedConnection> served = new HashMap<>();

  /** Per listening socket's name, how many connections its serves accepted. */
  private final Map<String, Integer> acceptedBy = new HashMap<>();

  /** What happened on the sockets since the session (or the last /reset) began. */
  public Trace trace() {
    return trace;
  }

  /** Every line the session showed, and where each command's lines begin: what /export shows. */
  public ScreenRecord screen() {
    return screen;
  }

  /** What the session's sockets tell of each send, for {@link Session#setSendListener}. */
  public SendListener sendListener() {
    return recorder;
  }

  /**
   * Before a command runs ({@code origin}: its line number in the run and in /history), so that the
   * trace can record what it does.
   */
  public void beginCall(CommandTable.Parsed parsed, Origin origin, Session session) {
    screen.beginStep(origin.step());
    recorder.begin(parsed.command(), origin, session);
  }

  /**
   * What the background did, as it happened (any thread): the trace draws it too, unless {@code
   * /set events off} made it one the log only notes ({@code told} false: no address was looked up).
   */
  public void background(BackgroundEvent event, Session session, boolean told) {
    if (event instanceof BackgroundEvent.Accepted a) {
      synchronized (served) {
        int index = acceptedBy.merge(a.socket(), 1, Integer::sum);
        served.put(a.connection(), new ServedConnection(a.socket(), index, entries.size()));
      }
    }
    if (told) {
      recorder.background(event, session);
    }
  }

  /** The serve that accepted the connection the session named {@code name}, or empty. */
  public Optional<ServedConnection> servedConnection(String name) {
    synchronized (served) {
      return Optional.ofNullable(served.get(name));
    }
  }

  /** After the command: its {@code outcome}, or the {@code error} it raised. */
  public void endCall(Outcome outcome, SocketError error, Session session) {
    recorder.end(outcome, error, session);
  }

  /** The stream sockets closed in this session, oldest first: what {@code /list --all} looks up. */
  List<TraceRecorder.ClosedStream> closedStreams() {
    return recorder.closedStreams();
  }

  /** Nanoseconds since the socket called {@code name} last sent, or -1 if it has not. */
  public long sinceLastSend(String name) {
    return recorder.sinceLastSend(name);
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }

  /** The settings in effect when the session (or the last /reset) began. */
  public Settings startSettings() {
    return start.copy();
  }

  /** Forgets every command: a fresh session that starts with {@code settings}. */
  public void clear(Settings settings) {
    pythonLines.clear();
    trace.clear();
    recorder.clear();
    synchronized (served) {
      entries.clear();
      served.clear();
      acceptedBy.clear();
    }
    start = settings.copy();
  }

  /**
   * The command {@code /N} names, or with {@code fromEnd} the N-th last ({@code /-N}, {@code /!}).
   */
  Entry find(int number, boolean fromEnd) throws UsageError {
    if (entries.isEmpty()) {
      throw UsageError.general(Text.get("usage.rerun.none"));
    }
    int index = fromEnd ? entries.size() - number : number - 1;
    if (index < 0 || index >= entries.size()) {
      int n = entries.size();
      throw UsageError.general(
          fromEnd
              ? Text.get(n == 1 ? "usage.rerun.back.one" : "usage.rerun.back", number, n)
              : Text.get("usage.rerun.number", number, n));
    }
    return entries.get(index);
  }
}
