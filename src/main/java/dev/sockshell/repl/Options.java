package dev.sockshell.repl;

import dev.sockshell.i18n.Text;
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
        throw new BadUsage(Text.get("usage.option.no.value", name));
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
        default -> throw new BadUsage(Text.get("usage.option.unknown", arg));
      }
    }
    if (step && program == null) {
      throw new BadUsage(Text.get("usage.step.program"));
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
