package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Family;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import dev.sockshell.trace.TraceEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text diagram is laid out in terminal columns: Chinese words and paths take two columns a
 * character, and the lifelines under and beside them stay straight.
 */
class LadderTextTest {
  private static final int WIDTH = 64;

  /**
   * Two AF_UNIX sockets, one bound to a Chinese path, and a note in Chinese long enough to wrap.
   */
  private static Ladder chinese() {
    Trace trace = new Trace();
    Origin one = new Origin(1, 1);
    trace.add(new TraceEvent.Opened(0, one, 1, "a", Family.AF_UNIX, SockType.SOCK_STREAM));
    trace.add(new TraceEvent.Opened(0, one, 2, "b", Family.AF_UNIX, SockType.SOCK_STREAM));
    trace.add(new TraceEvent.Bound(0, one, 1, new SockAddress.Unix(Path.of("/tmp/套接字.sock"))));
    trace.add(new TraceEvent.Bound(0, one, 2, new SockAddress.Unix(Path.of("/tmp/b.sock"))));
    trace.add(new TraceEvent.Note(0, one, 2, "对端关闭了连接，它的内核用 RST 回答之后发来的每一个字节，所以这里画成红色"));
    return Ladder.of(trace.snapshot(), List.of());
  }

  @Test
  void chineseTakesTwoColumnsACharacterAndTheLifelinesStayStraight() {
    List<String> lines =
        LadderText.draw(chinese(), WIDTH, LadderText.Glyphs.ASCII).stream()
            .map(Styled::text)
            .toList();
    assertEquals(
        List.of(
            "       /tmp/套接字.sock  /tmp/b.sock",
            "       a                 b",
            "0.000  +                    1 a = socket(AF_UNIX, SOCK_STREAM)",
            "0.000  |                 +  1 b = socket(AF_UNIX, SOCK_STREAM)",
            "0.000  o                 |  1 a: bound to /tmp/套接字.sock",
            "0.000  |                 o  1 b: bound to /tmp/b.sock",
            "0.000  |                 o  1 b: 对端关闭了连接，它的内核用 RST",
            "       |                 |  回答之后发来的每一个字节，所以这里画",
            "       |                 |  成红色"),
        lines);
    for (String line : lines) {
      assertTrue(Columns.of(line) <= WIDTH, line);
    }
  }

  @Test
  void aWordLongerThanTheLineIsCutByColumns() {
    assertEquals(List.of("中文中", "文中文", "x"), LadderText.wrap("中文中文中文x", 6));
    assertEquals(List.of("ab cd", "efghi", "j"), LadderText.wrap("ab cd efghij", 5));
  }

  @Test
  void aPrefixEndsAtTheLastCharacterThatFits() {
    assertEquals(2, Columns.prefix("中文", 4));
    assertEquals(1, Columns.prefix("中文", 3));
    assertEquals(1, Columns.prefix("中文", 1), "at least one character");
    assertEquals(4, Columns.prefix("abcd", 10));
    assertEquals(2, Columns.prefix("\uD83D\uDE00x", 2), "an emoji is two chars and two columns");
  }
}
