package dev.sockshell;

import dev.sockshell.commands.Settings;
import dev.sockshell.i18n.Text;
import dev.sockshell.net.Errno;
import dev.sockshell.net.Session;
import dev.sockshell.net.Timeout;
import dev.sockshell.render.PlainOutput;
import dev.sockshell.repl.Options;
import dev.sockshell.repl.ReaderSource;
import dev.sockshell.repl.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar sockshell.jar prog.py ARGS}: a Python program run as python3 runs it, in one
 * session (after the scripts named before it). Its stdout is the program's own; sockshell's
 * feedback on its calls (events, hints) goes to stderr when that is a terminal or with {@code
 * --events}, and is silent otherwise. Ctrl-C is KeyboardInterrupt inside the program.
 */
final class Program {
  private Program() {}

  static int run(Options options, InputStream in, PrintStream out, PrintStream err) {
    Path cwd = Path.of("").toAbsolutePath();
    Path file = options.program();
    // On a terminal, control characters from the network are escaped, as everywhere in
    // sockshell; to a pipe or a file the program's output is byte for byte what python3 writes.
    PlainOutput screen = isTerminal(1) ? new PlainOutput(out) : PlainOutput.unescaped(out);
    PlainOutput errors = isTerminal(2) ? new PlainOutput(err) : PlainOutput.unescaped(err);
    // With events, sockshell's lines about the calls go to stderr and the program's print to
    // stdout: a pipe reading stdout gets what python3 would write.
    boolean events = !options.quiet() && (options.events() || isTerminal(2));
    try (Shell shell = new Shell(new Session(), events ? errors : screen, cwd)) {
      shell.setErrors(errors);
      if (options.timeout() != null) {
        shell.session().setDefaultTimeout(Timeout.seconds(options.timeout()));
      }
      Main.interruptOrExit(shell);
      for (Path script : options.files()) {
        Shell.End end;
        try {
          end = shell.run(ReaderSource.open(script));
        } catch (IOException e) {
          err.println(Text.get("usage.unreadable", script, Errno.fileReason(e)));
          return Main.USAGE;
        }
        if (end != Shell.End.COMPLETED) {
          shell.printSummary();
          return end == Shell.End.EXITED ? Main.OK : Main.FAILED;
        }
      }
      if (events) {
        shell.showProgramCalls(screen);
      } else {
        shell.settings().setFeedback(Settings.Feedback.SILENT);
      }
      List<String> argv = new ArrayList<>();
      argv.add(file.toString());
      argv.addAll(options.programArgs());
      try {
        return shell.runProgram(file, file.toString(), argv, ReaderSource.of(in, "<stdin>", cwd));
      } catch (IOException e) {
        err.println(Text.get("usage.unreadable", file, Errno.fileReason(e)));
        return Main.USAGE;
      }
    }
  }

  /** True when file descriptor {@code fd} of this process is a terminal (Linux: /proc). */
  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Main.isTerminal(System.console());
    }
  }
}
