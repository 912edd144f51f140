package dev.sockshell;

import dev.sockshell.commands.ExportCommands;
import dev.sockshell.console.Console;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.Session;
import dev.sockshell.net.Timeout;
import dev.sockshell.net.Waiter;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.Options;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import dev.sockshell.repl.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts sockshell: the console when stdin is a terminal, else the scripts named on the command
 * line, else stdin as a script. The only class of a run that calls {@link System#exit} (the build's
 * {@link TrainingRun} is a main of its own).
 */
public final class Main {

  private static final String CANNOT_WRITE_TRANSCRIPT = "sockshell: cannot write the transcript ";

  /** Exit status: everything ran as expected. */
  public static final int OK = 0;

  /** Exit status: a command failed unexpectedly, or an expectation failed. */
  public static final int FAILED = 1;

  /** Exit status: bad command-line usage or an unreadable file. */
  public static final int USAGE = 2;

  /** Exit status of a run ended by a second Ctrl-C while the first was still pending. */
  static final int INTERRUPTED = 130;

  private Main() {}

  /**
   * From now on Ctrl-C cancels what {@code shell} is doing; a second one, before the shell acted on
   * the first, ends the run at once with {@link #INTERRUPTED}.
   */
  static void interruptOrExit(Shell shell) {
    Interrupts.onSigint(
        () -> {
          if (!shell.interrupt()) {
            System.exit(INTERRUPTED);
          }
        });
  }

  public static void main(String[] args) {
    boolean interactive = isTerminal(System.console());
    int status = run(args, System.in, System.out, System.err, interactive);
    System.exit(status);
  }

  /**
   * True when stdin and stdout are a terminal. Up to JDK 21 that is {@code System.console() !=
   * null}; from JDK 22 a console exists even for pipes, and {@code Console.isTerminal()} (called
   * reflectively: it is not in Java 17) tells.
   */
  /**
   * Writes {@code text} as UTF-8, as sockshell writes everything: the JVM's default charset follows
   * the locale, and a zh_CN.UTF-8 that the machine lacks would turn every Chinese word into '?'.
   */
  private static void write(PrintStream stream, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    stream.write(bytes, 0, bytes.length);
    stream.flush();
  }

  static boolean isTerminal(java.io.Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs sockshell with these streams.
   *
   * @param stdinIsTerminal true to open the console when no script is named
   * @return the exit status
   */
  public static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.BadUsage e) {
      write(err, "sockshell: " + e.getMessage() + "\n");
      write(err, Text.get("usage.try.help") + "\n");
      return USAGE;
    }
    if (options.help()) {
      write(out, Text.get("usage.help"));
      out.flush();
      return OK;
    }
    if (options.version()) {
      out.println("sockshell " + Version.text());
      return OK;
    }
    boolean unreadable = false;
    List<Path> all = new ArrayList<>(options.files());
    if (options.program() != null) {
      all.add(options.program());
    }
    for (Path file : all) {
      String why = whyUnreadable(file);
      if (why != null) {
        write(err, Text.get("usage.unreadable", file, why) + "\n");
        unreadable = true;
      }
    }
    if (unreadable) {
      return USAGE;
    }
    Path overwritten = scriptAt(options.transcript(), options.files());
    if (overwritten != null) {
      write(err, Text.get("usage.transcript.overwrites", options.transcript(), overwritten) + "\n");
      return USAGE;
    }
    if (options.program() != null && options.step()) {
      if (!stdinIsTerminal) {
        write(err, Text.get("usage.step.terminal") + "\n");
        return USAGE;
      }
      return Console.step(options);
    }
    if (options.program() != null) {
      return Program.run(options, in, out, err);
    }
    if (options.files().isEmpty() && stdinIsTerminal && options.transcript() == null) {
      return Console.run(options);
    }
    return runShell(options, in, out, err, stdinIsTerminal);
  }

  /** The script that {@code transcript} is, which writing it would destroy, or null. */
  private static Path scriptAt(Path transcript, List<Path> scripts) {
    if (transcript == null || !Files.exists(transcript)) {
      return null;
    }
    for (Path script : scripts) {
      try {
        if (Files.isSameFile(transcript, script)) {
          return script;
        }
      } catch (IOException e) {
        // Unreadable scripts were reported already; this one cannot be the transcript.
      }
    }
    return null;
  }

  /** Why {@code file} cannot be run as a script, or null if it can. */
  private static String whyUnreadable(Path file) {
    if (Files.isDirectory(file)) {
      return "is a directory";
    } else if (!Files.exists(file)) {
      return "no such file";
    } else if (!Files.isReadable(file)) {
      return "permission denied";
    }
    return null;
  }

  /**
   * Runs the scripts (or stdin) in one session, prints the summary, then with {@code -i} (or a
   * transcript of a console run) opens the console on the same session.
   */
  private static int runShell(
      Options options, InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal) {
    Path cwd = Path.of("").toAbsolutePath();
    List<ReaderSource> sources = new ArrayList<>();
    for (Path file : options.files()) {
      try {
        sources.add(ReaderSource.open(file));
      } catch (IOException e) {
        write(err, Text.get("usage.unreadable", file, Errno.fileReason(e)) + "\n");
        return USAGE;
      }
    }
    boolean console = stdinIsTerminal && (options.interactive() || options.files().isEmpty());
    if (!stdinIsTerminal && (options.files().isEmpty() || options.interactive())) {
      sources.add(ReaderSource.of(in, "<stdin>", cwd));
    }
    Writer transcript = null;
    try (Shell shell = new Shell(new Session(), new PlainOutput(out), cwd)) {
      if (options.transcript() != null) {
        transcript = openTranscript(options.transcript(), err);
        if (transcript == null) {
          return USAGE;
        }
        if (!ExportCommands.isPage(options.transcript())) {
          shell.setTranscript(new PlainOutput(transcript));
        }
      }
      shell.setKeepGoing(options.keepGoing());
      shell.settings().setTiming(options.timing());
      shell.setWaitListener(new SigintOnFirstWait(shell));
      Shell.End end = runScripts(options, shell, sources);
      int status = shell.failed() ? FAILED : OK;
      if (console && end != Shell.End.EXITED) {
        // The console is a person at a prompt: no run-wide timeout, nothing hidden.
        shell.session().setDefaultTimeout(Timeout.BLOCKING);
        shell.setQuiet(false);
        Console.run(options, shell);
      }
      if (transcript != null && ExportCommands.isPage(options.transcript())) {
        // The page is the session as a whole: written once, at the end.
        if (!writePage(transcript, shell, options.transcript(), err)) {
          return FAILED;
        }
      }
      return status;
    } finally {
      closeQuietly(transcript);
    }
  }

  /** Runs the sources in order; the summary follows unless there were none (a console run). */
  private static Shell.End runScripts(Options options, Shell shell, List<ReaderSource> sources) {
    if (sources.isEmpty()) {
      return Shell.End.COMPLETED;
    }
    if (options.timeout() != null) {
      shell.session().setDefaultTimeout(Timeout.seconds(options.timeout()));
    }
    shell.setQuiet(options.quiet());
    Shell.End end = Shell.End.COMPLETED;
    for (ReaderSource source : sources) {
      end = shell.run(source);
      // With -i the console opens even after an error, to look at what the script left.
      if (end == Shell.End.EXITED || (end == Shell.End.STOPPED && !options.interactive())) {
        break;
      }
    }
    shell.printSummary();
    return end;
  }

  private static boolean writePage(Writer writer, Shell shell, Path file, PrintStream err) {
    try {
      writer.write(ExportCommands.page(shell.log(), ExportCommands.titleOf(file)));
      return true;
    } catch (IOException e) {
      err.println(CANNOT_WRITE_TRANSCRIPT + file + ": " + Errno.fileReason(e));
      return false;
    }
  }

  private static Writer openTranscript(Path file, PrintStream err) {
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(CANNOT_WRITE_TRANSCRIPT + file + ": " + Errno.fileReason(e));
      return null;
    } catch (RuntimeException e) {
      err.println(CANNOT_WRITE_TRANSCRIPT + file + ": " + e.getMessage());
      return null;
    }
  }

  private static void closeQuietly(Writer writer) {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (IOException e) {
      // Everything was flushed before; a failing close loses nothing more.
    }
  }

  /**
   * Takes over Ctrl-C when a script first blocks, the only time it needs more than the default
   * (which ends the JVM): then it cancels the call. A second Ctrl-C before the script acted on the
   * first ends the run at once with 130, the shell's status for SIGINT.
   */
  private static final class SigintOnFirstWait implements Waiter.Listener {
    private final Shell shell;
    private boolean installed;

    SigintOnFirstWait(Shell shell) {
      this.shell = shell;
    }

    @Override
    public void waiting(String what) {
      if (!installed) {
        installed = true;
        interruptOrExit(shell);
      }
    }

    @Override
    public void doneWaiting() {}
  }
}
