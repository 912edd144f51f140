package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.Session;
import dev.sockshell.render.PlainOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /open} at the console's prompt: a script that stops returns to the prompt. */
class OpenAtThePromptTest {
  @TempDir Path dir;

  @Test
  void aStoppedScriptDoesNotSuggestACommandLineOptionToSomeoneAtThePrompt() throws IOException {
    Files.writeString(
        dir.resolve("bad.socks"), "socket s\nrecv s\nsocket never\n", StandardCharsets.UTF_8);
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      assertEquals(Shell.End.COMPLETED, shell.run(Typed.lines("/open bad.socks\nsocket after\n")));
    }
    String out = text.toString();
    assertTrue(
        out.contains(
            "bad.socks:2: stopped: the error above was not expected"
                + " (add \"expect error …\" after it if it is)\n"),
        out);
    assertFalse(out.contains("--keep-going"), out);
    assertFalse(out.contains("never ==>"), out);
    assertTrue(
        out.contains(
            "FAILED: 2 commands, 0 expectations passed, 0 failed; stopped by an unexpected error"
                + " at bad.socks:2\nafter ==> socket(AF_INET, SOCK_STREAM)"),
        out);
  }

  @Test
  void aScriptOpenedAtThePromptEndsWithItsOwnSummaryLine() throws IOException {
    Files.writeString(
        dir.resolve("ok.socks"),
        "socket s\ngettimeout s\nexpect None\nclose s\n",
        StandardCharsets.UTF_8);
    StringWriter text = new StringWriter();
    try (Shell shell = new Shell(new Session(), new PlainOutput(text), dir)) {
      shell.run(Typed.lines("socket before\n/open ok.socks\n/open ok.socks\n"));
    }
    String out = text.toString();
    // Each run counts its own lines, not what the console ran before.
    String summary = "3 commands, 1 expectation passed, 0 failed\n";
    assertTrue(out.endsWith(summary), out);
    assertEquals(2, out.split(summary, -1).length - 1, out);
  }
}
