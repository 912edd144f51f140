package dev.sockshell.codecs;

import java.util.Arrays;

/**
 * Python's gb18030: GBK's two-byte table (with gb18030's changes), and four-byte sequences for the
 * rest of Unicode, which CPython's _codecs_cn.c computes: a linear index, through a table of ranges
 * for the BMP and by arithmetic above it. A lead byte followed by a digit starts a four-byte one.
 */
final class Gb18030 extends MultiByte {
  /** Four-byte sequences 81 30 81 30 .. 84 31 A4 39 are the BMP ranges' 39420 indexes. */
  private static final int BMP_INDEXES = 39420;

  /** The index of 90 30 81 30, U+10000. */
  private static final int ASTRAL_BASE = 15 * 10 * 1260;

  Gb18030(Table table) {
    super("gb18030", table);
  }

  @Override
  int sequenceLength(byte[] in, int s, int kind) {
    return in.length - s >= 2 && digit(in[s + 1]) ? 4 : 2;
  }

  @Override
  int decode(byte[] in, int s, int length) {
    if (length == 2) {
      return super.decode(in, s, length);
    }
    int b1 = in[s] & 0xFF;
    int b3 = in[s + 2] & 0xFF;
    if (b1 < 0x81 || b1 > 0xFE || b3 < 0x81 || b3 > 0xFE || !digit(in[s + 3])) {
      return 0;
    }
    int index = ((b1 - 0x81) * 10 + in[s + 1] - '0') * 1260 + (b3 - 0x81) * 10 + in[s + 3] - '0';
    if (b1 <= 0x84) {
      if (index >= BMP_INDEXES) {
        return 0;
      }
      int range = Arrays.binarySearch(table.rangeIndexes, index);
      range = range >= 0 ? range : -range - 2;
      return table.rangeFirsts[range] + index - table.rangeIndexes[range];
    } else if (b1 >= 0x90) {
      int cp = 0x10000 + index - ASTRAL_BASE;
      return cp <= 0x10FFFF ? cp : 0;
    }
    return 0;
  }

  @Override
  int encode(int cp, ByteSink out) {
    int written = table.encode(cp, out);
    if (written != Table.NOT_IN_TABLE) {
      return written;
    }
    int index;
    if (cp >= 0x10000) {
      index = cp - 0x10000 + ASTRAL_BASE;
    } else {
      int range = Arrays.binarySearch(table.rangeFirsts, cp);
      range = range >= 0 ? range : -range - 2;
      int end = range + 1 < table.rangeIndexes.length ? table.rangeIndexes[range + 1] : BMP_INDEXES;
      index = range < 0 ? -1 : table.rangeIndexes[range] + cp - table.rangeFirsts[range];
      if (index < 0 || index >= end) {
        return Table.NOT_ENCODABLE;
      }
    }
    out.write(index / 12600 + 0x81);
    out.write(index / 1260 % 10 + 0x30);
    out.write(index / 10 % 126 + 0x81);
    out.write(index % 10 + 0x30);
    return Table.WRITTEN;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }
}
