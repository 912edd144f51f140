package dev.sockshell.console;

import dev.sockshell.lang.Prompt;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Output;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.repl.LineSource;
import java.io.IOError;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Lines typed at the prompt. Ctrl-C clears the line (it does not quit); Ctrl-D ends. */
final class ConsoleSource implements LineSource {

  private final LineReader reader;

  /** Where the console's own lines go: the screen and, if one is kept, the transcript. */
  private final Output out;

  private final EventPrinter events;
  private final CtrlC ctrlC;
  private final String prompt;
  private int number;

  ConsoleSource(
      LineReader reader, TerminalOutput terminal, Output out, EventPrinter events, CtrlC ctrlC) {
    this.reader = reader;
    this.out = out;
    this.events = events;
    this.ctrlC = ctrlC;
    this.prompt = terminal.render(Styled.of(Style.PROMPT, Prompt.FIRST));
  }

  @Override
  public Line next() throws IOException {
    events.beforePrompt();
    try {
      return read();
    } finally {
      ctrlC.takeFromLineReader();
      events.afterPrompt();
    }
  }

  private Line read() throws IOException {
    while (true) {
      tellHistoryProblem(); // one found when the file was loaded shows before the first prompt
      try {
        String text = reader.readLine(prompt);
        tellHistoryProblem();
        return new Line(text, ++number);
      } catch (UserInterruptException e) {
        if (e.getPartialLine() == null || e.getPartialLine().isEmpty()) {
          out.println(
              Styled.of(
                  Style.DIM,
                  Feedback.PREFIX
                      + "(Ctrl-C cancels a line or a running call; type"
                      + " /exit or press Ctrl-D to leave)"),
              Styled.of(Style.DIM, Feedback.PREFIX));
        }
      } catch (EndOfFileException e) {
        return null;
      } catch (IOError e) {
        // The terminal went away (a closed window, a dropped ssh): end like Ctrl-D, no stack trace.
        throw new IOException("the terminal went away", e);
      }
    }
  }

  /** Python's input(): a line typed after {@code prompt}; Ctrl-C or Ctrl-D end it with null. */
  @Override
  public String input(String prompt) {
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException | EndOfFileException e) {
      return null;
    }
  }

  /**
   * The history file's trouble (if any) in one line, not a warning: before the prompt, or once the
   * line is read (which saves it).
   */
  private void tellHistoryProblem() {
    if (reader.getHistory() instanceof History h) {
      for (String problem : h.takeProblems()) {
        out.println(
            Styled.of(Style.WARNING, Feedback.PREFIX + "history: " + problem),
            Styled.of(Style.WARNING, Feedback.PREFIX));
      }
    }
  }

  @Override
  public String name() {
    return null;
  }

  @Override
  public Path baseDirectory() {
    return null;
  }

  @Override
  public boolean isInteractive() {
    return true;
  }
}
