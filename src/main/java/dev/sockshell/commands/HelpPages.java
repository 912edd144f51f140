package dev.sockshell.commands;

import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/** The text of {@code /help}: an overview by group, and one page per command. */
final class HelpPages {
  /** Columns for the text of an argument, so a page fits a terminal of 100 columns. */
  private static final int WRAP = 72;

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
    List<String> cells = new ArrayList<>();
    for (CommandSpec<?> spec : table.all()) {
      if (spec.group() != group) {
        lines.addAll(HelpTopics.rows(Style.COMMAND, Style.DIM, width, cells));
        cells.clear();
        group = spec.group();
        if (!lines.isEmpty()) {
          lines.add(Styled.plain(""));
        }
        lines.add(Styled.of(Style.HEADER, group.title()));
      }
      cells.add(spec.synopsis());
      cells.add(spec.summary());
    }
    lines.addAll(HelpTopics.rows(Style.COMMAND, Style.DIM, width, cells));
    lines.add(Styled.plain(""));
    lines.add(Styled.of(Style.HEADER, "Topics"));
    cells.clear();
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      cells.add("/help " + topic.name());
      cells.add(topic.summary());
    }
    lines.addAll(HelpTopics.rows(Style.COMMAND, Style.DIM, 0, cells));
    lines.add(Styled.plain(""));
    lines.add(
        Styled.plain(
            "/help COMMAND shows its syntax, Python equivalent, an example and its errors."));
    lines.add(
        Styled.plain(
            "Tab completes commands, socket names, constants and files; # starts a comment."));
    return lines;
  }

  List<Styled> page(String topic) {
    CommandSpec<?> spec = table.find(topic).or(() -> table.find("/" + topic)).orElse(null);
    if (spec == null) {
      return HelpTopics.find(topic)
          .map(t -> HelpTopics.page(t, table))
          .orElseGet(() -> unknown(topic));
    }
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.COMMAND, spec.synopsis()));
    lines.add(Styled.plain("  " + capitalized(spec.summary()) + "."));
    String python = pythonOfExample(spec);
    if (python != null) {
      lines.add(Styled.builder().plain("  Python:   ").add(Style.STRING, python).build());
    }
    lines.add(Styled.builder().plain("  Example:  ").add(Style.COMMAND, spec.example()).build());
    lines.addAll(arguments(spec));
    lines.addAll(errors(spec));
    return lines;
  }

  private List<Styled> unknown(String topic) {
    List<String> known = new ArrayList<>(table.names());
    HelpTopics.all().forEach(t -> known.add(t.name()));
    String close = Suggest.closest(topic, known);
    return List.of(
        Styled.of(
            Style.ERROR,
            "no command or topic called '"
                + topic
                + "'"
                + (close != null ? "; did you mean " + close + "?" : "; /help lists them")));
  }

  /** What may stand at the positions that are not obvious: constants, addresses, data. */
  private static List<Styled> arguments(CommandSpec<?> spec) {
    List<String> cells = new ArrayList<>();
    for (Param p : spec.params()) {
      String what =
          switch (p.kind()) {
            case CONSTANT -> String.join(", ", p.choices());
            case ADDRESS -> "HOST:PORT, [IPv6]:PORT, ('host', port) or a socket's NAME: /help addr";
            case DATA -> "\"text\", b'bytes', x'68 69', @FILE or a value such as $2: /help data";
            case VALUE -> "b'bytes', 5, ('127.0.0.1', 9999), None…, or error NAME: /help errors";
            default -> null;
          };
      if (what != null) {
        List<String> wrapped = wrap(what, WRAP);
        for (int i = 0; i < wrapped.size(); i++) {
          cells.add(i == 0 ? p.name() : "");
          cells.add(wrapped.get(i));
        }
      }
    }
    List<Styled> lines = new ArrayList<>();
    if (!cells.isEmpty()) {
      lines.add(Styled.plain("  Arguments:"));
    }
    for (Styled row : HelpTopics.rows(Style.CONSTANT, cells)) {
      lines.add(Styled.builder().plain("  ").add(row).build());
    }
    return lines;
  }

  /** The errors with their Python class, as they print: {@code OSError [EADDRINUSE]}. */
  private static List<Styled> errors(CommandSpec<?> spec) {
    List<String> cells = new ArrayList<>();
    for (CommandSpec.ErrorDoc e : spec.errors()) {
      cells.add(shown(e.name()));
      cells.add(e.meaning());
    }
    boolean takesSocket = spec.params().stream().anyMatch(p -> p.kind() == Param.Kind.SOCKET);
    boolean listsEbadf = spec.errors().stream().anyMatch(e -> e.name().equals("EBADF"));
    List<Styled> lines = new ArrayList<>();
    if (!cells.isEmpty()) {
      lines.add(Styled.plain("  Errors:"));
      for (Styled row : HelpTopics.rows(Style.ERROR, cells)) {
        lines.add(Styled.builder().plain("  ").add(row).build());
      }
    }
    if (takesSocket && !listsEbadf) {
      lines.add(
          Styled.plain(
              "  Any call on a closed socket raises OSError [EBADF]; close itself never fails."));
    }
    return lines;
  }

  /** Splits a list such as "A, B, C" into lines of at most {@code width}, breaking after commas. */
  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String shown(String errorName) {
    return Errno.byName(errorName)
        .filter(e -> e.name().equals(errorName))
        .map(e -> e.pythonClass().pythonName() + " [" + e.name() + "]")
        .or(() -> PyException.byName(errorName).map(PyException::pythonName))
        .orElse(errorName);
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
