package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.ScriptRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line features of a scripted run: the summary line, --quiet, --transcript, --timeout,
 * -i, and /open of a script relative to the one that opens it.
 */
class ScriptOptionsTest {
  @TempDir Path dir;

  private static final String PASSING =
      """
      socket s
      bind s 127.0.0.1:0
      gettimeout s
      expect None
      close s
      expect None
      """;

  private static final String FAILING =
      """
      socket s
      gettimeout s
      expect 5
      expect None
      close s
      """;

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  @Test
  void timingEndsEachResultWithHowLongTheCallTook() throws IOException {
    String script = write("ok.socks", PASSING);
    ScriptRun timed = ScriptRun.of("--timing", script);
    assertEquals(0, timed.status(), timed.out());
    assertTrue(
        timed.out().matches("(?s).*\\|  s bound to .*\\) \\(\\d+(\\.\\d+)? (µs|ms|s)\\)\n.*"),
        timed.out());
    assertFalse(ScriptRun.of(script).out().matches("(?s).*\\d (µs|ms|s)\\).*"));
  }

  @Test
  void aCleanRunEndsWithTheSummaryAndExitsZero() throws IOException {
    ScriptRun run = ScriptRun.of(write("ok.socks", PASSING));
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().endsWith("\n4 commands, 2 expectations passed, 0 failed\n"), run.out());
  }

  @Test
  void aFailedExpectationNamesFileLineExpectedAndGotAndTheSummaryPointsAtIt() throws IOException {
    String script = write("bad.socks", FAILING);
    ScriptRun run = ScriptRun.of(script);
    assertEquals(1, run.status(), run.out());
    assertTrue(
        run.out()
            .contains(script + ":3: expectation failed: expected 5, got None from `gettimeout s`"),
        run.out());
    // The script goes on after a failed expectation: later checks still tell.
    assertTrue(run.out().contains("sockshell> close s"), run.out());
    assertTrue(
        run.out()
            .endsWith("\nFAILED: 3 commands, 1 expectation passed, 1 failed (" + script + ":3)\n"),
        run.out());
  }

  @Test
  void quietPrintsNothingWhenAllIsWell() throws IOException {
    ScriptRun run = ScriptRun.of("--quiet", write("ok.socks", PASSING));
    assertEquals(0, run.status());
    assertEquals("", run.out());
  }

  @Test
  void quietPrintsOnlyTheFailuresAndTheSummary() throws IOException {
    String script = write("bad.socks", FAILING);
    ScriptRun run = ScriptRun.of("-q", script);
    assertEquals(1, run.status());
    assertEquals(
        script
            + ":3: expectation failed: expected 5, got None from `gettimeout s`\n"
            + "FAILED: 3 commands, 1 expectation passed, 1 failed ("
            + script
            + ":3)\n",
        run.out());
  }

  @Test
  void quietStillShowsAnUnexpectedErrorButNotAnExpectedOne() throws IOException {
    String script =
        write("errors.socks", "socket s\nrecv s\nexpect error ENOTCONN\naccept s\nclose s\n");
    ScriptRun run = ScriptRun.of("--quiet", script);
    assertEquals(1, run.status());
    assertFalse(run.out().contains("ENOTCONN"), run.out());
    assertTrue(
        run.out().startsWith(script + ":4: OSError [EINVAL]: Invalid argument\n"), run.out());
    assertTrue(run.out().contains(script + ":4: stopped: the error above was not expected"));
  }

  @Test
  void theTranscriptIsTheSessionAsItAppearedEvenWhenTheScreenIsQuiet() throws IOException {
    String script = write("bad.socks", FAILING);
    Path transcript = dir.resolve("session.txt");
    ScriptRun full = ScriptRun.of(script);
    ScriptRun quiet = ScriptRun.of("--quiet", "--transcript", transcript.toString(), script);
    assertEquals(1, quiet.status());
    assertEquals(full.out(), Files.readString(transcript, StandardCharsets.UTF_8));
    assertTrue(full.out().startsWith("sockshell> socket s\ns ==> socket(AF_INET, SOCK_STREAM)\n"));
    assertFalse(full.out().contains("\u001b["), "no colour codes");
  }

  @Test
  void aTranscriptThatCannotBeWrittenIsBadUsageSayingWhy() throws IOException {
    Path target = dir.resolve("no/such/dir/t.txt");
    ScriptRun run = ScriptRun.of("--transcript=" + target, write("ok.socks", PASSING));
    assertEquals(2, run.status());
    assertEquals(
        "sockshell: cannot write the transcript " + target + ": No such file or directory\n",
        run.err());
    ScriptRun intoDirectory = ScriptRun.of("--transcript=" + dir, write("ok.socks", PASSING));
    assertEquals(
        "sockshell: cannot write the transcript " + dir + ": Is a directory\n",
        intoDirectory.err());
  }

  @Test
  void timeoutEndsAScriptWhosePeerNeverComesAtTheLineThatWaited() throws IOException {
    String script =
        write("lonely.socks", "socket s\nbind s 127.0.0.1:0\nlisten s\naccept s\nclose s\n");
    ScriptRun run = ScriptRun.of("--timeout", "0.2", script);
    assertEquals(1, run.status(), run.out());
    assertTrue(run.out().contains(script + ":4: TimeoutError: timed out\n"), run.out());
    assertTrue(
        run.out().contains("; every blocking call of this run gives up after 0.2 s (--timeout)"),
        run.out());
    assertTrue(run.out().contains("stopped by an unexpected error at " + script + ":4"));
  }

  @Test
  void aTranscriptOntoTheScriptItselfIsRefusedBeforeItEmptiesTheScript() throws IOException {
    String script = write("keep.socks", PASSING);
    ScriptRun run = ScriptRun.of("--transcript", dir.resolve("./keep.socks").toString(), script);
    assertEquals(2, run.status(), run.out());
    assertTrue(run.err().contains("would overwrite the script " + script), run.err());
    assertEquals(PASSING, Files.readString(Path.of(script), StandardCharsets.UTF_8));
  }

  @Test
  void oneLetterFlagsMayBeWrittenTogetherAsGetoptAllows() throws IOException {
    String script = write("errors.socks", "socket s\nrecv s\nsocket t\nrecv t\n");
    ScriptRun together = ScriptRun.of("-qk", script);
    ScriptRun apart = ScriptRun.of("-q", "-k", script);
    assertEquals(1, together.status(), together.err());
    assertEquals(apart.out(), together.out());
    assertTrue(together.out().contains(script + ":4: OSError [ENOTCONN]"), together.out());
    assertFalse(together.out().contains("sockshell> socket t"), "quiet: " + together.out());
    ScriptRun unknown = ScriptRun.of("-qz", script);
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().startsWith("sockshell: unknown option '-qz'"), unknown.err());
  }

  @Test
  void timeoutAlsoEndsASelectWithoutATimeoutThatNothingWakes() throws IOException {
    String script =
        write(
            "select.socks",
            "socket s\nbind s 127.0.0.1:0\nlisten s\nselect s 0.05\nexpect ([], [], [])\n"
                + "select s\nclose s\n");
    ScriptRun run = ScriptRun.of("--timeout", "0.2", script);
    assertEquals(1, run.status(), run.out());
    assertTrue(run.out().contains(script + ":6: TimeoutError: timed out\n"), run.out());
    assertTrue(run.out().contains("stopped by an unexpected error at " + script + ":6"), run.out());
  }

  @Test
  void aSocketsOwnTimeoutStillWinsOverTheRunsDefault() throws IOException {
    String script =
        write(
            "own.socks",
            "socket s\ngettimeout s\nexpect 5.0\nsettimeout s none\ngettimeout s\nexpect None\n");
    ScriptRun run = ScriptRun.of("--timeout=5", script);
    assertEquals(0, run.status(), run.out());
  }

  @Test
  void badTimeoutValuesAreBadUsage() {
    for (String[] args :
        new String[][] {
          {"--timeout", "soon"}, {"--timeout", "0"}, {"--timeout", "1e300"}, {"--timeout"}, {"-i=1"}
        }) {
      ScriptRun run = ScriptRun.of(args);
      assertEquals(2, run.status(), String.join(" ", args));
      assertTrue(run.err().startsWith("sockshell: "), run.err());
    }
    assertTrue(
        ScriptRun.of("--timeout", "1e300").err().contains("less than 1e9"),
        "a value too large says the limit");
  }

  @Test
  void dashIContinuesTheSameSessionWithStdinWhenStdinIsNotATerminal() throws IOException {
    String script = write("setup.socks", "socket s\nbind s 127.0.0.1:0\n");
    ScriptRun run = ScriptRun.withStdin("getsockname s\nexpect s\n", "-i", script);
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().contains("sockshell> getsockname s\n$1 ==> ('127.0.0.1', "), run.out());
    assertTrue(run.out().endsWith("\n3 commands, 1 expectation passed, 0 failed\n"), run.out());
  }

  @Test
  void dashIGoesOnAfterAScriptStoppedSoTheSocketsCanBeInspected() throws IOException {
    String script = write("broken.socks", "socket s\nrecv s\nclose s\n");
    ScriptRun run = ScriptRun.withStdin("/list\n", "-i", script);
    assertEquals(1, run.status(), run.out());
    assertFalse(run.out().contains("sockshell> close s"), run.out());
    assertTrue(run.out().contains("sockshell> /list\nNAME"), run.out());
  }

  @Test
  void openIsRelativeToTheScriptThatOpensIt() throws IOException {
    write("lib/inner/leaf.socks", "socket leaf\n");
    write("lib/middle.socks", "/open inner/leaf.socks\nsocket middle\n");
    String top = write("top.socks", "/open lib/middle.socks\n/list\n");
    ScriptRun run = ScriptRun.of(top);
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().contains("leaf ==> socket(AF_INET, SOCK_STREAM)"), run.out());
    assertTrue(run.out().contains("middle ==> socket(AF_INET, SOCK_STREAM)"), run.out());
  }

  @Test
  void openTakesAPathWithSpacesQuotedOrNot() throws IOException {
    write("my scripts/a b.socks", "socket ab\n");
    String top = write("top.socks", "/open my scripts/a b.socks\n/open \"my scripts/a b.socks\"\n");
    ScriptRun run = ScriptRun.of(top);
    assertEquals(1, run.status(), run.out());
    assertTrue(run.out().contains("ab ==> socket(AF_INET, SOCK_STREAM)"), run.out());
    assertTrue(
        run.out().contains("error: ab is already an open socket"),
        "the quoted path opened the same script again: " + run.out());
  }

  @Test
  void anErrorInAnOpenedScriptNamesThatScriptAndStopsTheOneAroundIt() throws IOException {
    write("lib/fails.socks", "socket x\nrecv x\n");
    String top = write("top.socks", "/open lib/fails.socks\nsocket after\n");
    ScriptRun run = ScriptRun.of(top);
    assertEquals(1, run.status(), run.out());
    assertTrue(run.out().contains("fails.socks:2: OSError [ENOTCONN]"), run.out());
    assertFalse(run.out().contains("socket after"), run.out());
    assertEquals(1, run.out().split("stopped: ", -1).length - 1, "one stop message:\n" + run.out());
  }

  @Test
  void withKeepGoingAnExpectationAfterAFailedCommandSaysWhatFailed() throws IOException {
    String script = write("k.socks", "socket s\nrecv s\nexpect b'x'\nclose s\n");
    ScriptRun run = ScriptRun.of("--keep-going", script);
    assertEquals(1, run.status());
    assertTrue(
        run.out()
            .contains(
                script
                    + ":3: expectation failed: expected b'x', but `recv s` failed: OSError"
                    + " [ENOTCONN]: Transport endpoint is not connected"),
        run.out());
    assertTrue(
        run.out()
            .endsWith(
                "FAILED: 3 commands, 0 expectations passed, 1 failed ("
                    + script
                    + ":3); 1 unexpected error ("
                    + script
                    + ":2)\n"),
        run.out());
  }

  @Test
  void sleepWaitsAndCountsAsACommandButKeepsTheLastResultForExpect() throws IOException {
    String script = write("s.socks", "socket s\ngettimeout s\nsleep 0.05\nexpect None\n");
    ScriptRun run = ScriptRun.of(script);
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().contains("sockshell> sleep 0.05\n|  slept 0.05 s\n"), run.out());
  }

  @Test
  void aBinaryFileIsAFileThatCannotBeReadAsAScriptExitTwoBeforeAnythingRuns() throws IOException {
    Path binary = dir.resolve("a.out");
    Files.write(binary, new byte[] {(byte) 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, '\n'});
    String first = write("first.socks", "socket s\n");
    ScriptRun run = ScriptRun.of(first, binary.toString());
    assertEquals(2, run.status(), run.out());
    assertEquals("", run.out());
    assertEquals(
        "sockshell: cannot read "
            + binary
            + ": not a script: it holds NUL bytes, as binary files do\n",
        run.err());
  }

  @Test
  void aScriptSavedInAnotherEncodingRunsUpToTheLineThatIsNotUtf8AndSaysWhere() throws IOException {
    Path gbk = dir.resolve("gbk.socks");
    byte[] chinese = "中文".getBytes(Charset.forName("GBK"));
    ByteArrayOutputStream script = new ByteArrayOutputStream();
    script.writeBytes("socket a\r\nsend a \"".getBytes(StandardCharsets.US_ASCII));
    script.writeBytes(chinese);
    script.writeBytes("\"\r\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(gbk, script.toByteArray());
    ScriptRun run = ScriptRun.of(gbk.toString());
    assertEquals(1, run.status());
    assertTrue(run.out().startsWith("sockshell> socket a\na ==> socket"), run.out());
    assertTrue(
        run.out().contains(gbk + ":2: cannot read: not UTF-8 text (byte 0xd6 at column 9)"),
        run.out());
  }

  @Test
  void aScriptLineThatIsNotUtf8IsAnErrorOfThatLineAndKeepGoingGoesOn() throws IOException {
    Path gbk = dir.resolve("gbk.socks");
    ByteArrayOutputStream script = new ByteArrayOutputStream();
    script.writeBytes("socket a\nsend a \"".getBytes(StandardCharsets.US_ASCII));
    script.writeBytes("中文".getBytes(Charset.forName("GBK")));
    script.writeBytes("\"\ngettimeout a\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(gbk, script.toByteArray());
    ScriptRun run = ScriptRun.of("--keep-going", gbk.toString());
    assertEquals(1, run.status());
    assertTrue(
        run.out()
            .contains(
                gbk
                    + ":2: cannot read: not UTF-8 text (byte 0xd6 at column 9); save the script as"
                    + " UTF-8\nsockshell> gettimeout a\n$1 ==> None\n"),
        run.out());
    assertTrue(
        run.out()
            .endsWith(
                "FAILED: 2 commands, 0 expectations passed, 0 failed; 1 unexpected error ("
                    + gbk
                    + ":2)\n"),
        run.out());
  }

  @Test
  void aUtf16ScriptIsToldToBeSavedAsUtf8() throws IOException {
    Path notepad = dir.resolve("notepad.socks");
    Files.write(notepad, "\ufeffsocket a\r\n".getBytes(StandardCharsets.UTF_16LE));
    ScriptRun run = ScriptRun.of(notepad.toString());
    assertEquals(2, run.status());
    assertEquals(
        "sockshell: cannot read " + notepad + ": the script is UTF-16 text; save it as UTF-8\n",
        run.err());
  }

  @Test
  void utf16OnStdinIsToldToBeSavedAsUtf8AtItsFirstLine() {
    ScriptRun run = ScriptRun.withStdin("\ufeffsocket a\r\n".getBytes(StandardCharsets.UTF_16LE));
    assertEquals(1, run.status());
    assertTrue(
        run.out()
            .startsWith("<stdin>:1: cannot read: the script is UTF-16 text; save it as UTF-8\n"),
        run.out());
  }

  @Test
  void stdinThatIsNotUtf8StopsAtItsLineInsteadOfSendingReplacementCharacters() {
    ScriptRun run =
        ScriptRun.withStdin("socket s\nsend s \"\u00d6\"\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, run.status());
    assertTrue(run.out().contains("<stdin>:2: cannot read: not UTF-8 text"), run.out());
  }

  @Test
  void aNulInTheFileOfSaveOrOpenIsPythonsValueErrorNotAnInternalError() {
    ScriptRun run = ScriptRun.withStdin("/save a\0b\n/open a\0b\n", "--keep-going");
    assertEquals(
        "sockshell> /save a\\x00b\n"
            + "<stdin>:1: ValueError: embedded null byte\n"
            + "sockshell> /open a\\x00b\n"
            + "<stdin>:2: ValueError: embedded null byte\n",
        run.out().substring(0, run.out().indexOf("FAILED")));
  }

  @Test
  void openOfADirectoryIsAUsageError() throws IOException {
    ScriptRun run = ScriptRun.of(write("a.socks", "/open .\n"));
    assertEquals(1, run.status());
    assertTrue(run.out().contains("is a directory; /open takes a script file"), run.out());
  }

  @Test
  void aScriptThatOpensItselfStopsAtTwentyDeep() throws IOException {
    ScriptRun run = ScriptRun.of(write("self.socks", "/open self.socks\n"));
    assertEquals(1, run.status());
    assertTrue(
        run.out().contains("error: /open is 20 scripts deep; does self.socks open itself?"),
        run.out());
  }
}
