package dev.sockshell.console;

import dev.sockshell.Options;
import dev.sockshell.render.Style;
import org.jline.jansi.Ansi;
import org.jline.terminal.Terminal;

/** Which colour each {@link Style} gets, and whether to colour at all. */
final class Colors {
  private Colors() {}

  /** No colour on a dumb terminal, with {@code NO_COLOR} set (no-color.org), or when asked. */
  static boolean enabled(Terminal terminal, Options options) {
    String noColor = System.getenv("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    String type = terminal.getType();
    return type != null && !type.startsWith(Terminal.TYPE_DUMB);
  }

  /** {@code text} in the colour of {@code style}, as ANSI escapes built with Jansi. */
  static String paint(Style style, String text) {
    Ansi ansi = Ansi.ansi();
    switch (style) {
      case PROMPT -> ansi.fgBright(Ansi.Color.BLUE).bold();
      case COMMAND -> ansi.fg(Ansi.Color.CYAN).bold();
      case SOCKET -> ansi.fg(Ansi.Color.MAGENTA);
      case VALUE, STRING -> ansi.fg(Ansi.Color.GREEN);
      case VALUE_NAME -> ansi.fgBright(Ansi.Color.BLACK);
      case ADDRESS -> ansi.fg(Ansi.Color.YELLOW);
      case NUMBER, CONSTANT -> ansi.fg(Ansi.Color.BLUE);
      case FEEDBACK, DIM -> ansi.fgBright(Ansi.Color.BLACK);
      case HINT -> ansi.fg(Ansi.Color.YELLOW);
      case ERROR -> ansi.fg(Ansi.Color.RED);
      case WARNING -> ansi.fgBright(Ansi.Color.YELLOW);
      case SUCCESS -> ansi.fg(Ansi.Color.GREEN);
      case HEADER -> ansi.bold();
      case EVENT -> ansi.fg(Ansi.Color.CYAN);
      default -> {
        return text;
      }
    }
    return ansi.a(text).reset().toString();
  }
}
