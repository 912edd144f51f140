package dev.sockshell.console;

import java.util.Set;

/** Which console buffers are a Python block, for keys that act differently there (Tab indents). */
final class ConsoleBlocks {
  private ConsoleBlocks() {}

  private static final Set<String> OPENERS =
      Set.of("if", "while", "for", "try", "with", "def", "class", "async");

  /** True when the buffer's first line opens a Python block ({@code while True:}). */
  static boolean isPythonBlock(String buffer) {
    String s = buffer.stripLeading();
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return OPENERS.contains(s.substring(0, end));
  }
}
