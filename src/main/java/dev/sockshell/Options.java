package dev.sockshell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line: options first or mixed with script files. */
public record Options(
    boolean help, boolean version, boolean keepGoing, boolean noColor, List<Path> files) {
  static final String HELP =
      """
      Usage: sockshell [OPTIONS] [FILE...]

      An interactive console for socket programming one call at a time.
      With no FILE and a terminal on stdin, opens the console; with FILEs, runs them
      as scripts in one session and exits; with stdin not a terminal, runs stdin.

      Options:
        --keep-going   run the remaining lines of a script after an unexpected error
        --no-color     no colours in the console (so does the NO_COLOR variable)
        --help         show this help and exit
        --version      show the version and exit

      Exit status: 0 ran clean; 1 a command failed unexpectedly or an expectation
      failed; 2 bad usage or an unreadable file.

      In the console, /help lists the commands.
      """;

  /** A command line that cannot be run. */
  static final class BadUsage extends Exception {
    private static final long serialVersionUID = 1L;

    BadUsage(String message) {
      super(message);
    }
  }

  public Options {
    files = List.copyOf(files);
  }

  public static Options parse(String[] args) throws BadUsage {
    boolean help = false;
    boolean version = false;
    boolean keepGoing = false;
    boolean noColor = false;
    List<Path> files = new ArrayList<>();
    boolean onlyFiles = false;
    for (String arg : args) {
      if (onlyFiles || !arg.startsWith("-") || arg.equals("-")) {
        files.add(Path.of(arg));
        continue;
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--version", "-V" -> version = true;
        case "--keep-going", "-k" -> keepGoing = true;
        case "--no-color", "--no-colour" -> noColor = true;
        case "--" -> onlyFiles = true;
        default -> throw new BadUsage("unknown option '" + arg + "'");
      }
    }
    return new Options(help, version, keepGoing, noColor, files);
  }
}
