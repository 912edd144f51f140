package dev.sockshell.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Lists inside tuples, to expect a result such as select's ([srv], [], []). */
class ListLiteralTest {
  private static Literal parse(String text) throws UsageError {
    return LiteralParser.parse(new Token(text, 0, text.length()));
  }

  @Test
  void listsInsideATupleHoldNamesOrStrings() throws UsageError {
    Literal.Tuple t = (Literal.Tuple) parse("(['srv', conn], [], [])");
    assertEquals(3, t.items().size());
    Literal.ListOf first = (Literal.ListOf) t.items().get(0);
    assertEquals("srv", ((Literal.Text) first.items().get(0)).text());
    assertEquals("conn", ((Literal.Word) first.items().get(1)).text());
    assertEquals(0, ((Literal.ListOf) t.items().get(2)).items().size());
  }

  @Test
  void anIpv6AddressWordInATupleIsNotAList() throws UsageError {
    Literal.Tuple t = (Literal.Tuple) parse("(b'x', [::1]:8888)");
    assertEquals("[::1]:8888", assertInstanceOf(Literal.Word.class, t.items().get(1)).text());
  }

  @Test
  void anUnclosedListSaysSo() {
    UsageError e = assertThrows(UsageError.class, () -> parse("([a, b)"));
    assertEquals("expected ',' or ']' in the list", e.getMessage());
  }
}
