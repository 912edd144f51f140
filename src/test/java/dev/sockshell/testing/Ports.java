package dev.sockshell.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks ephemeral ports in output so transcripts compare across runs: each distinct port in the
 * OS's ephemeral range becomes {@code <port1>}, {@code <port2>}, … in order of appearance, so a
 * transcript still shows that the client connected to the port the server got.
 */
public final class Ports {
  private static final Pattern ADDRESS_PORT =
      Pattern.compile(
          "((?:\\d{1,3}\\.){3}\\d{1,3}|\\[[0-9a-fA-F:.]*\\]|'[0-9a-fA-F:.]*'|localhost)"
              + "(:|', |, )(\\d{1,5})");

  private static final int[] RANGE = ephemeralRange();

  private Ports() {}

  public static String mask(String text) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher m = ADDRESS_PORT.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String port = m.group(3);
      int n = Integer.parseInt(port);
      String replacement = port;
      if (n >= RANGE[0] && n <= RANGE[1]) {
        replacement = names.computeIfAbsent(port, p -> "<port" + (names.size() + 1) + ">");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static int[] ephemeralRange() {
    try {
      String[] parts =
          Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {32768, 65535};
    }
  }
}
