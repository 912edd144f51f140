package dev.sockshell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sockshell.testing.ScriptRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /set feedback silent} shows errors only: no echo of the script's lines (which is why this
 * is not a transcript), no values, no feedback, no hints.
 */
class SilentFeedbackTest {
  @Test
  void silentShowsOnlyErrors(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("silent.socks");
    Files.writeString(
        script,
        """
        /set feedback silent
        socket srv
        bind srv 127.0.0.1:0
        getsockname srv
        listen srv
        socket cli
        connect cli srv
        accept srv conn
        expect (conn, cli)
        listen conn
        expect error EINVAL
        recv cli 0
        expect b'x'
        /set feedback normal
        close srv
        """,
        StandardCharsets.UTF_8);
    ScriptRun run = ScriptRun.of(script.toString());
    assertEquals(
        "sockshell> /set feedback silent\n"
            + "OSError [EINVAL]: Invalid argument\n"
            + script
            + ":13: expectation failed: expected b'x', got b'' from `recv cli 0`\n"
            + "|  feedback: normal\n"
            + "sockshell> close srv\n"
            + "|  srv closed\n"
            + "FAILED: 12 commands, 2 expectations passed, 1 failed ("
            + script
            + ":13)\n",
        run.out());
    assertEquals(1, run.status());
  }
}
