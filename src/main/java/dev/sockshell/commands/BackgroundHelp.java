package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/** {@code /help background}: what runs by itself, how rules match, what is bounded, and names. */
final class BackgroundHelp {
  private BackgroundHelp() {}

  static List<Styled> page(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading(Text.get("help.background.title")));
    lines.addAll(layout.paragraph(Text.get("help.background.intro")));
    lines.addAll(layout.heading(Text.get("help.background.events.title")));
    lines.addAll(layout.paragraph(Text.get("help.background.events")));
    lines.addAll(layout.heading(Text.get("help.background.rules.title")));
    lines.addAll(
        layout.rows(
            Style.CONSTANT,
            List.of(
                "kept",
                Text.get("help.background.kept"),
                "consumed",
                Text.get("help.background.consumed"),
                "matches",
                Text.get("help.background.matches"),
                "unmatched",
                Text.get("help.background.unmatched"),
                "bounded",
                Text.get("help.background.bounded"))));
    lines.addAll(layout.heading(Text.get("help.background.bounds.title")));
    lines.addAll(layout.paragraph(Text.get("help.background.bounds")));
    return lines;
  }
}
