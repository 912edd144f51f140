package dev.sockshell.repl;

import dev.sockshell.i18n.Text;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Output;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --step}: a program run one line at a time. Before each statement of the program the next
 * line is shown with its number and the console is live: Enter runs the line, {@code /continue}
 * runs on to the end or to a line {@code /break N} marked, and any other line runs in the session
 * as at the prompt ({@code /list}, a command, Python that reads the program's variables).
 */
final class Stepper {
  private static final Pattern BREAK = Pattern.compile("\\s*/break(?:\\s+(\\S+))?\\s*");

  private final Shell shell;
  private final LineSource console;
  private final String file;
  private final String shown;
  private final List<String> lines;
  private final TreeSet<Integer> breakpoints = new TreeSet<>();

  /** Pausing at every line (true), or only at breakpoints. */
  private boolean stepping = true;

  /** Ctrl-D while paused: the program runs to its end, then the console ends. */
  private boolean leaving;

  /** True while paused: lines run from the pause run without stepping themselves. */
  private boolean paused;

  /** The keys (Enter, /continue, /break N) are told at the first pause, not on every line. */
  private boolean keysTold;

  Stepper(Shell shell, LineSource console, String file, String shown, List<String> lines) {
    this.shell = shell;
    this.console = console;
    this.file = file;
    this.shown = shown;
    this.lines = lines;
  }

  /** True if Ctrl-D ended the stepping: the console should end with the program. */
  boolean leaving() {
    return leaving;
  }

  /** Before a statement of {@code file} at {@code line}: waits there if stepping or marked. */
  void before(String file, int line) {
    if (paused || leaving || !file.equals(this.file)) {
      return;
    }
    if (!stepping && !breakpoints.contains(line)) {
      return;
    }
    stepping = true;
    show(line);
    paused = true;
    try {
      shell.run(new Pause());
    } finally {
      paused = false;
    }
  }

  /**
   * {@code → tcp_server.py:12 conn, addr = server.accept()}: the line Enter runs. The keys follow
   * the first one only: repeated on every line they wrapped long lines and buried the code.
   */
  private void show(int line) {
    String code = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    Styled.Builder marker =
        Styled.builder()
            .add(Style.PROMPT, "→ " + shown + ":" + line + "  ")
            .add(Style.COMMAND, code);
    if (!keysTold) {
      marker.add(Style.DIM, Text.get("step.keys"));
      keysTold = true;
    }
    shell.out().println(marker.build());
  }

  /** The console's lines while paused; it ends (null) when the program should go on. */
  private final class Pause implements LineSource {
    @Override
    public Line next() throws IOException {
      while (true) {
        Line line = console.next();
        if (line == null) {
          leaving = true;
          return null;
        }
        String text = line.text().strip();
        if (text.isEmpty()) {
          return null;
        } else if (text.equals("/continue")) {
          stepping = false;
          return null;
        }
        Matcher b = BREAK.matcher(text);
        if (!b.matches()) {
          return line;
        }
        breakpoint(b.group(1));
      }
    }

    @Override
    public String input(String prompt) throws IOException {
      return console.input(prompt);
    }

    @Override
    public String name() {
      return console.name();
    }

    @Override
    public Path baseDirectory() {
      return console.baseDirectory();
    }

    @Override
    public boolean isInteractive() {
      return true;
    }
  }

  /** {@code /break N} marks line N; {@code /break} alone lists the marks. */
  private void breakpoint(String number) {
    Output out = shell.out();
    if (number == null) {
      out.println(
          Styled.of(
              Style.FEEDBACK,
              Feedback.PREFIX
                  + (breakpoints.isEmpty()
                      ? Text.get("step.breakpoints.none")
                      : Text.get("step.breakpoints", breakpoints))));
      return;
    }
    int line;
    try {
      line = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      out.println(
          Styled.of(
              Style.ERROR, Text.get("report.error", Text.get("step.break.number", shown, number))));
      return;
    }
    if (line < 1 || line > lines.size()) {
      out.println(
          Styled.of(
              Style.ERROR,
              Text.get("report.error", Text.get("step.break.range", shown, lines.size(), line))));
      return;
    }
    String code = lines.get(line - 1).strip();
    if (code.isEmpty() || code.startsWith("#")) {
      out.println(
          Styled.of(Style.ERROR, Text.get("report.error", Text.get("step.break.blank", line))));
      return;
    }
    breakpoints.add(line);
    out.println(
        Styled.of(
            Style.FEEDBACK,
            Feedback.PREFIX + Text.get("step.breakpoint", shown + ":" + line) + "  " + code));
  }
}
