package dev.sockshell.commands;

import dev.sockshell.background.Rule;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The background commands (serve, relay, stop, wait, on, off) in an exported program: calls of a
 * threading helper that {@link #helper()} gives once, at the top. The specs' own Python text
 * (asyncio, for {@code /help}) is not a statement python3 runs outside {@code async def}.
 */
final class BackgroundExport {
  private static final String HELPER = "/dev/sockshell/export/background.py";

  /** The modules the helper uses. */
  static final List<String> IMPORTS =
      List.of("errno", "re", "select", "struct", "threading", "time");

  private BackgroundExport() {}

  /**
   * The statement for a background command, or null if {@code command} is not one; {@code encoding}
   * is the session's at that point, which a rule's regex decodes with, and {@code eventLines}
   * whether it printed a line per event (what {@code relay --trace} prints).
   */
  static String statement(Context ctx, Command command, String encoding, boolean eventLines) {
    if (command instanceof Command.Serve s) {
      return serve(s);
    } else if (command instanceof Command.Relay r) {
      return "background_relay("
          + Repr.str(r.first())
          + ", "
          + r.first()
          + ", "
          + Repr.str(r.second())
          + ", "
          + r.second()
          + (r.trace() && eventLines ? ", trace=True" : "")
          + (r.trace() && eventLines && r.hex() ? ", hex_dump=True" : "")
          + (eventLines ? "" : ", events=False")
          + ")"
          + (r.trace() && !eventLines ? "  # --trace: /set events printed no line per chunk" : "");
    } else if (command instanceof Command.Stop s) {
      return "background_stop(" + Repr.str(s.name()) + ")";
    } else if (command instanceof Command.Wait w) {
      return "background_wait("
          + (w.seconds() == null ? "" : ScriptCommands.seconds(w.seconds()))
          + ")";
    } else if (command instanceof Command.On on) {
      return on(ctx, on, encoding);
    } else if (command instanceof Command.Off off) {
      return "background_off(" + off.number() + ")";
    }
    return null;
  }

  private static String serve(Command.Serve s) {
    String answer =
        switch (s.mode()) {
          case ECHO -> "lambda data: data";
          case REPLY -> "lambda data: " + Py.data(s.reply());
          case RULES -> "None";
        };
    return "background_serve("
        + Repr.str(s.name())
        + ", "
        + s.name()
        + ", "
        + answer
        + (s.max() == null ? "" : ", max_count=" + s.max())
        + ")";
  }

  /** {@code on NAME WHEN … ACTION …}: the rule, its reply as bytes and group numbers. */
  private static String on(Context ctx, Command.On on, String encoding) {
    List<String> args = new ArrayList<>(List.of(Repr.str(on.name()), on.name()));
    String when;
    if (on.when() instanceof Command.When.Matches m) {
      when = "matches";
      args.add(Repr.str(when));
      args.add(Repr.str(m.source()));
    } else if (on.when() instanceof Command.When.Contains c) {
      when = "contains";
      args.add(Repr.str(when));
      try {
        args.add(bytes(Eval.data(ctx, c.data())));
      } catch (UsageError | SocketError e) {
        return notExported(on.text(), "its DATA is no longer known");
      }
    } else {
      when =
          on.when() instanceof Command.When.Any
              ? "any"
              : on.when() instanceof Command.When.Connect ? "connect" : "eof";
      args.add(Repr.str(when));
    }
    if (on.then() instanceof Command.Then.Send send) {
      try {
        args.add("action='send'");
        args.add("reply=" + reply(RuleCommands.template(ctx, send)));
      } catch (UsageError | SocketError e) {
        return notExported(on.text(), "its reply is no longer known");
      }
    } else {
      args.add(on.then() instanceof Command.Then.Reset ? "action='reset'" : "action='close'");
    }
    if (when.equals("matches")) {
      args.add("encoding=" + Repr.str(encoding));
    }
    return "background_on(" + String.join(", ", args) + ")";
  }

  /** A reply: bytes, or a list of bytes and the numbers of the groups between them. */
  private static String reply(Rule.Template template) {
    List<String> parts = new ArrayList<>();
    for (Object part : template.parts()) {
      parts.add(part instanceof ByteString b ? bytes(b) : part.toString());
    }
    return template.parts().size() == 1 && template.parts().get(0) instanceof ByteString
        ? parts.get(0)
        : "[" + String.join(", ", parts) + "]";
  }

  private static String bytes(ByteString b) {
    return Repr.of(new Value.Bytes(b));
  }

  /** A line the program cannot do as the session did: it stops there, saying so. */
  private static String notExported(String line, String why) {
    return "raise NotImplementedError(" + Repr.str(line + ": " + why) + ")";
  }

  /**
   * The messages the helper's lines are made of, by key ({@code {0}}… are filled in as {@link Text}
   * does): the event lines the session printed.
   */
  private static final List<String> MESSAGES =
      List.of("background.relayed.byte", "background.relayed.bytes");

  /**
   * The helper's definitions, written once after the imports when a background call is used: its
   * lines in the session's language as it is now ({@code /set lang}), then the functions.
   */
  static List<String> helper() {
    List<String> lines = new ArrayList<>();
    lines.add("# The lines sockshell prints, in the session's language when it was exported.");
    lines.add("_TEXT = {");
    lines.add(
        "    "
            + Repr.str("event.line")
            + ": "
            + Repr.str(Feedback.PREFIX + Text.get("event.line"))
            + ",");
    for (String key : MESSAGES) {
      lines.add("    " + Repr.str(key) + ": " + Repr.str(Text.get(key)) + ",");
    }
    lines.add("}");
    try (InputStream in = BackgroundExport.class.getResourceAsStream(HELPER)) {
      lines.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
