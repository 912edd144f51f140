package dev.sockshell;

import dev.sockshell.console.Console;
import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts sockshell: the console when stdin is a terminal, else the scripts named on the command
 * line, else stdin as a script. The only class that calls {@link System#exit}.
 */
public final class Main {
  /** Exit status: everything ran as expected. */
  public static final int OK = 0;

  /** Exit status: a command failed unexpectedly, or an expectation failed. */
  public static final int FAILED = 1;

  /** Exit status: bad command-line usage or an unreadable file. */
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    boolean interactive = System.console() != null;
    int status = run(args, System.in, System.out, System.err, interactive);
    System.exit(status);
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
      err.println("sockshell: " + e.getMessage());
      err.println("Try 'sockshell --help' for more information.");
      return USAGE;
    }
    if (options.help()) {
      out.print(Options.HELP);
      out.flush();
      return OK;
    }
    if (options.version()) {
      out.println("sockshell " + Version.text());
      return OK;
    }
    List<Path> unreadable = new ArrayList<>();
    for (Path file : options.files()) {
      if (!Files.isReadable(file) || Files.isDirectory(file)) {
        unreadable.add(file);
      }
    }
    if (!unreadable.isEmpty()) {
      unreadable.forEach(
          f ->
              err.println(
                  "sockshell: cannot read "
                      + f
                      + (Files.isDirectory(f)
                          ? ": is a directory"
                          : ": no such file or not readable")));
      return USAGE;
    }
    if (options.files().isEmpty() && stdinIsTerminal) {
      return Console.run(options);
    }
    return runScripts(options, in, out);
  }

  private static int runScripts(Options options, InputStream in, PrintStream out) {
    PlainOutput output = new PlainOutput(out);
    try (Shell shell = new Shell(new Session(), output, Path.of("").toAbsolutePath())) {
      shell.setKeepGoing(options.keepGoing());
      List<ReaderSource> sources = new ArrayList<>();
      if (options.files().isEmpty()) {
        sources.add(
            new ReaderSource(
                new InputStreamReader(in, StandardCharsets.UTF_8),
                "<stdin>",
                Path.of("").toAbsolutePath()));
      }
      for (Path file : options.files()) {
        try {
          sources.add(ReaderSource.open(file));
        } catch (IOException e) {
          output.println("sockshell: cannot read " + file + ": " + e.getMessage());
          return USAGE;
        }
      }
      for (ReaderSource source : sources) {
        Shell.End end = shell.run(source);
        if (end != Shell.End.COMPLETED) {
          break;
        }
      }
      return shell.failed() ? FAILED : OK;
    }
  }
}
