/**
 * Python's text codecs, with Python's bytes, text and exceptions: wherever sockshell uses a Python
 * encoding name ({@code /set encoding}, and the Python front end's {@code str.encode} and {@code
 * bytes.decode}), the result is what CPython gives, not what Java's charsets give (they differ:
 * GBK's euro sign, Big5's and Shift_JIS's extensions, utf-16's byte order mark). Depends only on
 * the JDK and {@code bytes}.
 *
 * <pre>{@code
 * try {
 *   PyCodec gbk = PyCodecs.lookup("GBK");              // any name or alias Python accepts
 *   ByteString b = gbk.encode("你好", "strict");         // b'\xc4\xe3\xba\xc3'
 *   String s = gbk.decode(b, "replace");               // errors: null is 'strict'
 *   ByteString u = PyCodecs.encode("é", "ascii", null); // str.encode: Python's messages
 * } catch (CodecError e) {
 *   e.pythonClass();  // "UnicodeEncodeError"
 *   e.getMessage();   // "'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)"
 *   e.start(); e.end(); e.reason(); e.encoding(); e.text(); e.bytes();   // Python's attributes
 * }
 * }</pre>
 *
 * <p>The codecs: utf-8, utf-8-sig, utf-16, utf-16-le/-be, utf-32, utf-32-le/-be, latin-1 and ascii
 * written directly; gbk (cp936), gb2312, gb18030, big5, cp950, shift_jis, cp932, cp949, euc_jp and
 * every single-byte table codec (cp1252, iso8859-*, koi8-*, mac-*, cp437...) from tables that
 * {@code src/tools/codecs/generate.py} wrote from Python's own codecs, each read the first time the
 * codec is looked up. Error handlers: strict, ignore, replace, backslashreplace, xmlcharrefreplace,
 * surrogateescape. A codec or handler Python has and this package lacks is a LookupError that says
 * so. {@code PyCodecsLiveTest} compares all of it with python3.
 */
package dev.sockshell.codecs;
