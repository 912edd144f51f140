package dev.sockshell.console;

import dev.sockshell.commands.ConstantDocs;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.HelpTopics;
import dev.sockshell.commands.SetCommands;
import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.Session;
import dev.sockshell.render.Style;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Colours the line being typed as the parser will read it: the command, socket names (red when no
 * socket has that name), strings and bytes, addresses, numbers, constants, and errors such as an
 * unterminated string. A word still being typed at the end of the line is only red once no
 * completion of it could be right. Also keeps the argument hint (JLine's tail tip) in step.
 */
final class LineHighlighter implements Highlighter {
  private static final Set<String> PYTHON_CONSTANTS = Set.of("None", "True", "False", "none");

  private final Context context;
  private final boolean color;
  private final boolean hints;

  /** The sockets that the lines above, in a block being typed, create. */
  private final Set<String> blockNames = new HashSet<>();

  /** The line at the previous redisplay, to tell a Tab that completed from one that listed. */
  private String previous = "";

  /**
   * @param color colour the line (off with NO_COLOR, --no-color, or a dumb terminal)
   * @param hints show the hint of the arguments still to come
   */
  LineHighlighter(Context context, boolean color, boolean hints) {
    this.context = context;
    this.color = color;
    this.hints = hints;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    // A block is coloured line by line; the hint is for the last line, where the cursor is.
    int lastStart = buffer.lastIndexOf('\n') + 1;
    String lastLine = buffer.substring(lastStart);
    TypedLine typedLast = TypedLine.read(lastLine, context.commands());
    if (hints && reader != null) {
      ArgumentHint.show(reader, buffer, lastLine, typedLast, buffer.equals(previous));
      previous = buffer;
    }
    if (!color) {
      return new AttributedString(buffer);
    }
    AttributedStringBuilder sb = new AttributedStringBuilder(buffer.length());
    blockNames.clear();
    int start = 0;
    while (true) {
      int end = buffer.indexOf('\n', start);
      boolean last = end < 0;
      String line = last ? lastLine : buffer.substring(start, end);
      TypedLine typed = last ? typedLast : TypedLine.read(line, context.commands());
      paint(sb, line, styles(line, typed, last));
      if (last) {
        return sb.toAttributedString();
      }
      sb.append("\n");
      rememberNewSockets(typed);
      start = end + 1;
    }
  }

  private static void paint(AttributedStringBuilder sb, String line, Style[] styles) {
    int i = 0;
    while (i < line.length()) {
      int j = i;
      while (j < line.length() && styles[j] == styles[i]) {
        j++;
      }
      sb.styled(Colors.attributes(styles[i]), line.substring(i, j));
      i = j;
    }
  }

  /** The sockets a block's line creates ({@code accept srv conn}), which its later lines use. */
  private void rememberNewSockets(TypedLine typed) {
    for (TypedLine.Arg arg : typed.args()) {
      if (arg.param() != null && arg.param().kind() == Param.Kind.NEW_SOCKET) {
        blockNames.add(arg.token().text());
      }
    }
  }

  /**
   * The style of every character of one line; {@code mayBeTyping}: it is the last line, whose last
   * word may still be being typed.
   */
  private Style[] styles(String line, TypedLine typed, boolean mayBeTyping) {
    Style[] styles = new Style[line.length()];
    Arrays.fill(styles, Style.PLAIN);
    Token command = typed.commandWord();
    if (command == null) {
      return styles;
    }
    boolean known = typed.spec() != null;
    Style commandStyle =
        known
            ? Style.COMMAND
            : mayBeTyping
                    && typing(command, line)
                    && startsAny(context.commands().names(), command.text())
                ? Style.PLAIN
                : Style.ERROR;
    fill(styles, command, commandStyle);
    for (TypedLine.Arg arg : typed.args()) {
      fill(styles, arg.token(), style(typed, arg, mayBeTyping && typing(arg.token(), line)));
    }
    if (typed.scanError() != null) {
      int from = Math.max(0, Math.min(typed.scanError().column(), line.length()));
      Arrays.fill(styles, from, line.length(), Style.ERROR);
    }
    if (typed.commentAt() >= 0) {
      Arrays.fill(styles, typed.commentAt(), line.length(), Style.DIM);
    }
    return styles;
  }

  /** A word still being typed: it ends the line, with the cursor after it. */
  private static boolean typing(Token token, String buffer) {
    return token.end() == buffer.length();
  }

  /**
   * An argument's style: as the parameter the binder read it for; a word it never read (after one
   * it rejected) is plain. A rejected word is red, unless it is still being typed and may yet
   * become right.
   */
  private Style style(TypedLine typed, TypedLine.Arg arg, boolean typing) {
    if (arg.param() == null) {
      return arg.rejected() ? Style.ERROR : Style.PLAIN;
    }
    if (arg.rejected() && !typing) {
      return Style.ERROR;
    }
    return style(typed, arg.token(), arg.param(), typing);
  }

  private Style style(TypedLine typed, Token token, Param param, boolean typing) {
    String text = token.text();
    return switch (param.kind()) {
      case SOCKET -> socket(text, typing);
      case NEW_SOCKET -> newSocket(text);
      case ADDRESS -> address(token, typing);
      case DATA -> literal(token, typing, false);
      case NUMBER ->
          TypedLine.isNumber(text)
              ? Style.NUMBER
              : PYTHON_CONSTANTS.contains(text) || TypedLine.isChoice(text, param)
                  ? Style.CONSTANT
                  : wrong(typing, Style.PLAIN);
      case CONSTANT -> constant(typed, text, param, typing);
      case VALUE ->
          TypedLine.isErrorKeyword(param, text) ? Style.COMMAND : literal(token, typing, true);
      case ERROR_NAME ->
          Errno.byName(text).isPresent() || PyException.byName(text).isPresent()
              ? Style.CONSTANT
              : wrong(typing && startsAny(ConstantDocs.errorNames(), text), Style.PLAIN);
      case COMMAND -> helpTopic(text, typing);
      case PATH -> Style.STRING;
      default -> Style.PLAIN;
    };
  }

  /** A constant; /set's VALUE is checked against its KEY (so any encoding Java has is right). */
  private static Style constant(TypedLine typed, String text, Param param, boolean typing) {
    if (typed.spec().name().equals("/set") && param.name().equals("VALUE")) {
      String key = typed.args().get(0).token().text();
      return SetCommands.accepts(key, text) ? Style.CONSTANT : wrong(typing, Style.PLAIN);
    }
    return TypedLine.isChoice(text, param)
        ? Style.CONSTANT
        : wrong(
            typing && startsAny(upper(param.choices()), TypedLine.constantKey(text)), Style.PLAIN);
  }

  /** Red, unless the word is still being typed and may yet become right. */
  private static Style wrong(boolean mayBecomeRight, Style meanwhile) {
    return mayBecomeRight ? meanwhile : Style.ERROR;
  }

  private Style socket(String name, boolean typing) {
    Session session = context.session();
    if (session.find(name).isPresent() || blockNames.contains(name)) {
      return Style.SOCKET;
    }
    return wrong(typing && startsAny(session.names(), name), Style.PLAIN);
  }

  /** A name for a new socket: red if it is not a name, or an open socket already has it. */
  private Style newSocket(String name) {
    return TypedLine.isName(name) && !context.session().isOpenName(name)
        ? Style.SOCKET
        : Style.ERROR;
  }

  private Style address(Token token, boolean typing) {
    try {
      Literal literal = LiteralParser.parse(token);
      AddrExpr address = AddrExpr.of(literal, token.text());
      if (address instanceof AddrExpr.SocketName n) {
        return socket(n.name(), typing);
      }
      return address instanceof AddrExpr.Ref ? Style.VALUE_NAME : Style.ADDRESS;
    } catch (UsageError e) {
      return wrong(typing, Style.ADDRESS);
    }
  }

  /**
   * DATA and VALUE: what the literal is, by its form. In DATA a bare word is text ({@code send s 5}
   * sends b'5'); in an expected VALUE it may be a number, None/True/False or a socket.
   */
  private Style literal(Token token, boolean typing, boolean value) {
    try {
      Literal literal = LiteralParser.parse(token);
      if (literal instanceof Literal.Ref) {
        return Style.VALUE_NAME;
      } else if (literal instanceof Literal.Tuple) {
        return Style.ADDRESS;
      } else if (literal instanceof Literal.Word w && value) {
        return word(w.text());
      }
      return Style.STRING;
    } catch (UsageError e) {
      return wrong(typing, Style.STRING);
    }
  }

  /** A bare word in an expected value: a number, None/True/False, a socket's name, or text. */
  private Style word(String text) {
    if (TypedLine.isNumber(text)) {
      return Style.NUMBER;
    } else if (PYTHON_CONSTANTS.contains(text)) {
      return Style.CONSTANT;
    }
    return context.session().find(text).isPresent() ? Style.SOCKET : Style.PLAIN;
  }

  private Style helpTopic(String text, boolean typing) {
    return HelpTopics.hasPage(context.commands(), text)
        ? Style.COMMAND
        : wrong(typing, Style.PLAIN);
  }

  private static List<String> upper(List<String> choices) {
    return choices.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
  }

  private static void fill(Style[] styles, Token token, Style style) {
    Arrays.fill(styles, token.start(), Math.min(token.end(), styles.length), style);
  }

  private static boolean startsAny(Collection<String> names, String prefix) {
    for (String name : names) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
