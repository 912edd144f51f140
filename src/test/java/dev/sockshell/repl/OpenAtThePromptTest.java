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
    assertTrue(out.contains("after ==> socket(AF_INET, SOCK_STREAM)"), out);
  }
}
