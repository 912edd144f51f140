package dev.sockshell.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerTest {
  private static List<String> words(String line) throws UsageError {
    return new Scanner(line).remaining().stream().map(Token::text).toList();
  }

  @Test
  void quotesAndBracketsKeepSpacesInsideOneArgument() throws UsageError {
    assertEquals(List.of("send", "c", "b'a b'"), words("send c b'a b'"));
    assertEquals(List.of("bind", "s", "('localhost', 9999)"), words("bind s ('localhost', 9999)"));
    assertEquals(List.of("connect", "c", "[::1]:80"), words("  connect   c [::1]:80  "));
    assertEquals(
        List.of("send", "c", "\"say \\\"hi\\\" # not a comment\""),
        words("send c \"say \\\"hi\\\" # not a comment\""));
  }

  @Test
  void hashStartsACommentOnlyAtTheStartOfAnArgument() throws UsageError {
    assertEquals(List.of("recv", "c"), words("recv c # read the reply"));
    assertEquals(List.of("send", "c", "a#b"), words("send c a#b"));
    assertTrue(new Scanner("   # only a comment").atEnd());
  }

  @Test
  void tokensKnowTheirColumns() throws UsageError {
    Token t = new Scanner("bind srv localhost:9999").remaining().get(2);
    assertEquals(9, t.start());
    assertEquals(23, t.end());
  }

  @Test
  void restIsTheRawRemainder() throws UsageError {
    Scanner s = new Scanner("expect matches /a (b/");
    s.next();
    s.next();
    assertEquals("/a (b/", s.rest().text());
  }
}
