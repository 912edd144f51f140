package dev.sockshell.render;

import dev.sockshell.bytes.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes as {@code hexdump -C} shows them, for {@code /set display hex}: an offset, sixteen bytes in
 * hex (two groups of eight), and the printable ASCII characters, with a dot for any other byte.
 */
public final class HexDump {
  public static final int PER_LINE = 16;

  private HexDump() {}

  public static List<String> lines(ByteString bytes) {
    return lines(bytes, 0, bytes.size());
  }

  /**
   * The lines of the bytes from {@code from} (a multiple of {@value #PER_LINE}) to {@code to}, with
   * their offsets in all of {@code bytes}: a dump shortened to its start and its end.
   */
  public static List<String> lines(ByteString bytes, int from, int to) {
    int offsetDigits = Math.max(4, Integer.toHexString(Math.max(0, bytes.size() - 1)).length());
    List<String> lines = new ArrayList<>();
    for (int start = from; start < to; start += PER_LINE) {
      StringBuilder hex = new StringBuilder();
      StringBuilder ascii = new StringBuilder();
      for (int i = start; i < start + PER_LINE; i++) {
        if (i == start + PER_LINE / 2) {
          hex.append(' ');
        }
        if (i < to) {
          int b = bytes.get(i);
          hex.append(String.format("%02x ", b));
          ascii.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        } else {
          hex.append("   ");
        }
      }
      String offset = String.format("%0" + offsetDigits + "x", start);
      lines.add(offset + "  " + hex + " |" + ascii + "|");
    }
    return lines;
  }
}
