package dev.sockshell.codecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;

/**
 * A codec's mapping as Python has it, read from the resource that src/tools/codecs/generate.py
 * wrote from Python's own codecs (its docstring gives the format): what each byte and each
 * multi-byte sequence decodes to, and what each code point encodes to. Read once, when the codec is
 * first looked up.
 */
final class Table {
  static final int INVALID = 0;
  static final int SINGLE = 1;
  static final int LEAD2 = 2;
  static final int LEAD3 = 3;

  /** What {@link #encode} did: wrote the bytes, found nothing, or found Python refuses it. */
  static final int WRITTEN = 1;

  static final int NOT_IN_TABLE = 0;
  static final int NOT_ENCODABLE = -1;

  /** Per byte: INVALID, SINGLE, or how long a sequence it leads. */
  final byte[] kinds = new byte[256];

  /** What a SINGLE byte decodes to. */
  final char[] singles = new char[256];

  /**
   * What a two-byte sequence decodes to, indexed by its bytes big-endian, 0 for none; null for a
   * single-byte codec.
   */
  final char[] pairs;

  /** Three-byte sequences (sorted) and what they decode to. */
  private final int[] tripleKeys;

  private final char[] tripleChars;

  /** Per BMP code point: (length << 24 | bytes big-endian), 0 for none, OVERRIDDEN for below. */
  private final int[] encoded = new int[0x10000];

  private static final int OVERRIDDEN = -1;

  /** Encodings that are not the decoder's inverse; an empty array is "not encodable". */
  private final Map<Integer, byte[]> overrides = new HashMap<>();

  /** gb18030's four-byte ranges: where each starts (linear index) and its first code point. */
  final int[] rangeIndexes;

  final int[] rangeFirsts;

  private Table(Raw raw) {
    System.arraycopy(raw.kinds, 0, kinds, 0, 256);
    for (int b = 0; b < 256; b++) {
      singles[b] = (char) raw.singles[b];
    }
    int triples = 0;
    for (int key : raw.keys) {
      triples += key > 0xFFFF ? 1 : 0;
    }
    tripleKeys = new int[triples];
    tripleChars = new char[triples];
    pairs = raw.keys.length > triples ? new char[0x10000] : null;
    // The encoder is the decoder's inverse: the first byte, then the first sequence in key order.
    for (int b = 0; b < 256; b++) {
      if (kinds[b] == SINGLE && encoded[singles[b]] == 0) {
        encoded[singles[b]] = 1 << 24 | b;
      }
    }
    for (int i = 0, t = 0; i < raw.keys.length; i++) {
      int key = raw.keys[i];
      char cp = (char) raw.chars[i];
      if (key > 0xFFFF) {
        tripleKeys[t] = key;
        tripleChars[t++] = cp;
      } else {
        pairs[key] = cp;
      }
      if (encoded[cp] == 0) {
        encoded[cp] = (key > 0xFFFF ? 3 : 2) << 24 | key;
      }
    }
    overrides.putAll(raw.overrides);
    for (int cp : overrides.keySet()) {
      if (cp < 0x10000) {
        encoded[cp] = OVERRIDDEN;
      }
    }
    rangeIndexes = raw.rangeIndexes;
    rangeFirsts = raw.rangeFirsts;
  }

  /** What the three bytes {@code key} decode to, or 0. */
  char triple(int key) {
    int i = Arrays.binarySearch(tripleKeys, key);
    return i >= 0 ? tripleChars[i] : 0;
  }

  /** Whether {@link #encode} would write {@code cp}. */
  boolean encodes(int cp) {
    return encode(cp, null) == WRITTEN;
  }

  /** Writes {@code cp} as the decoder's inverse, or an override, gives it (if {@code out}). */
  int encode(int cp, ByteSink out) {
    int code = cp < 0x10000 ? encoded[cp] : overrides.isEmpty() ? 0 : OVERRIDDEN;
    if (code == OVERRIDDEN) {
      byte[] bytes = overrides.get(cp);
      if (bytes == null) {
        return NOT_IN_TABLE;
      }
      if (bytes.length == 0) {
        return NOT_ENCODABLE;
      }
      for (int i = 0; out != null && i < bytes.length; i++) {
        out.write(bytes[i]);
      }
      return WRITTEN;
    }
    if (code == 0) {
      return NOT_IN_TABLE;
    }
    if (out != null) {
      out.writeBigEndian(code, code >>> 24);
    }
    return WRITTEN;
  }

  /** The table of the multi-byte codec Python calls {@code module} (e.g. {@code gbk}). */
  static Table load(String module) {
    return new Table(Raw.read(module));
  }

  /** The table of the single-byte codec Python calls {@code module} (e.g. {@code cp1252}). */
  static Table loadCharmap(String module) {
    byte[] all = inflate("charmaps.bin");
    Raw raw = new Raw(all);
    while (raw.at < all.length) {
      String name = raw.string();
      int length = raw.varint();
      if (name.equals(module)) {
        raw.parse();
        return new Table(raw);
      }
      raw.at += length;
    }
    throw new IllegalStateException("charmaps.bin has no table " + module);
  }

  private static byte[] inflate(String resource) {
    try (InputStream in = Table.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no codec table " + resource);
      }
      return new InflaterInputStream(in).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table file as stored, with its base's entries merged in. */
  private static final class Raw {
    final byte[] kinds = new byte[256];
    final int[] singles = new int[256];
    int[] keys;
    int[] chars;
    final Map<Integer, byte[]> overrides = new HashMap<>();
    int[] rangeIndexes;
    int[] rangeFirsts;

    private final byte[] data;
    private int at;

    private Raw(byte[] data) {
      this.data = data;
    }

    static Raw read(String module) {
      Raw raw = new Raw(inflate(module + ".bin"));
      raw.parse();
      return raw;
    }

    private String string() {
      int length = varint();
      at += length;
      return new String(data, at - length, length, StandardCharsets.UTF_8);
    }

    private void parse() {
      if (data[at++] != 1) {
        throw new IllegalStateException("codec table of an unknown version");
      }
      String base = string();
      System.arraycopy(data, at, kinds, 0, 256);
      at += 256;
      for (int b = 0; b < 256; b++) {
        if (kinds[b] == SINGLE) {
          singles[b] = varint();
        }
      }
      int[][] entries = sequences();
      int[] removed = keys(varint());
      if (base.isEmpty()) {
        keys = entries[0];
        chars = entries[1];
      } else {
        Raw from = read(base);
        merge(from.keys, from.chars, entries[0], entries[1], removed);
      }
      int count = varint();
      for (int i = 0, cp = -1; i < count; i++) {
        cp += varint() + 1;
        int length = varint();
        overrides.put(cp, Arrays.copyOfRange(data, at, at + length));
        at += length;
      }
      int ranges = varint();
      rangeIndexes = new int[ranges];
      rangeFirsts = new int[ranges];
      for (int i = 0, index = 0, first = 0; i < ranges; i++) {
        rangeIndexes[i] = index += varint();
        rangeFirsts[i] = first += varint();
      }
    }

    private int[][] sequences() {
      int count = varint();
      int[] k = new int[count];
      int[] c = new int[count];
      for (int i = 0, key = -1, cp = 0; i < count; i++) {
        k[i] = key += varint() + 1;
        int delta = varint();
        c[i] = cp += (delta >>> 1) ^ -(delta & 1);
      }
      return new int[][] {k, c};
    }

    private int[] keys(int count) {
      int[] k = new int[count];
      for (int i = 0, key = -1; i < count; i++) {
        k[i] = key += varint() + 1;
      }
      return k;
    }

    /** The base's sequences with {@code changed} put over them and {@code removed} taken out. */
    private void merge(
        int[] baseKeys, int[] baseChars, int[] changedKeys, int[] changedChars, int[] removed) {
      int[] k = new int[baseKeys.length + changedKeys.length];
      int[] c = new int[k.length];
      int n = 0;
      int b = 0;
      int d = 0;
      while (b < baseKeys.length || d < changedKeys.length) {
        if (d == changedKeys.length || b < baseKeys.length && baseKeys[b] < changedKeys[d]) {
          if (Arrays.binarySearch(removed, baseKeys[b]) < 0) {
            k[n] = baseKeys[b];
            c[n++] = baseChars[b];
          }
          b++;
        } else {
          if (b < baseKeys.length && baseKeys[b] == changedKeys[d]) {
            b++;
          }
          k[n] = changedKeys[d];
          c[n++] = changedChars[d++];
        }
      }
      keys = Arrays.copyOf(k, n);
      chars = Arrays.copyOf(c, n);
    }

    private int varint() {
      int value = 0;
      for (int shift = 0; ; shift += 7) {
        int b = data[at++];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
      }
    }
  }
}
