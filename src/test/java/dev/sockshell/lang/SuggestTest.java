package dev.sockshell.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> META = List.of("/help", "/list", "/history", "/!", "/exit");

  @Test
  void aWordCutShortSuggestsTheShortestWordItBegins() {
    assertEquals("/help", Suggest.closest("/h", META));
    assertEquals("/history", Suggest.closest("/hist", META));
    assertEquals("recv", Suggest.closest("rec", List.of("recvfrom", "recv", "recvfile")));
  }

  @Test
  void aTypoSuggestsTheClosestWord() {
    assertEquals("socket", Suggest.closest("sokcet", List.of("socket", "select", "send")));
    assertEquals("conn", Suggest.closest("CON", List.of("conn", "cli")));
  }

  @Test
  void aPrefixOfTwoWordsAsShortGetsNoGuess() {
    assertNull(Suggest.closest("AF_", List.of("AF_UNIX", "AF_INET", "AF_INET6")));
  }

  @Test
  void aShortWordThatBeginsNothingGetsNoGuess() {
    assertNull(Suggest.closest("/x", META));
    assertNull(Suggest.closest("zz", List.of("srv", "cli")));
  }
}
