package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private final Table table =
      new Table(List.of("NAME", "STATE", "LOCAL", "SENT"))
          .add(List.of("srv", "listening", "127.0.0.1:9999", "0"))
          .add(List.of("conn", "connected", "127.0.0.1:9999", "12"));

  @Test
  void aTableThatFitsIsOneLinePerRow() {
    assertEquals(
        List.of(
            "NAME  STATE      LOCAL           SENT",
            "srv   listening  127.0.0.1:9999  0",
            "conn  connected  127.0.0.1:9999  12"),
        text(table.render(0)));
    assertEquals(text(table.render(0)), text(table.render(37)));
  }

  @Test
  void chineseTextTakesTwoColumnsPerCharacterSoTheNextColumnStaysAligned() {
    Table paths =
        new Table(List.of("NAME", "LOCAL", "PEER"))
            .add(List.of("u", "/tmp/中文.sock", "-"))
            .add(List.of("v", "-", "-"));
    assertEquals(
        List.of("NAME  LOCAL           PEER", "u     /tmp/中文.sock  -", "v     -               -"),
        text(paths.render(0)));
  }

  @Test
  void aTableTooWideIsFoldedWithItsFirstColumnRepeated() {
    assertEquals(
        List.of(
            "NAME  STATE",
            "srv   listening",
            "conn  connected",
            "",
            "NAME  LOCAL           SENT",
            "srv   127.0.0.1:9999  0",
            "conn  127.0.0.1:9999  12"),
        text(table.render(30)));
  }

  @Test
  void aScreenNarrowerThanAnyColumnStillGetsEveryColumn() {
    assertEquals(11, text(table.render(5)).size());
  }

  private static List<String> text(List<Styled> lines) {
    return lines.stream().map(Styled::text).toList();
  }
}
