package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.ShellRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /set encoding NAME} is Python's codec end to end: what {@code send} puts on the wire, the
 * UnicodeEncodeError it raises instead, what {@code /set display text} shows and what {@code
 * expect} and {@code expect matches} compare are those of python3's {@code text.encode(NAME)} and
 * {@code data.decode(NAME)}, computed by python3 while the test runs.
 */
class SessionEncodingLiveTest {
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  /** Encoding and text, the text as sockshell and Python both read it (\\u, \\U escapes). */
  private static final List<String[]> CASES =
      List.of(
          new String[] {"gbk", "\\u4f60\\u597d"},
          new String[] {"GBK", "\\u20ac"},
          new String[] {"cp936", "\\u4f60\\u597d\\u20ac"},
          new String[] {"gb18030", "\\u20ac\\U0001F600"},
          new String[] {"gb2312", "\\u00b7\\u2014"},
          new String[] {"utf-16", "hi"},
          new String[] {"UTF-16LE", "hi\\u4f60"},
          new String[] {"utf_16_be", "hi"},
          new String[] {"utf-32", "a\\U0001F600"},
          new String[] {"utf-8-sig", "hi"},
          new String[] {"big5", "\\u7e41\\u9ad4\\u4e2d\\u6587"},
          new String[] {"big5", "\\u20ac\\u5341"},
          new String[] {"shift_jis", "\\u3053\\u3093\\u306b\\u3061\\u306f\\uff76"},
          new String[] {"sjis", "\\uff5e\\u2225"},
          new String[] {"cp932", "\\uff5e\\u2225"},
          new String[] {"latin-1", "caf\\u00e9"},
          new String[] {"latin-1", "\\u20ac"},
          new String[] {"ascii", "caf\\u00e9\\u00e9t\\u00e9"},
          new String[] {"cp1252", "\\u20ac\\u0081"},
          new String[] {"koi8-r", "\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442"});

  private static final String WORKER =
      """
      import sys
      for line in sys.stdin:
          encoding, literal = line.split()
          text = literal.encode('ascii').decode('unicode_escape')
          try:
              data = text.encode(encoding)
              print('OK', repr(data), repr(data.decode(encoding)))
          except UnicodeError as e:
              print('ERR', type(e).__name__ + ': ' + str(e))
      """;

  @Test
  void sendDisplayAndExpectUsePythonsCodec() throws Exception {
    assumeTrue(
        ExternalProgram.available(PYTHON, "--version"),
        "skipped: python3 is not installed, so there is no Python to compare the codecs with");
    StringBuilder input = new StringBuilder();
    CASES.forEach(c -> input.append(c[0]).append(' ').append(c[1]).append('\n'));
    String[] python;
    try (ExternalProgram p = ExternalProgram.start(PYTHON, "-c", WORKER)) {
      p.input(input.toString());
      python = p.finish().split("\n");
    }

    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    try (ShellRun run = new ShellRun()) {
      run.run(
          "socket srv\nbind srv 127.0.0.1:0\nlisten srv\nsocket cli\nconnect cli srv\n"
              + "accept srv conn\n");
      for (int i = 0; i < CASES.size(); i++) {
        String encoding = CASES.get(i)[0];
        String literal = CASES.get(i)[1];
        String[] answer = python[i].split(" ", 3);
        expected.add(encoding + " " + literal + ": " + python[i]);
        if (answer[0].equals("ERR")) {
          String out = lines(run, "/set encoding " + encoding + "\nsend cli \"" + literal + "\"");
          String error = out.lines().toList().get(1).replace("test.socks:2: ", "");
          actual.add(encoding + " " + literal + ": ERR " + error);
          continue;
        }
        String sent =
            lines(
                run,
                "/set encoding "
                    + encoding
                    + "\nsend cli \""
                    + literal
                    + "\"\nrecv conn\nexpect \""
                    + literal
                    + "\"\nexpect matches /^"
                    + literal.replaceAll("\\\\U000(\\p{XDigit}{5})", "\\\\x{$1}")
                    + "$/\n/set display text\nsend cli "
                    + answer[1]
                    + "\nrecv conn\n/set display repr");
        List<String> out = sent.lines().toList();
        if (out.size() != 9) {
          actual.add(encoding + " " + literal + ": " + out);
          continue;
        }
        // /set encoding, $N (sent), $N (received), ok, ok, display, $N, $N (as text), display
        String status = out.get(3).equals("|  ok") && out.get(4).equals("|  ok") ? "" : " " + out;
        actual.add(
            encoding
                + " "
                + literal
                + ": OK "
                + value(out.get(2))
                + " "
                + value(out.get(7))
                + status);
      }
    }
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  /** What running {@code lines} printed, without the echoed commands. */
  private static String lines(ShellRun run, String lines) {
    int before = run.out().length();
    run.run(lines + "\n");
    StringBuilder printed = new StringBuilder();
    run.out()
        .substring(before)
        .lines()
        .filter(l -> !l.startsWith("sockshell> "))
        .forEach(l -> printed.append(l).append('\n'));
    return printed.toString();
  }

  /** The value of a {@code $N ==> VALUE} line. */
  private static String value(String line) {
    return line.substring(line.indexOf(" ==> ") + 5);
  }
}
