package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /help} pages that are not commands: how to write an ADDR, DATA and values, every
 * constant (taken from the specs' choices), every error name, and the keys of the console.
 */
public final class HelpTopics {
  private HelpTopics() {}

  /** A page of {@code /help TOPIC}, with the one line the overview and completion show. */
  public record Topic(String name) {
    /** The line of the overview, in the session's language. */
    public String summary() {
      return Text.get("help.topic." + name);
    }
  }

  private static final List<Topic> TOPICS =
      List.of(
          new Topic("addr"),
          new Topic("data"),
          new Topic("values"),
          new Topic("constants"),
          new Topic("errors"),
          new Topic("keys"),
          new Topic("background"),
          new Topic("python"),
          new Topic("print"),
          // The tutorial's own terms (its notes on sticky packets, with, exceptions, platforms).
          new Topic("粘包"),
          new Topic("with"),
          new Topic("socket.timeout"),
          new Topic("SO_REUSEADDR"));

  public static List<Topic> all() {
    return TOPICS;
  }

  /** Whether {@code /help WORD} has a page: a command, a topic, a constant or an error name. */
  public static boolean hasPage(CommandTable table, String word) {
    try {
      new HelpPages(table, HelpPages.PLAIN_WIDTH).page(word);
      return true;
    } catch (UsageError e) {
      return false;
    }
  }

  static Optional<Topic> find(String name) {
    return TOPICS.stream()
        .filter(
            t -> t.name().equalsIgnoreCase(name) || ("socket." + t.name()).equalsIgnoreCase(name))
        .findFirst();
  }

  static List<Styled> page(Topic topic, CommandTable table, HelpLayout layout) {
    return switch (topic.name()) {
      case "addr" -> addr(layout);
      case "data" -> data(layout);
      case "values" -> values(layout);
      case "constants" -> constants(table, layout);
      case "errors" -> errors(layout);
      case "background" -> BackgroundHelp.page(layout);
      case "keys" -> keys(layout);
      case "python" -> PythonHelp.python(layout);
      case "print" -> PythonHelp.print(layout);
      default -> TutorialTopics.page(topic.name(), layout);
    };
  }

  private static List<Styled> addr(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.addr.title")));
    lines.addAll(
        layout.rows(
            Style.ADDRESS,
            List.of(
                "HOST:PORT",
                Text.get("help.addr.hostport"),
                "[IPv6]:PORT",
                "[::1]:9999",
                "*:PORT",
                Text.get("help.addr.any"),
                "('host', port)",
                Text.get("help.addr.tuple"),
                "NAME",
                Text.get("help.addr.name"),
                "$N, _[1]",
                Text.get("help.addr.value"),
                "\"/tmp/s.sock\", demo.sock",
                Text.get("help.addr.path"))));
    lines.addAll(layout.paragraph(Text.get("help.addr.note")));
    return lines;
  }

  private static List<Styled> data(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.data.title")));
    lines.addAll(
        layout.rows(
            Style.STRING,
            List.of(
                "\"text\", 'text'",
                Text.get("help.data.text"),
                "b'bytes'",
                Text.get("help.data.bytes"),
                "x'48 69'",
                Text.get("help.data.hex"),
                "@PATH",
                Text.get("help.data.file"),
                "word",
                Text.get("help.data.word"),
                "$N, _",
                Text.get("help.data.value"))));
    lines.addAll(layout.paragraph(Text.get("help.data.note")));
    return lines;
  }

  private static List<Styled> values(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.values.title")));
    lines.addAll(
        layout.rows(
            Style.VALUE_NAME,
            List.of(
                "$1, $2, …",
                Text.get("help.values.numbered"),
                "_",
                Text.get("help.values.last"),
                "$N[0], _[1]",
                Text.get("help.values.item"))));
    lines.addAll(layout.paragraph(Text.get("help.values.note")));
    return lines;
  }

  /**
   * Every parameter with choices (a CONSTANT, or a NUMBER that takes a word too: forever) of every
   * command, once per distinct parameter, with meanings.
   */
  private static List<Styled> constants(CommandTable table, HelpLayout layout) {
    Map<List<String>, List<String>> usedBy = new LinkedHashMap<>();
    Map<List<String>, String> names = new LinkedHashMap<>();
    for (CommandSpec<?> spec : table.all()) {
      for (Param p : spec.params()) {
        if (!p.choices().isEmpty()) {
          names.putIfAbsent(p.choices(), p.name());
          usedBy.computeIfAbsent(p.choices(), k -> new ArrayList<>()).add(spec.name());
        }
      }
    }
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.constants.title")));
    for (Map.Entry<List<String>, List<String>> e : usedBy.entrySet()) {
      lines.addAll(
          layout.paragraph(names.get(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")"));
      List<String> cells = new ArrayList<>();
      for (String choice : e.getKey()) {
        cells.add(choice);
        String meaning = ConstantDocs.meaning(choice);
        cells.add(meaning == null ? "" : meaning);
      }
      lines.addAll(layout.rows(Style.CONSTANT, cells));
    }
    lines.addAll(layout.paragraph(Text.get("help.constants.note")));
    return lines;
  }

  private static List<Styled> errors(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.errors.classes")));
    List<String> cells = new ArrayList<>();
    for (PyException p : PyException.values()) {
      cells.add(p.pythonName());
      cells.add(ConstantDocs.meaning(p.name()));
    }
    lines.addAll(layout.rows(Style.ERROR, cells));
    lines.addAll(layout.heading(Text.get("help.errors.errnos")));
    cells.clear();
    for (Errno e : Errno.values()) {
      cells.add(e.name() + " " + e.number());
      cells.add(e.pythonClass().pythonName() + ": " + e.message());
    }
    lines.addAll(layout.rows(Style.ERROR, cells));
    lines.addAll(layout.paragraph(Text.get("help.errors.note")));
    return lines;
  }

  private static List<Styled> keys(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.HEADER, Text.get("help.keys.title")));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "Tab",
                Text.get("help.keys.tab"),
                "Tab Tab",
                Text.get("help.keys.tabtab"),
                "Up, Down",
                Text.get("help.keys.updown"),
                "Ctrl-R",
                Text.get("help.keys.search"),
                "Ctrl-A, Ctrl-E",
                Text.get("help.keys.home"),
                "Ctrl-C",
                Text.get("help.keys.ctrlc"),
                "Ctrl-D",
                Text.get("help.keys.ctrld"))));
    lines.addAll(layout.paragraph(Text.get("help.keys.note")));
    return lines;
  }
}
