package dev.sockshell.codecs;

import dev.sockshell.bytes.ByteString;

/** Python's 'undefined' codec, which refuses to encode or decode anything, even nothing. */
final class Undefined extends PyCodec {
  Undefined() {
    super("undefined");
  }

  @Override
  public ByteString encode(String text, String errors) throws CodecError {
    throw refused();
  }

  @Override
  String decode(byte[] in, ErrorHandler errors) throws CodecError {
    throw refused();
  }

  private static CodecError refused() {
    return CodecError.of("UnicodeError", "undefined encoding");
  }

  @Override
  int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    throw new AssertionError("never called");
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    throw new AssertionError("never called");
  }
}
