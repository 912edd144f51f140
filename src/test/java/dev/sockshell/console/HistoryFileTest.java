package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jline.utils.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history file: kept across runs, and a file that is not one is never touched. */
class HistoryFileTest {
  private static final String CTRL_D = "\u0004";

  /** Up, as a terminal in JLine's keypad mode sends it (xterm's kcuu1). */
  private static final String UP = "\u001bOA";

  @TempDir Path dir;

  @Test
  void aFileThatIsNotAHistoryFileIsLeftAsItIsAndTheRunSavesNoHistory() throws Exception {
    String notes = "my notes\nline two: not history either\n";
    Path file = Files.writeString(dir.resolve("notes.txt"), notes);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler jlineLog = collect(logged);
    Logger.getLogger("org.jline").addHandler(jlineLog);
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ConsoleRun console = ConsoleRun.start(t, dir, file);
      t.await("sockshell> ");
      t.type("socket s\r");
      t.await("s ==> socket");
      t.type("gettimeout s\r");
      t.await("$1 ==> None");
      t.await("sockshell> ", t.shown().indexOf("$1 ==> None"));
      t.type(UP + "\r");
      t.await("$2 ==> None"); // this run's history still works, in memory
      t.type(CTRL_D);
      console.awaitEnd();
      String told = "|  history: " + file + " is not a sockshell history file; it is left as it is";
      String shown = t.shown();
      assertTrue(shown.contains(told), shown);
      assertEquals(shown.indexOf(told), shown.lastIndexOf(told), "told once: " + shown);
      assertTrue(shown.indexOf(told) < shown.indexOf("sockshell> "), "told before the prompt");
    } finally {
      Logger.getLogger("org.jline").removeHandler(jlineLog);
    }
    assertEquals(notes, Files.readString(file));
    assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(), logged, "JLine had something to say");
  }

  @Test
  void aHistoryFileWrittenByOneRunIsRecalledByTheNext() throws Exception {
    Path history = dir.resolve("history");
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ConsoleRun console = ConsoleRun.start(t, dir, history);
      t.type("socket remembered\r");
      t.await("remembered ==> socket");
      t.type(CTRL_D);
      console.awaitEnd();
    }
    String saved = Files.readString(history);
    assertTrue(History.isHistoryFile(history), saved);
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      ConsoleRun console = ConsoleRun.start(t, dir, history);
      t.await("sockshell> ");
      t.type(UP + "\r");
      t.await("remembered ==> socket");
      t.type(CTRL_D);
      console.awaitEnd();
      assertTrue(!t.shown().contains("history:"), t::shown);
    }
  }

  @Test
  void jLinesLogRecordsNeverReachTheDefaultHandlerThatPrintsToStderr() throws Exception {
    Class.forName(Console.class.getName(), true, Console.class.getClassLoader());
    List<String> printed = new CopyOnWriteArrayList<>();
    Handler root = collect(printed);
    Logger.getLogger("").addHandler(root);
    try {
      Log.warn("History file contained errors, rewriting with valid entries");
      Log.info("anything else JLine may say");
    } finally {
      Logger.getLogger("").removeHandler(root);
    }
    assertEquals(List.of(), printed);
  }

  private static Handler collect(List<String> messages) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
