package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prose broken at spaces to fit the window, as the terminal would not. */
class ReflowTest {
  private static final Styled FEEDBACK = Styled.of(Style.FEEDBACK, "|  ");

  private static List<String> texts(List<Styled> lines) {
    return lines.stream().map(Styled::text).toList();
  }

  @Test
  void aLineThatFitsOrHasNoScreenStaysAsItIs() {
    Styled line = Styled.plain("|  hint: short");
    assertEquals(List.of(line), Reflow.lines(line, 80, FEEDBACK));
    Styled longer = Styled.plain("x ".repeat(100));
    assertEquals(List.of(longer), Reflow.lines(longer, 0, FEEDBACK));
  }

  @Test
  void breaksAtTheLastSpaceThatFitsAndGoesOnAfterTheContinuation() {
    Styled line =
        Styled.of(Style.FEEDBACK, "|  the socket's receive buffer is full; this raises the limit");
    assertEquals(
        List.of(
            "|  the socket's receive buffer is full;", //
            "|  this raises the limit"),
        texts(Reflow.lines(line, 40, FEEDBACK)));
  }

  @Test
  void everyLineFitsAndNoWordIsCut() {
    String prose =
        "nothing is listening there; did the server call listen? try /list to see the sockets";
    for (int width = 12; width < 90; width++) {
      List<String> lines = texts(Reflow.lines(Styled.plain(prose), width, FEEDBACK));
      for (String l : lines) {
        assertEquals(true, Columns.of(l) <= width, width + ": " + lines);
      }
      List<String> words = lines.stream().map(l -> l.replaceFirst("^\\|  ", "")).toList();
      assertEquals(prose, String.join(" ", words), "width " + width);
    }
  }

  @Test
  void aWordLongerThanTheLineStaysWhole() {
    String path = "/a/very/long/path/that/does/not/fit/anywhere.txt";
    assertEquals(
        List.of("cannot", "|  " + path, "|  (permission", "|  denied)"),
        texts(Reflow.lines(Styled.plain("cannot " + path + " (permission denied)"), 14, FEEDBACK)));
  }

  @Test
  void stylesStayWithTheirTextAcrossTheBreak() {
    Styled line =
        Styled.builder()
            .add(Style.ERROR, "OSError [EPIPE]: Broken")
            .add(Style.HINT, " pipe now")
            .build();
    List<Styled> lines = Reflow.lines(line, 20, Styled.plain("  "));
    assertEquals(
        List.of(
            Styled.builder().add(Style.ERROR, "OSError [EPIPE]:").build().spans(),
            Styled.builder()
                .plain("  ")
                .add(Style.ERROR, "Broken")
                .add(Style.HINT, " pipe now")
                .build()
                .spans()),
        lines.stream().map(Styled::spans).toList());
  }

  @Test
  void wideCharactersCountTwoColumns() {
    Styled line = Styled.plain("发送 你好世界 到 服务器");
    assertEquals(List.of("发送 你好世界", "到 服务器"), texts(Reflow.lines(line, 14, Styled.plain(""))));
  }
}
