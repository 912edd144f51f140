package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /help} pages for the tutorial's own terms, each answering a note of the tutorial with
 * what sockshell has for it: {@code 粘包} (TCP's message boundaries, and recv's --exact, --until and
 * --frame), {@code with} (closing), {@code socket.timeout} and {@code SO_REUSEADDR} (whose
 * constant's page comes first), with its Windows note.
 */
final class TutorialTopics {
  private TutorialTopics() {}

  static List<Styled> page(String topic, HelpLayout layout) {
    return switch (topic) {
      case "粘包" -> stickyPackets(layout);
      case "with" -> with(layout);
      case "socket.timeout" -> timeout(layout);
      case "SO_REUSEADDR" -> reuseAddr(layout);
      default -> throw new IllegalArgumentException("no topic " + topic);
    };
  }

  private static List<Styled> stickyPackets(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.sticky.title")));
    lines.addAll(layout.paragraph(Text.get("help.sticky.stream")));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "recv conn --exact 16",
                Text.get("help.sticky.exact"),
                "recv conn --until \"\\n\"",
                Text.get("help.sticky.until"),
                "recv conn --frame len32",
                Text.get("help.sticky.frame"))));
    lines.addAll(layout.paragraph(Text.get("help.sticky.try")));
    return lines;
  }

  private static List<Styled> with(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.with.title")));
    lines.addAll(layout.paragraph(Text.get("help.with.python")));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "socket s",
                Text.get("help.with.open"),
                "connect s localhost:9999",
                Text.get("help.with.body"),
                "close s",
                Text.get("help.with.close"))));
    lines.addAll(layout.paragraph(Text.get("help.with.after")));
    return lines;
  }

  private static List<Styled> timeout(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.timeout.title")));
    lines.addAll(layout.paragraph(Text.get("help.timeout.alias")));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "settimeout s 2",
                Text.get("help.timeout.seconds"),
                "settimeout s none",
                Text.get("help.timeout.none"),
                "settimeout s 0",
                Text.get("help.timeout.zero"),
                "--timeout 5",
                Text.get("help.timeout.run"))));
    lines.addAll(layout.paragraph(Text.get("help.timeout.after")));
    return lines;
  }

  private static List<Styled> reuseAddr(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.plain(""));
    lines.addAll(layout.paragraph("  ", Text.get("help.reuseaddr.why")));
    lines.add(Styled.plain(""));
    lines.addAll(layout.paragraph("  ", Text.get("help.reuseaddr.windows")));
    return lines;
  }
}
