package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Family;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockType;
import dev.sockshell.trace.Origin;
import dev.sockshell.trace.Trace;
import dev.sockshell.trace.TraceEvent;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG and the page drawn from a trace, and the record of the screen they link to. */
class PicturesTest {
  private static SockAddress at(int port) throws Exception {
    return new SockAddress.Inet(InetAddress.getByName("127.0.0.1"), port);
  }

  private static Origin step(int n) {
    return new Origin(n, n);
  }

  /** A client that connects to a peer outside the session and sends it two messages. */
  private static Trace.Snapshot twoSends() throws Exception {
    Trace trace = new Trace();
    trace.add(new TraceEvent.Opened(1, step(1), 1, "c", Family.AF_INET, SockType.SOCK_STREAM));
    trace.add(new TraceEvent.Connected(2, step(2), 1, at(40000), at(9999), true));
    ByteString hi = ByteString.of("<hi> & \"you\"".getBytes(StandardCharsets.UTF_8));
    trace.add(new TraceEvent.Sent(3, step(3), 1, "send", at(9999), hi.size(), hi, 0));
    trace.add(new TraceEvent.Sent(4, step(4), 1, "send", at(9999), 2, ByteString.EMPTY, 12));
    return trace.snapshot();
  }

  @Test
  void aPeerOutsideTheSessionIsAColumnNamedByItsAddress() throws Exception {
    Ladder ladder = Ladder.of(twoSends(), List.of());
    assertEquals(
        List.of(
            new Ladder.Column("c", "127.0.0.1:40000", false),
            new Ladder.Column("127.0.0.1:9999", null, true)),
        ladder.columns());
    assertEquals(Ladder.Kind.CONNECT, ladder.rows().get(1).arrow().kind());
    assertEquals(1, ladder.rows().get(1).arrow().to());
  }

  @Test
  void theSvgHasAnArrowPerSendLinkedOnlyWhereTheLineIsThere() throws Exception {
    Ladder ladder = Ladder.of(twoSends(), List.of());
    String svg = LadderSvg.draw(ladder, step -> step != 4);
    assertEquals(2, count("<g class=\"arrow DATA\" data-kind=\"DATA\">", svg));
    assertEquals(1, count("<g class=\"arrow CONNECT\"", svg));
    assertTrue(svg.contains("<a href=\"#step-3\">"), svg);
    assertFalse(svg.contains("#step-4"), "step 4's line is not on the page");
    assertTrue(svg.contains("b&#39;&lt;hi&gt; &amp; &quot;you&quot;&#39;"), svg);
    assertFalse(LadderSvg.draw(ladder, step -> false).contains("<a "));
  }

  @Test
  void aCommandsLinesBeginAtItsPromptOrAtItsFirstLineInALoop() {
    ScreenRecord screen = new ScreenRecord();
    screen.println(Styled.builder().add(Style.PROMPT, "sockshell> ").plain("repeat 2").build());
    screen.println(Styled.builder().add(Style.PROMPT, "   ...> ").plain("send c b'x'").build());
    screen.beginStep(1);
    screen.beginStep(2); // the loop's body: no prompt line of its own
    screen.println(Styled.plain("$1 ==> 1"));
    screen.beginStep(3);
    screen.println(Styled.plain("$2 ==> 1"));
    screen.println(Styled.builder().add(Style.PROMPT, "sockshell> ").plain("close c").build());
    screen.beginStep(4);
    screen.println(Styled.of(Style.FEEDBACK, "|  c closed"));
    List<Integer> steps = screen.snapshot().lines().stream().map(ScreenRecord.Line::step).toList();
    assertEquals(List.of(1, 0, 2, 3, 4, 0), steps);
  }

  @Test
  void aScreenRecordKeepsItsLastLinesAndCountsTheRest() {
    ScreenRecord screen = new ScreenRecord(3);
    for (int i = 0; i < 5; i++) {
      screen.println(Styled.plain("line " + i));
    }
    ScreenRecord.Snapshot s = screen.snapshot();
    assertEquals(2, s.forgotten());
    assertEquals("line 2", s.lines().get(0).text().text());
  }

  @Test
  void thePageLinksBothWaysAndEscapesWhatItShows() throws Exception {
    Ladder ladder = Ladder.of(twoSends(), List.of());
    ScreenRecord screen = new ScreenRecord();
    screen.println(Styled.builder().add(Style.PROMPT, "sockshell> ").plain("send c x").build());
    screen.beginStep(3);
    screen.println(Styled.of(Style.ERROR, "OSError: <&>"));
    String svg = LadderSvg.draw(ladder, HtmlPage.steps(screen.snapshot())::contains);
    String page = HtmlPage.render("a <title>", svg, HtmlPage.firstRows(ladder), screen.snapshot());
    assertTrue(page.contains("<title>a &lt;title&gt;</title>"), page);
    assertTrue(page.contains("id=\"step-3\""), page);
    assertTrue(page.contains("href=\"#step-3\""), page);
    assertEquals(Map.of(1, 0, 2, 1, 3, 2, 4, 3), HtmlPage.firstRows(ladder));
    assertTrue(page.contains("href=\"#row-2\""), "the command line links to its row: " + page);
    assertTrue(page.contains("<span class=\"error\">OSError: &lt;&amp;&gt;</span>"), page);
  }

  private static int count(String needle, String text) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
