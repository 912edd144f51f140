package dev.sockshell.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LiteralParserTest {
  private static Literal parse(String text) throws UsageError {
    return LiteralParser.parse(new Token(text, 0, text.length()));
  }

  private static DataExpr data(String line) throws UsageError {
    return new Args(new Scanner(line)).data(Param.of("DATA", Param.Kind.DATA));
  }

  private static AddrExpr addr(String line) throws UsageError {
    return new Args(new Scanner(line)).address(Param.of("ADDR", Param.Kind.ADDRESS));
  }

  static Stream<Arguments> textEscapes() {
    return Stream.of(
        Arguments.of("'hi\\n'", "hi\n"),
        Arguments.of("\"tab\\there\"", "tab\there"),
        Arguments.of("'\\x41\\u00e9\\U0001F600'", "A\u00e9\uD83D\uDE00"),
        Arguments.of("'quote\\'s'", "quote's"),
        Arguments.of("\"both \\\" and '\"", "both \" and '"),
        Arguments.of("'\\101\\0'", "A\0"),
        Arguments.of("'\\777'", "\u01ff"),
        Arguments.of("'unknown \\q stays'", "unknown \\q stays"));
  }

  @ParameterizedTest
  @MethodSource("textEscapes")
  void textLiteralsDecodePythonEscapes(String typed, String expected) throws UsageError {
    assertEquals(new DataExpr.Text(expected, typed), data(typed));
  }

  @Test
  void bytesLiteralsDecodeToRawBytes() throws UsageError {
    DataExpr d = data("b'\\x00\\xff\\r\\n'");
    assertEquals(
        ByteString.of((byte) 0, (byte) 0xff, (byte) 13, (byte) 10), ((DataExpr.Bytes) d).bytes());
    assertEquals(
        ByteString.utf8("\\u00e9"),
        ((DataExpr.Bytes) data("b'\\u00e9'")).bytes(),
        "\\u is not an escape in bytes, as in Python");
  }

  @Test
  void anOctalEscapeInBytesKeepsTheLowEightBitsAsPythonDoes() throws UsageError {
    assertEquals(ByteString.of((byte) 0xff), ((DataExpr.Bytes) data("b'\\777'")).bytes());
  }

  @Test
  void hexFormIgnoresSpaces() throws UsageError {
    assertEquals(ByteString.utf8("Hello"), ((DataExpr.Bytes) data("x'48 65 6c 6C 6f'")).bytes());
  }

  @Test
  void bareWordIsTextAndAtPathIsAFile() throws UsageError {
    assertEquals(new DataExpr.Text("hello", "hello"), data("hello"));
    assertEquals(new DataExpr.File("msg.bin", "@msg.bin"), data("@msg.bin"));
    assertEquals(new DataExpr.File("my file.bin", "@\"my file.bin\""), data("@\"my file.bin\""));
    assertEquals(new DataExpr.File("it's", "@\"it's\""), data("@\"it's\""));
  }

  @Test
  void referencesCarryTheirIndexes() throws UsageError {
    Literal.Ref last = (Literal.Ref) parse("_[1]");
    assertEquals(0, last.number());
    assertEquals(List.of(1), last.indexes());
    Literal.Ref third = (Literal.Ref) parse("$3[0][1]");
    assertEquals(3, third.number());
    assertEquals(List.of(0, 1), third.indexes());
  }

  @Test
  void addressForms() throws UsageError {
    assertEquals(
        new AddrExpr.HostPort("localhost", 9999, 0, 0, 2, "localhost:9999"),
        addr("localhost:9999"));
    assertEquals(new AddrExpr.HostPort("::1", 8888, 0, 0, 2, "[::1]:8888"), addr("[::1]:8888"));
    assertEquals(
        new AddrExpr.HostPort("localhost", 9999, 0, 0, 2, "('localhost', 9999)"),
        addr("('localhost', 9999)"));
    assertEquals(
        new AddrExpr.HostPort("::1", 80, 0, 3, 4, "('::1', 80, 0, 3)"), addr("('::1', 80, 0, 3)"));
    assertEquals(new AddrExpr.HostPort("", 80, 0, 0, 2, "*:80"), addr("*:80"));
    assertEquals(new AddrExpr.SocketName("srv", "srv"), addr("srv"));
    assertEquals(new AddrExpr.Path("/tmp/x.sock", "/tmp/x.sock"), addr("/tmp/x.sock"));
    assertEquals(new AddrExpr.Path("rel.sock", "'rel.sock'"), addr("'rel.sock'"));
    assertInstanceOf(AddrExpr.Ref.class, addr("_[1]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ~ ",
      quoteCharacter = '`',
      value = {
        "localhost:70000 ~ port must be 0..65535, got 70000 ~ 10",
        "localhost: ~ missing port after ':' ~ 10",
        "localhost:http ~ port must be a number, got 'http' ~ 10",
        "::1:80 ~ write an IPv6 address in brackets: [::1]:80 ~ 0",
        "[::1] ~ the port follows the brackets: [::1]:PORT ~ 5",
        "['localhost', 80] ~ an address is a tuple, not a list: write ('localhost', 80) ~ 0",
        "[::1]80 ~ the port follows the brackets: [::1]:PORT ~ 5",
        "[::1]: ~ missing port after ':' ~ 6",
        "localhost:80:90 ~ 'localhost:80:90' has more than one ':'; write HOST:PORT ~ 0",
        "('localhost', 99999) ~ port must be 0..65535, got 99999 ~ 14",
        "(localhost, 80) ~ the host must be a quoted string, e.g. ('localhost', 9999) ~ 1",
        "('a', 1, 2, 3, 4) ~ an address tuple is (host, port), or (host, port, flowinfo, scope_id) for"
            + " IPv6 ~ 0",
      })
  void badAddressesPointAtTheMistake(String typed, String message, int column) {
    UsageError e = assertThrows(UsageError.class, () -> addr(typed));
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ~ ",
      quoteCharacter = '`',
      value = {
        "'abc ~ unterminated string: add the closing ' ~ 0",
        "b'caf\u00e9' ~ bytes can only contain ASCII characters; write 'é' as \\xHH escapes, or"
            + " use a text literal \"...\" ~ 5",
        "'\\x4' ~ truncated \\x escape: needs 2 hex digits ~ 1",
        "'\\xZZ' ~ bad \\x escape: 'Z' is not a hex digit ~ 3",
        "x'4' ~ bad hex bytes: odd number of hex digits: '4'; write pairs of hex digits, e.g."
            + " x'48 69' ~ 2",
        "'a'b ~ unexpected 'b' after the literal; put a space between arguments ~ 3",
        "$0 ~ values are numbered from $1 ~ 0",
        "(1, 2 ~ '(' is never closed; add the closing ')' ~ 0",
        "'x\\ud83d\\ude00' ~ \\ud83d is a UTF-16 surrogate, which no encoding can send (Python:"
            + " UnicodeEncodeError); write \\U0001F600 ~ 2",
        "'\\uDC00' ~ \\udc00 is a UTF-16 surrogate, which no encoding can send (Python:"
            + " UnicodeEncodeError); write the character as \\UXXXXXXXX ~ 1",
      })
  void malformedLiteralsGetAClearError(String typed, String message, int column) {
    UsageError e = assertThrows(UsageError.class, () -> data(typed));
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
  }

  @Test
  void tupleDataIsRejectedWithTheForms() {
    UsageError e = assertThrows(UsageError.class, () -> data("('a', 1)"));
    assertTrue(e.getMessage().startsWith("DATA must be text"), e.getMessage());
  }

  @Test
  void bracketsNestedBeyondAHundredAreAUsageErrorNotAStackOverflow() throws UsageError {
    String deep = "(".repeat(20_000) + ")".repeat(20_000);
    UsageError e = assertThrows(UsageError.class, () -> parse(deep));
    assertEquals("too many nested brackets (at most 100)", e.getMessage());
    assertEquals(100, e.column());
    parse("(".repeat(100) + ")".repeat(100));
  }
}
