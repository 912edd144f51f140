package dev.sockshell.repl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: options first or mixed with script files.
 *
 * @param interactive {@code -i}: open the console on the same session after the scripts
 * @param noColor {@code --no-color}: no colours in the console
 * @param quiet show only unexpected errors and failed expectations
 * @param timing {@code --timing}: each result ends with how long the call took ({@code /set timing
 *     on})
 * @param timeout seconds every blocking call of a script waits at most, or null for no limit
 * @param transcript where to record the session as it appeared, or null
 * @param program a Python program to run after the scripts (the first FILE ending in .py), or null
 * @param programArgs what follows the program on the command line: its sys.argv[1:]
 * @param step run the program one line at a time, the console live between lines
 * @param events {@code --events}: a program's calls, their events and hints go to stderr even when
 *     it is not a terminal (on a terminal they always do, unless {@code --quiet})
 */
public record Options(
    boolean help,
    boolean version,
    boolean keepGoing,
    boolean interactive,
    boolean noColor,
    boolean quiet,
    boolean timing,
    Double timeout,
    Path transcript,
    List<Path> files,
    Path program,
    List<String> programArgs,
    boolean step,
    boolean events) {
  public static final String HELP =
      """
      Usage: java -jar target/sockshell.jar [OPTIONS] [FILE...] [PROGRAM.py [ARG...]]

      An interactive console for socket programming one call at a time.
      With no FILE, on a terminal, opens the console; with FILEs, runs them as
      scripts in one session and exits; otherwise (stdin or stdout redirected) runs
      stdin's lines as a script, answering each as it comes. A FILE ending in .py
      is a Python program, run as python3 runs it (the arguments after it are
      its sys.argv), in the same session as the scripts before it.

      Options:
        -i                  after the scripts, open the console on the same session
                            (with stdin not a terminal, run stdin after them)
        --timeout SECONDS   every blocking call of the scripts gives up after SECONDS
                            with TimeoutError, so a missing peer cannot hang a run
        --transcript FILE   also write the session to FILE as it appeared: commands
                            and results, without colour; FILE.html is a page with
                            the colours and the diagram, as /export FILE.html
        --timing            end each result with how long the call took (and waited),
                            as /set timing on does
        --no-color          no colours in the console (so does the NO_COLOR variable)
        -q, --quiet         print only unexpected errors, failed expectations and,
                            if anything failed, the summary
        -k, --keep-going    run the remaining lines of a script after an unexpected error
        --step              run the Python program one line at a time: Enter runs the
                            next line, the console is live between them
        --events            show the Python program's socket calls, what arrived and
                            hints on errors on stderr (always on when stderr is a
                            terminal); stdout stays the program's own, as python3's
        -h, --help          show this help and exit
        -V, --version       show the version and exit

      A run of scripts ends with a summary: N commands, N expectations passed, N failed.
      Exit status: 0 ran clean; 1 a command failed unexpectedly or an expectation
      failed; 2 bad usage or an unreadable file.

      In the console, /help lists the commands.
      """;

  /** A command line that cannot be run. */
  public static final class BadUsage extends Exception {
    private static final long serialVersionUID = 1L;

    BadUsage(String message) {
      super(message);
    }
  }

  public Options {
    files = List.copyOf(files);
    programArgs = List.copyOf(programArgs);
  }

  /** The one-letter options that take no value, and so may be written together: -qk. */
  private static final String FLAGS = "hVkiq";

  public static Options parse(String[] typed) throws BadUsage {
    String[] args = separateFlags(typed);
    boolean help = false;
    boolean version = false;
    boolean keepGoing = false;
    boolean interactive = false;
    boolean noColor = false;
    boolean quiet = false;
    boolean timing = false;
    Double timeout = null;
    Path transcript = null;
    List<Path> files = new ArrayList<>();
    Path program = null;
    List<String> programArgs = new ArrayList<>();
    boolean step = false;
    boolean events = false;
    boolean onlyFiles = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (program != null) {
        programArgs.add(arg); // the program's own arguments, as python3 passes them on
        continue;
      }
      if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
        if (arg.endsWith(".py")) {
          program = Path.of(arg);
        } else {
          files.add(Path.of(arg));
        }
        continue;
      }
      // --timeout=5 or --timeout 5
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      String inline = eq > 0 ? arg.substring(eq + 1) : null;
      if (inline != null && !name.equals("--timeout") && !name.equals("--transcript")) {
        throw new BadUsage("option '" + name + "' takes no value");
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--version", "-V" -> version = true;
        case "--keep-going", "-k" -> keepGoing = true;
        case "-i" -> interactive = true;
        case "--no-color", "--no-colour" -> noColor = true;
        case "--quiet", "-q" -> quiet = true;
        case "--step" -> step = true;
        case "--events" -> events = true;
        case "--timing" -> timing = true;
        case "--timeout" ->
            timeout = seconds(inline != null ? inline : valueAfter(args, i++, name));
        case "--transcript" ->
            transcript = Path.of(inline != null ? inline : valueAfter(args, i++, name));
        case "--" -> onlyFiles = true;
        default -> throw new BadUsage("unknown option '" + arg + "'");
      }
    }
    if (step && program == null) {
      throw new BadUsage("--step steps through a Python program: give a FILE.py");
    }
    return new Options(
        help,
        version,
        keepGoing,
        interactive,
        noColor,
        quiet,
        timing,
        timeout,
        transcript,
        files,
        program,
        programArgs,
        step,
        events);
  }

  /** {@code -qk} as {@code -q -k}, as getopt reads it; everything after {@code --} as typed. */
  private static String[] separateFlags(String[] args) {
    List<String> separate = new ArrayList<>();
    boolean onlyFiles = false;
    String previous = "";
    for (String arg : args) {
      boolean isValue = previous.equals("--timeout") || previous.equals("--transcript");
      previous = arg;
      if (!onlyFiles && !isValue && !arg.startsWith("-") && arg.endsWith(".py")) {
        onlyFiles = true; // from the program on, arguments are its own, flags included
        separate.add(arg);
        continue;
      }
      boolean flags =
          !onlyFiles
              && !isValue
              && arg.length() > 2
              && arg.charAt(0) == '-'
              && arg.chars().skip(1).allMatch(c -> FLAGS.indexOf(c) >= 0);
      if (flags) {
        arg.chars().skip(1).forEach(c -> separate.add("-" + (char) c));
      } else {
        separate.add(arg);
      }
      onlyFiles |= arg.equals("--");
    }
    return separate.toArray(new String[0]);
  }

  private static String valueAfter(String[] args, int i, String option) throws BadUsage {
    if (i + 1 >= args.length || args[i + 1].isEmpty()) {
      throw new BadUsage(
          option
              + " needs a value: "
              + (option.equals("--timeout") ? "--timeout SECONDS" : "--transcript FILE"));
    }
    return args[i + 1];
  }

  private static double seconds(String text) throws BadUsage {
    try {
      double seconds = Double.parseDouble(text);
      if (seconds > 0 && seconds < 1e9) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadUsage(
        "--timeout needs a number of seconds, more than 0 and less than 1e9 (e.g. --timeout 5),"
            + " got '"
            + text
            + "'");
  }
}
