package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.commands.CommandTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which lines go to Python: the scanners that replaced two regular expressions decide as those
 * expressions did, for every short string over the characters that matter, and for the lines people
 * type.
 */
class PythonLinesTest {
  /** The former expressions: the definition the scanners keep. */
  private static final Pattern VALUE_ALONE = Pattern.compile("\\s*(\\$\\d+|_)(\\[\\d+])*\\s*");

  private static final Pattern PYTHON_AFTER_NAME =
      Pattern.compile(
          "([(.\\[,]|\\s*(=(?!=)|==|!=|[-+*/%&|^@]=|//=|\\*\\*=|>>=|<<=)).*", Pattern.DOTALL);

  @Test
  void scannersDecideAsTheExpressionsDidForEveryShortString() {
    for (String s : strings("_$[]1 \t=!/*<>+.(,a", 4)) {
      assertEquals(VALUE_ALONE.matcher(s).matches(), PythonLines.isValueAlone(s), s);
      assertEquals(
          PYTHON_AFTER_NAME.matcher(s).matches(), PythonLines.isPythonAfterName("x" + s, 1), s);
    }
  }

  @Test
  void linesPeopleType() {
    CommandTable table = CommandTable.standard();
    for (String python :
        List.of(
            "recv = conn.recv(1024)",
            "socket.socket()",
            "send(x)",
            "data += more",
            "x = 1",
            "print('hi')",
            "recv //= 2",
            "bind **= 3",
            "close == 1",
            "(1, 2)")) {
      assertEquals(true, PythonLines.isPython(python, table), python);
    }
    for (String command :
        List.of(
            "socket s",
            "  recv conn 1024",
            "sendto a b'ping' b",
            "expect (b'x', 1)",
            "/list",
            "# a comment",
            "$3",
            " _[1][0] ",
            "recv c >= 3",
            "")) {
      assertEquals(false, PythonLines.isPython(command, table), command);
    }
  }

  /** Every string of up to {@code length} characters from {@code alphabet}. */
  private static List<String> strings(String alphabet, int length) {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int n = 1; n <= length; n++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (char c : alphabet.toCharArray()) {
          next.add(s + c);
        }
      }
      all.addAll(next);
      last = next;
    }
    return all;
  }
}
