package dev.sockshell.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import org.junit.jupiter.api.Test;

/**
 * What sockshell adds around Python's codecs (PyCodecsLiveTest compares everything Python does with
 * python3): the codecs it has, what it says when it lacks one, and the escaped view's decoding.
 */
class PyCodecsTest {
  @Test
  void namesAreTheCanonicalNamesOfTheCodecsSockshellHas() {
    assertTrue(
        PyCodecs.names()
            .containsAll(
                java.util.List.of(
                    "utf-8",
                    "utf-8-sig",
                    "utf-16",
                    "utf-16-le",
                    "utf-16-be",
                    "utf-32",
                    "ascii",
                    "iso8859-1",
                    "gbk",
                    "gb2312",
                    "gb18030",
                    "big5",
                    "shift_jis",
                    "cp1252")),
        PyCodecs.names().toString());
    assertTrue(!PyCodecs.names().contains("undefined") && !PyCodecs.names().contains("euc_kr"));
  }

  @Test
  void eachCanonicalNameFindsItsCodec() throws CodecError {
    for (String name : PyCodecs.names()) {
      assertEquals(name, PyCodecs.lookup(name).name());
    }
  }

  @Test
  void aCodecPythonHasAndSockshellLacksIsALookupErrorThatSaysSo() {
    CodecError e = assertThrows(CodecError.class, () -> PyCodecs.lookup("EUC-KR"));
    assertEquals(
        "LookupError: sockshell has no 'euc_kr' codec yet (Python has); /set encoding lists those"
            + " it has",
        e.toString());
  }

  @Test
  void anErrorHandlerPythonHasAndSockshellLacksIsALookupErrorThatSaysSo() {
    CodecError e =
        assertThrows(CodecError.class, () -> PyCodecs.UTF_8.encode("\ud800", "surrogatepass"));
    assertEquals(
        "LookupError: sockshell has no 'surrogatepass' error handler yet; it has strict, ignore,"
            + " replace, backslashreplace, xmlcharrefreplace and surrogateescape",
        e.toString());
  }

  @Test
  void utf8NeedsNoLookup() throws CodecError {
    assertSame(PyCodecs.UTF_8, PyCodecs.lookup("utf-8"));
    assertSame(PyCodecs.UTF_8, PyCodecs.lookup("U8"));
  }

  @Test
  void decodeEscapedTurnsEveryByteThatDoesNotDecodeIntoALoneSurrogate() throws CodecError {
    PyCodec gb18030 = PyCodecs.lookup("gb18030");
    // 81 30 at the end is an incomplete four-byte sequence: both bytes, '0' included, escaped.
    assertEquals(
        "你\udc81\udc30",
        gb18030.decodeEscaped(ByteString.of((byte) 0xc4, (byte) 0xe3, (byte) 0x81, (byte) 0x30)));
    assertEquals("\udc61", PyCodecs.lookup("undefined").decodeEscaped(ByteString.utf8("a")));
  }
}
