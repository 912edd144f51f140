package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.SOCKET;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Ladder;
import dev.sockshell.render.LadderText;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.trace.Trace;
import dev.sockshell.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/** /diagram: the session so far as a sequence diagram, drawn from the log's trace. */
final class PictureCommands {

  private PictureCommands() {}

  private static final String ASCII = "--ascii";

  private static final Param ASCII_OPTION = Param.constant(ASCII, true, List.of(ASCII));

  private static final Param NAMES = Param.optional("NAME...", SOCKET);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("/diagram", Group.SESSION, Command.Diagram.class)
            .params(ASCII_OPTION, NAMES)
            .summary(
                "the session as a sequence diagram: connects, bytes, FIN and RST between the sockets")
            .example("/diagram cli conn")
            .binder(PictureCommands::bindDiagram)
            .runner(PictureCommands::diagram)
            .build());
  }

  private static Command.Diagram bindDiagram(Args a) throws UsageError {
    boolean ascii = false;
    List<String> names = new ArrayList<>();
    while (a.hasMore()) {
      Token t = a.next(NAMES, "NAME");
      if (t.text().equals(ASCII)) {
        a.read(t, ASCII_OPTION);
        ascii = true;
      } else {
        names.add(Args.checkName(t));
      }
    }
    return new Command.Diagram(names, ascii);
  }

  private static Outcome diagram(Command.Diagram c, Context ctx) throws UsageError {
    Trace.Snapshot trace = ctx.log().trace().snapshot();
    for (String name : c.names()) {
      if (!inTrace(trace, name)) {
        throw UsageError.about(name, Text.get("diagram.no.socket", name));
      }
    }
    Ladder ladder = Ladder.of(trace, c.names());
    if (ladder.rows().isEmpty()) {
      ctx.out().println(Styled.of(Style.FEEDBACK, Feedback.PREFIX + Text.get("diagram.nothing")));
      return new Outcome.Printed();
    }
    int width = ctx.out().width() > 0 ? ctx.out().width() : HelpPages.PLAIN_WIDTH;
    LadderText.Glyphs glyphs =
        c.ascii() || !ctx.out().unicode() ? LadderText.Glyphs.ASCII : LadderText.Glyphs.UNICODE;
    LadderText.draw(ladder, width, glyphs).forEach(ctx.out()::println);
    return new Outcome.Printed();
  }

  private static boolean inTrace(Trace.Snapshot trace, String name) {
    for (TraceEvent e : trace.events()) {
      if ((e instanceof TraceEvent.Opened o && o.name().equals(name))
          || (e instanceof TraceEvent.Accepted a && a.name().equals(name))) {
        return true;
      }
    }
    return false;
  }
}
