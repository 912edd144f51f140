package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /12} and {@code /-2} re-run a command of /history; the check replaced a regex. */
class RerunNumberTest {
  private static final Pattern RERUN_NUMBER = Pattern.compile("/-?[0-9]+");

  @Test
  void decidesAsTheExpressionDidForEveryShortWord() {
    List<String> words = new ArrayList<>(List.of(""));
    for (int n = 0; n < 5; n++) {
      List<String> longer = new ArrayList<>();
      for (String w : words) {
        for (char c : "/-09a ".toCharArray()) {
          longer.add(w + c);
        }
      }
      words.addAll(longer);
      words = new ArrayList<>(new LinkedHashSet<>(words));
    }
    for (String w : words) {
      assertEquals(RERUN_NUMBER.matcher(w).matches(), CommandTable.isRerunNumber(w), w);
    }
  }
}
