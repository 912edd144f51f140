package dev.sockshell.commands;

import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.UsageError;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code /help}: an overview by group, and one page per command. */
final class HelpPages {
  private final CommandTable table;

  HelpPages(CommandTable table) {
    this.table = table;
  }

  List<Styled> overview() {
    List<Styled> lines = new ArrayList<>();
    int width = 0;
    for (CommandSpec<?> spec : table.all()) {
      width = Math.max(width, spec.synopsis().length());
    }
    Group group = null;
    for (CommandSpec<?> spec : table.all()) {
      if (spec.group() != group) {
        group = spec.group();
        if (!lines.isEmpty()) {
          lines.add(Styled.plain(""));
        }
        lines.add(Styled.of(Style.HEADER, group.title()));
      }
      String synopsis = spec.synopsis();
      lines.add(
          Styled.builder()
              .plain("  ")
              .add(Style.COMMAND, synopsis)
              .plain(" ".repeat(width - synopsis.length() + 2))
              .add(Style.DIM, spec.summary())
              .build());
    }
    lines.add(Styled.plain(""));
    lines.add(
        Styled.plain(
            "ADDR is HOST:PORT, [IPv6]:PORT, ('host', port), a socket's NAME (its"
                + " bound address), a path (AF_UNIX) or a value such as _[1]."));
    lines.add(
        Styled.plain(
            "DATA is \"text\" (with \\n \\r \\t \\xHH \\uXXXX escapes), b'bytes',"
                + " x'68 69' (hex), @FILE, a bare word, or a value such as $2."));
    lines.add(Styled.plain("Results are kept as $1, $2, …; _ is the last. # starts a comment."));
    lines.add(
        Styled.plain(
            "/help COMMAND shows its syntax, Python equivalent, an example and" + " its errors."));
    return lines;
  }

  List<Styled> page(String topic) {
    CommandSpec<?> spec = table.find(topic).or(() -> table.find("/" + topic)).orElse(null);
    if (spec == null) {
      String close = Suggest.closest(topic, table.names());
      return List.of(
          Styled.of(
              Style.ERROR,
              "no command called '"
                  + topic
                  + "'"
                  + (close != null ? "; did you mean " + close + "?" : "; /help lists them")));
    }
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.COMMAND, spec.synopsis()));
    lines.add(Styled.plain("  " + capitalized(spec.summary()) + "."));
    String python = pythonOfExample(spec);
    if (python != null) {
      lines.add(Styled.builder().plain("  Python:   ").add(Style.STRING, python).build());
    }
    lines.add(Styled.builder().plain("  Example:  ").add(Style.COMMAND, spec.example()).build());
    if (!spec.errors().isEmpty()) {
      lines.add(Styled.plain("  Errors:"));
      int width = spec.errors().stream().mapToInt(e -> e.name().length()).max().orElse(0);
      for (CommandSpec.ErrorDoc e : spec.errors()) {
        lines.add(
            Styled.builder()
                .plain("    ")
                .add(Style.ERROR, e.name())
                .plain(" ".repeat(width - e.name().length() + 2) + e.meaning())
                .build());
      }
    }
    return lines;
  }

  /** The Python equivalent of the spec's own example, so the two can never disagree. */
  private String pythonOfExample(CommandSpec<?> spec) {
    if (spec.python() == null) {
      return null;
    }
    try {
      CommandTable.Parsed parsed = table.parse(spec.example());
      return parsed.spec().pythonOf(parsed.command());
    } catch (UsageError e) {
      throw new IllegalStateException("the example of " + spec.name() + " does not parse", e);
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
