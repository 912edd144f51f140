package dev.sockshell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodec;
import dev.sockshell.codecs.PyCodecs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hex and text views of received bytes: nothing from the network reaches the terminal raw. */
class BytesViewsTest {
  private static final PyCodec UTF_8 = PyCodecs.UTF_8;

  @Test
  void hexDumpShowsOffsetsTwoGroupsOfEightAndAnAsciiColumn() {
    assertEquals(
        List.of(
            "0000  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  |GET / HTTP/1.1..|",
            "0010  1b 5b 32 4a ff                                    |.[2J.|"),
        HexDump.lines(ByteString.hex("474554202f20485454502f312e310d0a 1b5b324aff")));
  }

  @Test
  void hexDumpWidensItsOffsetsPast64KiB() {
    List<String> lines = HexDump.lines(ByteString.wrap(new byte[0x10001]));
    assertEquals("10000  00", lines.get(lines.size() - 1).substring(0, 9));
    assertEquals("00000  00", lines.get(0).substring(0, 9));
  }

  @Test
  void textViewDecodesWithTheEncodingAndEscapesControlCharacters() throws CodecError {
    PyCodec gbk = PyCodecs.lookup("gbk");
    ByteString bytes = gbk.encode("你好\u001b[2J\u0007\r\n", "strict");
    assertEquals("'你好\\x1b[2J\\x07\\r\\n'", TextView.of(bytes, gbk));
    assertEquals("'\\xc4\\xe3\\xba\\xc3\\x1b[2J\\x07\\r\\n'", TextView.of(bytes, UTF_8));
  }

  @Test
  void textViewShowsBytesThatDoNotDecodeAsPythonsBackslashreplaceDoes() {
    // b'\xffA\xc3'.decode('utf-8', 'backslashreplace') == '\\xffA\\xc3'
    assertEquals("'\\xffA\\xc3'", TextView.of(ByteString.hex("ff41c3"), UTF_8));
    assertEquals("\"it's\"", TextView.of(ByteString.utf8("it's"), UTF_8));
    assertEquals("'\\u202e\\u200b'", TextView.of(ByteString.utf8("\u202e\u200b"), UTF_8));
  }
}
