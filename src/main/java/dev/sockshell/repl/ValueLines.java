package dev.sockshell.repl;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.commands.Settings;
import dev.sockshell.render.HexDump;
import dev.sockshell.render.Repr;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import dev.sockshell.render.TextView;
import dev.sockshell.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A value as the screen shows it, JShell style ({@code $3 ==> b'hello'}): bytes in the view {@code
 * /set display} asks for, and, with {@code /set truncation short} (the default), bytes longer than
 * {@value #LONGER_THAN} shortened to their first {@value #HEAD} and last {@value #TAIL}, saying how
 * many were left out between. 70 KB received filled about 580 lines; the value kept as {@code $N}
 * is every byte.
 *
 * @param lines the value's line (ending with {@code suffix}: {@code /set timing}'s times), then a
 *     hex dump's lines if there is one
 * @param leftOut how many bytes were left out, 0 if none
 */
record ValueLines(List<Styled> lines, long leftOut) {
  static final int LONGER_THAN = 1024;
  static final int HEAD = 512;
  static final int TAIL = 256;

  static ValueLines of(int number, Value value, Settings settings, String suffix) {
    Builder b = new Builder(settings);
    String shown =
        settings.display() == Settings.Display.REPR
                && settings.truncation() == Settings.Truncation.ALL
            ? Repr.of(value)
            : Repr.of(value, b);
    Styled line =
        suffix.isEmpty() && !shown.isEmpty()
            ? Styled.of(
                new Styled.Span(Style.VALUE_NAME, "$" + number),
                ARROW,
                new Styled.Span(Style.VALUE, shown))
            : Styled.builder()
                .add(Style.VALUE_NAME, "$" + number)
                .plain(ARROW.text())
                .add(Style.VALUE, shown)
                .add(Style.DIM, suffix)
                .build();
    if (b.dump.isEmpty()) {
      return new ValueLines(List.of(line), b.leftOut); // a value on one line: no list to grow
    }
    List<Styled> lines = new ArrayList<>();
    lines.add(line);
    b.dump.forEach(dumped -> lines.add(Styled.of(Style.VALUE, "  " + dumped)));
    return new ValueLines(lines, b.leftOut);
  }

  /** Between a value's name and the value: the same span for every value shown. */
  private static final Styled.Span ARROW = new Styled.Span(Style.PLAIN, " ==> ");

  /**
   * Renders each run of bytes in a value, keeping a hex dump's lines and the bytes left out. A
   * function itself: a method reference to it was a lambda linked and made for every value shown.
   */
  private static final class Builder implements Function<ByteString, String> {
    private final Settings settings;
    private final List<String> dump = new ArrayList<>();
    private long leftOut;

    Builder(Settings settings) {
      this.settings = settings;
    }

    @Override
    public String apply(ByteString bytes) {
      if (bytes.isEmpty()) {
        return bytes.toString();
      }
      boolean shorten =
          settings.truncation() == Settings.Truncation.SHORT && bytes.size() > LONGER_THAN;
      if (settings.display() == Settings.Display.HEX) {
        hexDump(bytes, shorten);
        return bytes.size() + (bytes.size() == 1 ? " byte" : " bytes");
      }
      if (!shorten) {
        return view(bytes);
      }
      int gap = bytes.size() - HEAD - TAIL;
      leftOut += gap;
      return view(bytes.substring(0, HEAD))
          + " … "
          + gap
          + " bytes left out … "
          + view(bytes.substring(bytes.size() - TAIL, bytes.size()));
    }

    private String view(ByteString bytes) {
      return settings.display() == Settings.Display.TEXT
          ? TextView.of(bytes, settings.encoding())
          : bytes.toString();
    }

    /** The dump's lines; shortened, whole lines of sixteen from the start and near the end. */
    private void hexDump(ByteString bytes, boolean shorten) {
      if (!shorten) {
        dump.addAll(HexDump.lines(bytes));
        return;
      }
      int tailFrom = (bytes.size() - TAIL) / HexDump.PER_LINE * HexDump.PER_LINE;
      leftOut += tailFrom - HEAD;
      dump.addAll(HexDump.lines(bytes, 0, HEAD));
      dump.add("… " + (tailFrom - HEAD) + " bytes left out …");
      dump.addAll(HexDump.lines(bytes, tailFrom, bytes.size()));
    }
  }
}
