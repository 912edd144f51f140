package dev.sockshell.codecs;

/**
 * Python's CJK codecs (gbk, gb2312, big5, cp950, shift_jis, cp932, cp949, euc_jp) with Python's
 * tables, which differ from Java's (GBK's euro sign, Big5's and Shift_JIS's extensions). As in
 * CPython's multibytecodec: a byte decodes alone, or leads a sequence of fixed length; a sequence
 * cut short by the end of the input is "incomplete" up to the end, and any other that the table
 * lacks is one "illegal" byte, after which decoding goes on at the next byte. A character the table
 * cannot encode is one error.
 */
class MultiByte extends PyCodec {
  static final String ILLEGAL = "illegal multibyte sequence";
  static final String INCOMPLETE = "incomplete multibyte sequence";

  final Table table;

  MultiByte(String name, Table table) {
    super(name);
    this.table = table;
  }

  @Override
  final int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    for (int i = from; i < text.length; i++) {
      if (encode(text[i], out) != Table.WRITTEN) {
        return failure.at(i, i + 1, ILLEGAL);
      }
    }
    return text.length;
  }

  /** Writes {@code cp}; returns {@link Table#WRITTEN} if it could. */
  int encode(int cp, ByteSink out) {
    return table.encode(cp, out);
  }

  @Override
  final int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    int s = from;
    while (s < in.length) {
      int b = in[s] & 0xFF;
      int kind = table.kinds[b];
      if (kind == Table.SINGLE) {
        out.append(table.singles[b]);
        s++;
        continue;
      } else if (kind == Table.INVALID) {
        return failure.at(s, s + 1, ILLEGAL);
      }
      int length = sequenceLength(in, s, kind);
      if (in.length - s < length) {
        return failure.at(s, in.length, INCOMPLETE);
      }
      int cp = decode(in, s, length);
      if (cp == 0) {
        return failure.at(s, s + 1, ILLEGAL);
      }
      out.appendCodePoint(cp);
      s += length;
    }
    return in.length;
  }

  /** How many bytes the sequence that {@code in[s]}, a lead byte of {@code kind}, starts has. */
  int sequenceLength(byte[] in, int s, int kind) {
    return kind;
  }

  /** What the {@code length} bytes at {@code s} decode to, or 0 if nothing. */
  int decode(byte[] in, int s, int length) {
    int key = 0;
    for (int i = 0; i < length; i++) {
      key = key << 8 | in[s + i] & 0xFF;
    }
    return length == 2 ? table.pairs[key] : table.triple(key);
  }
}
