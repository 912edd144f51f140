package dev.sockshell.lang;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean …": the closest of some known words to what was typed, if close enough. */
public final class Suggest {
  private Suggest() {}

  /**
   * The shortest candidate that starts with what was typed (two characters at least: {@code /h} is
   * {@code /help} cut short, not a typo of {@code /!}; no guess between two as short); else the one
   * at the smallest edit distance, if within a third of the word (words under three characters get
   * no guess); else null.
   */
  public static String closest(String typed, Collection<String> candidates) {
    String lower = typed.toLowerCase(Locale.ROOT);
    String best = null;
    if (lower.length() >= 2) {
      int shortest = 0;
      for (String c : candidates) {
        if (c.length() > lower.length() && c.toLowerCase(Locale.ROOT).startsWith(lower)) {
          if (best == null || c.length() < best.length()) {
            best = c;
            shortest = 1;
          } else if (c.length() == best.length()) {
            shortest++;
          }
        }
      }
      if (shortest == 1) {
        return best;
      }
      best = null;
    }
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = typed.length() < 3 ? 0 : Math.max(1, typed.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
