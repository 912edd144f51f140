package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.Output;
import dev.sockshell.render.Styled;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /set KEY} lists the values a key takes, each line fitting the window as /help does. */
class SetListsTest {
  @Test
  void theValuesOfEveryKeyFitANarrowWindow() {
    List<String> shown = new ArrayList<>();
    Output narrow =
        new Output() {
          @Override
          public void println(Styled line) {
            shown.add(line.text());
          }

          @Override
          public void flush() {}

          @Override
          public int width() {
            return 60;
          }
        };
    try (Shell shell = new Shell(new Session(), narrow, Path.of("."))) {
      shell.run(Typed.lines("/set feedback\n/set display\n/set encoding\n/set events\n"));
    }
    assertTrue(
        shown.contains("|  values: ascii, big5, cp037, cp1006, cp1026, cp1125,"), shown::toString);
    assertTrue(
        shown.contains("|    verbose  results, feedback, the Python call and the"),
        shown::toString);
    assertTrue(shown.contains("|             sockets' state changes"), shown::toString);
    for (String line : shown) {
      assertTrue(line.length() <= 60, "wider than 60 columns: " + line);
    }
  }
}
