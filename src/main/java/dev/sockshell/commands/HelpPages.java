package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.render.Columns;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The text of {@code /help}: an overview by group, and one page per command. */
final class HelpPages {
  private final CommandTable table;
  private final HelpLayout layout;

  /** Lines of help fit this many columns where there is no screen to fit: a pipe, a file. */
  static final int PLAIN_WIDTH = 80;

  /**
   * @param width the columns of the screen the pages go to, or 0 if there is none
   */
  HelpPages(CommandTable table, int width) {
    this.table = table;
    this.layout = new HelpLayout(width > 0 ? width : PLAIN_WIDTH);
  }

  List<Styled> overview() {
    List<Styled> lines = new ArrayList<>();
    List<String> synopses = new ArrayList<>();
    table.all().forEach(spec -> synopses.add(spec.synopsis()));
    int width = layout.column(synopses);
    Group group = null;
    List<String> cells = new ArrayList<>();
    for (CommandSpec<?> spec : table.all()) {
      if (spec.group() != group) {
        lines.addAll(layout.rows(Style.COMMAND, Style.DIM, width, cells));
        cells.clear();
        group = spec.group();
        if (!lines.isEmpty()) {
          lines.add(Styled.plain(""));
        }
        lines.add(Styled.of(Style.HEADER, group.title()));
      }
      cells.add(spec.synopsis());
      cells.add(summary(spec));
    }
    lines.addAll(layout.rows(Style.COMMAND, Style.DIM, width, cells));
    lines.add(Styled.plain(""));
    lines.add(Styled.of(Style.HEADER, Text.get("help.topics")));
    cells.clear();
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      cells.add("/help " + topic.name());
      cells.add(topic.summary());
    }
    lines.addAll(layout.rows(Style.COMMAND, Style.DIM, 0, cells));
    lines.add(Styled.plain(""));
    lines.addAll(layout.paragraph(Text.get("help.overview.commands")));
    lines.addAll(layout.paragraph(Text.get("help.overview.keys")));
    lines.addAll(layout.paragraph(Text.get("help.overview.scripts")));
    return lines;
  }

  /**
   * The page of a command or topic.
   *
   * @throws UsageError if there is none by that name, suggesting a close one
   */
  List<Styled> page(String topic) throws UsageError {
    CommandSpec<?> spec = table.find(topic).or(() -> table.find("/" + topic)).orElse(null);
    if (spec == null) {
      Optional<HelpTopics.Topic> t = HelpTopics.find(topic);
      if (t.isPresent()) {
        // A topic that is also a constant (SO_REUSEADDR) adds to the constant's page.
        List<Styled> lines = new ArrayList<>(constant(t.get().name()).orElse(List.of()));
        lines.addAll(HelpTopics.page(t.get(), table, layout));
        return lines;
      }
      return constant(topic).or(() -> error(topic)).orElseThrow(() -> unknown(topic));
    }
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.COMMAND, spec.synopsis()));
    lines.addAll(layout.paragraph("  ", Text.get("help.sentence", capitalized(summary(spec)))));
    String python = pythonOfExample(spec);
    if (python != null) {
      lines.add(
          Styled.builder().plain(label("help.label.python")).add(Style.STRING, python).build());
    }
    // A block's example takes several lines; the later ones go under the first.
    String margin = label("help.label.example");
    for (String line : spec.example().split("\n")) {
      lines.add(Styled.builder().plain(margin).add(Style.COMMAND, line).build());
      margin = " ".repeat(Columns.of(margin));
    }
    lines.addAll(arguments(spec));
    lines.addAll(errors(spec));
    for (String note : HelpNotes.of(spec.name())) {
      lines.add(Styled.plain(""));
      lines.addAll(layout.paragraph("  ", note));
    }
    List<String> program = HelpPrograms.of(spec.name());
    if (!program.isEmpty()) {
      lines.add(Styled.plain(""));
      lines.add(Styled.plain("  " + Text.get("help.label.program")));
      // Code as written: not wrapped, whatever the width (a wrapped line would not run).
      for (String line : program) {
        lines.add(
            line.isEmpty()
                ? Styled.plain("")
                : Styled.builder().plain("    ").add(Style.STRING, line).build());
      }
    }
    return lines;
  }

  /**
   * A constant a command takes ({@code /help SO_REUSEADDR}, in any case, {@code socket.} allowed):
   * what it means, and where it goes.
   */
  private Optional<List<Styled>> constant(String word) {
    String name =
        word.regionMatches(true, 0, "socket.", 0, "socket.".length())
            ? word.substring("socket.".length())
            : word;
    String found = null;
    String param = null;
    List<String> usedBy = new ArrayList<>();
    for (CommandSpec<?> spec : table.all()) {
      for (Param p : spec.params()) {
        for (String choice : p.choices()) {
          if (p.kind() == Param.Kind.CONSTANT && choice.equalsIgnoreCase(name)) {
            found = choice;
            param = param == null ? p.name() : param;
            usedBy.add(spec.name());
          }
        }
      }
    }
    if (found == null || ConstantDocs.meaning(found) == null) {
      return Optional.empty();
    }
    return Optional.of(
        namePage(
            found,
            Text.get("help.constant.where", param, String.join(", ", usedBy), usedBy.get(0)),
            Text.get("help.constant.every")));
  }

  /** An error name ({@code /help ECONNREFUSED}, {@code /help BrokenPipeError}): what it means. */
  private Optional<List<Styled>> error(String word) {
    return ConstantDocs.errorNames().stream()
        .filter(name -> name.equalsIgnoreCase(word) || ("socket." + name).equalsIgnoreCase(word))
        .findFirst()
        .map(
            name ->
                namePage(name, Text.get("help.error.where", name), Text.get("help.error.every")));
  }

  private List<Styled> namePage(String name, String... where) {
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.CONSTANT, name));
    // The tables' meanings start in lower case (they follow a name there); here each is a sentence.
    String meaning = ConstantDocs.meaning(name);
    lines.addAll(layout.paragraph("  ", Text.get("help.sentence", capitalized(meaning))));
    for (String line : where) {
      lines.addAll(layout.paragraph("  ", line));
    }
    return lines;
  }

  private UsageError unknown(String topic) {
    List<String> known = new ArrayList<>(table.names());
    HelpTopics.all().forEach(t -> known.add(t.name()));
    String close = Suggest.closest(topic, known);
    return UsageError.general(
        close != null
            ? Text.get("help.unknown.close", topic, close)
            : Text.get("help.unknown", topic));
  }

  /**
   * What may stand at the positions that are not obvious: constants, addresses, data, and each
   * option ({@code --exact N}) with what it does.
   */
  private List<Styled> arguments(CommandSpec<?> spec) {
    List<String> cells = new ArrayList<>();
    for (Param p : spec.params()) {
      if (p.kind() == Param.Kind.CONSTANT && p.choices().get(0).startsWith("-")) {
        options(p, cells);
        continue;
      }
      String what =
          switch (p.kind()) {
            case CONSTANT -> String.join(", ", p.choices());
            case ADDRESS -> Text.get("help.arg.address");
            case DATA -> Text.get("help.arg.data");
            case VALUE -> Text.get("help.arg.value");
            default -> null;
          };
      if (what != null) {
        // expect's one parameter stands for all its forms; its VALUE is the one to explain.
        cells.add(p.name().split(" \\| ")[0]);
        cells.add(what);
      }
    }
    List<Styled> lines = new ArrayList<>();
    if (!cells.isEmpty()) {
      lines.add(Styled.plain("  " + Text.get("help.label.arguments")));
    }
    for (Styled row : layout.indented(2).rows(Style.CONSTANT, cells)) {
      lines.add(Styled.builder().plain("  ").add(row).build());
    }
    return lines;
  }

  /**
   * Each option of {@code p} as typed, with its meaning: {@code --exact N | --until DELIM} names
   * them in the order of its choices.
   */
  private static void options(Param p, List<String> cells) {
    String[] typed = p.name().split(" \\| ");
    for (int i = 0; i < p.choices().size(); i++) {
      String choice = p.choices().get(i);
      cells.add(typed.length == p.choices().size() ? typed[i] : choice);
      cells.add(ConstantDocs.meaning(choice));
    }
  }

  /** The errors with their Python class, as they print: {@code OSError [EADDRINUSE]}. */
  private List<Styled> errors(CommandSpec<?> spec) {
    List<String> cells = new ArrayList<>();
    for (CommandSpec.ErrorDoc e : spec.errors()) {
      cells.add(shown(e.name()));
      cells.add(Text.spec(e.keyFor(spec.name()), e.meaning()));
    }
    boolean takesSocket = spec.params().stream().anyMatch(p -> p.kind() == Param.Kind.SOCKET);
    // A spec that documents what a closed socket gives (EBADF, or select's ValueError) says it.
    boolean listsEbadf =
        spec.errors().stream()
            .anyMatch(e -> e.name().equals("EBADF") || e.meaning().endsWith("was closed"));
    List<Styled> lines = new ArrayList<>();
    if (!cells.isEmpty()) {
      lines.add(Styled.plain("  " + Text.get("help.label.errors")));
      for (Styled row : layout.indented(2).rows(Style.ERROR, cells)) {
        lines.add(Styled.builder().plain("  ").add(row).build());
      }
    }
    if (takesSocket && !listsEbadf) {
      lines.addAll(layout.paragraph("  ", Text.get("help.closed")));
    }
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

  /** The command's summary in the session's language. */
  static String summary(CommandSpec<?> spec) {
    return spec.localizedSummary();
  }

  /**
   * A label of a command's page ({@code Python:}) after two spaces, padded so that what follows
   * starts in column 12 whatever the language.
   */
  private static String label(String key) {
    String label = "  " + Text.get(key);
    return label + " ".repeat(Math.max(1, 12 - Columns.of(label)));
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
