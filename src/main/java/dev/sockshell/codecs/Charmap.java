package dev.sockshell.codecs;

/**
 * Python's single-byte table codecs (cp1252, the iso8859 family, koi8-r, mac-roman, cp437...): a
 * byte's character from the table, and errors that name the 'charmap' codec, a run of unencodable
 * characters being one error, as in CPython's charmap_encode.
 */
final class Charmap extends PyCodec {
  private static final String UNDEFINED = "character maps to <undefined>";

  private final Table table;

  Charmap(String name, Table table) {
    super(name);
    this.table = table;
  }

  @Override
  String encodeErrorName() {
    return "charmap";
  }

  @Override
  String decodeErrorName() {
    return "charmap";
  }

  @Override
  int encodeRun(int[] text, int from, ByteSink out, Failure failure) {
    for (int i = from; i < text.length; i++) {
      if (table.encode(text[i], out) != Table.WRITTEN) {
        int end = i + 1;
        while (end < text.length && !table.encodes(text[end])) {
          end++;
        }
        return failure.at(i, end, UNDEFINED);
      }
    }
    return text.length;
  }

  @Override
  int decodeRun(byte[] in, int from, StringBuilder out, Failure failure) {
    for (int i = from; i < in.length; i++) {
      int b = in[i] & 0xFF;
      if (table.kinds[b] != Table.SINGLE) {
        return failure.at(i, i + 1, UNDEFINED);
      }
      out.append(table.singles[b]);
    }
    return in.length;
  }
}
