package dev.sockshell.console;

import dev.sockshell.render.Style;
import dev.sockshell.repl.Options;
import java.util.EnumMap;
import java.util.Map;
import org.jline.jansi.Ansi;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;

/**
 * Which colour each {@link Style} gets, and whether to colour at all. One table serves both the
 * output (ANSI escapes built with Jansi) and the line being typed (JLine's {@link
 * AttributedStyle}), so a socket name looks the same in a result and at the prompt.
 */
final class Colors {
  private Colors() {}

  /** A foreground colour (null: the terminal's own), its bright variant, and bold. */
  private record Look(Ansi.Color color, boolean bright, boolean bold) {}

  private static final Map<Style, Look> LOOKS = new EnumMap<>(Style.class);

  static {
    look(Style.PROMPT, Ansi.Color.BLUE, true, true);
    look(Style.COMMAND, Ansi.Color.CYAN, false, true);
    look(Style.SOCKET, Ansi.Color.MAGENTA, false, false);
    look(Style.VALUE, Ansi.Color.GREEN, false, false);
    look(Style.STRING, Ansi.Color.GREEN, false, false);
    look(Style.VALUE_NAME, Ansi.Color.BLACK, true, false);
    look(Style.ADDRESS, Ansi.Color.YELLOW, false, false);
    look(Style.NUMBER, Ansi.Color.BLUE, false, false);
    look(Style.CONSTANT, Ansi.Color.BLUE, false, false);
    look(Style.FEEDBACK, Ansi.Color.BLACK, true, false);
    look(Style.DIM, Ansi.Color.BLACK, true, false);
    look(Style.HINT, Ansi.Color.YELLOW, false, false);
    look(Style.ERROR, Ansi.Color.RED, false, false);
    look(Style.WARNING, Ansi.Color.YELLOW, true, false);
    look(Style.SUCCESS, Ansi.Color.GREEN, false, false);
    look(Style.HEADER, null, false, true);
    look(Style.EVENT, Ansi.Color.CYAN, false, false);
  }

  private static void look(Style style, Ansi.Color color, boolean bright, boolean bold) {
    LOOKS.put(style, new Look(color, bright, bold));
  }

  /**
   * No colour with {@code --no-color}, with {@code NO_COLOR} set (no-color.org), or on a dumb
   * terminal. (The console only runs when stdin and stdout are terminals; scripts and pipes get
   * plain output.)
   */
  static boolean enabled(Terminal terminal, Options options) {
    return enabled(terminal.getType(), options.noColor(), System.getenv("NO_COLOR"));
  }

  static boolean enabled(String terminalType, boolean noColorOption, String noColorVariable) {
    if (noColorOption || (noColorVariable != null && !noColorVariable.isEmpty())) {
      return false;
    }
    return terminalType != null && !terminalType.startsWith(Terminal.TYPE_DUMB);
  }

  /** {@code text} in the colour of {@code style}, as ANSI escapes built with Jansi. */
  static String paint(Style style, String text) {
    Look look = LOOKS.get(style);
    if (look == null) {
      return text;
    }
    Ansi ansi = Ansi.ansi();
    if (look.color() != null) {
      ansi = look.bright() ? ansi.fgBright(look.color()) : ansi.fg(look.color());
    }
    if (look.bold()) {
      ansi = ansi.bold();
    }
    return ansi.a(text).reset().toString();
  }

  /** The same colour as {@link #paint}, for text JLine draws (the line being typed). */
  static AttributedStyle attributes(Style style) {
    Look look = LOOKS.get(style);
    AttributedStyle attributes = AttributedStyle.DEFAULT;
    if (look == null) {
      return attributes;
    }
    if (look.color() != null) {
      int color = look.color().value() + (look.bright() ? AttributedStyle.BRIGHT : 0);
      attributes = attributes.foreground(color);
    }
    return look.bold() ? attributes.bold() : attributes;
  }
}
