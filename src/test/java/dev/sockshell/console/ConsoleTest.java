package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.net.NetSocket;
import dev.sockshell.net.Session;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SocketState;
import dev.sockshell.repl.Shell;
import dev.sockshell.testing.WaitLatch;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console on a terminal: keys go through JLine's line discipline as on a tty, so Ctrl-C (0x03)
 * raises SIGINT and Ctrl-D (0x04) ends input.
 */
class ConsoleTest {
  private static final String CTRL_C = "\u0003";
  private static final String CTRL_D = "\u0004";

  @TempDir Path dir;

  @Test
  void ctrlCAtAnEmptyPromptSaysHowToLeaveAndDoesNotQuit() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Thread console = start(t, shell(t, session), new AtomicInteger());
      t.await("sockshell> ");
      t.type(CTRL_C);
      t.await("type /exit or press Ctrl-D to leave");
      t.type("socket s\r");
      t.await("s ==> socket(AF_INET, SOCK_STREAM)");
      assertTrue(console.isAlive(), "Ctrl-C at the prompt must not end the console");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive(), "Ctrl-D must end the console");
    }
  }

  @Test
  void ctrlDClosesEverySocketAndExitsZero() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      AtomicInteger status = new AtomicInteger(-1);
      Thread console = start(t, shell(t, session), status);
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\rsocket u SOCK_DGRAM\r");
      t.await("u ==> socket(AF_INET, SOCK_DGRAM)");
      NetSocket srv = session.find("srv").orElseThrow();
      NetSocket u = session.find("u").orElseThrow();
      int port = ((SockAddress.Inet) srv.localAddress()).port();

      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive(), "Ctrl-D must end the console");
      assertEquals(0, status.get());
      assertTrue(t.shown().contains("|  closing srv, u"), t::shown);
      assertEquals(SocketState.CLOSED, srv.state());
      assertEquals(SocketState.CLOSED, u.state());
      // The OS agrees: nothing listens on the port any more.
      try (Socket probe = new Socket()) {
        assertThrows(
            ConnectException.class,
            () -> probe.connect(new InetSocketAddress("127.0.0.1", port), 5_000));
      }
    }
  }

  @Test
  void ctrlCDuringABlockingCallCancelsOnlyThatCallOnACleanLine() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Shell shell = shell(t, session);
      WaitLatch waiting = new WaitLatch();
      shell.setWaitListener(waiting);
      Thread console = start(t, shell, new AtomicInteger());
      t.type("socket srv\rbind srv 127.0.0.1:0\rlisten srv\raccept srv\r");
      assertTrue(waiting.await(), "accept never started waiting");
      t.type(CTRL_C);
      t.await("KeyboardInterrupt: accept on srv cancelled");
      assertTrue(
          t.shown().contains("\nKeyboardInterrupt: accept on srv cancelled"),
          "the error starts its own line: " + t.shown());

      // Only the call was cancelled: the console goes on and srv still listens.
      t.type("getsockname srv\r");
      t.await("$1 ==> ('127.0.0.1', ");
      assertEquals(SocketState.LISTENING, session.find("srv").orElseThrow().state());
      assertTrue(console.isAlive());
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void tabCompletesACommandAndASocketNameInTheLineReader() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Thread console = start(t, shell(t, session), new AtomicInteger());
      t.type("socket server1\r");
      t.await("server1 ==> socket");
      t.type("getsockn\tser\t\r");
      t.await("$1 ==> ('0.0.0.0', 0)");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void ctrlRShowsWhatItSearchesForAndFindsAnEarlierLine() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.type("socket srv\rgetsockname srv\r");
      t.await("$1 ==> ('0.0.0.0', 0)");
      int before = t.shown().length();
      // Ctrl-R: JLine draws its search line under the prompt (then edits it in place).
      t.type("\u0012");
      t.await("bck-i-search: _", before);
      t.type("sock");
      t.type("\r");
      t.await("$2 ==> ('0.0.0.0', 0)", before);
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aHistoryFileThatCannotBeWrittenIsToldOnceInOneLineAndTheConsoleGoesOn() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
    Path history = notADirectory.resolve("history");
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler jlineLog =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jline = Logger.getLogger("org.jline");
    jline.addHandler(jlineLog);
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger(), history);
      t.type("socket s\r");
      t.await("s ==> socket");
      t.type("close s\r");
      t.await("s closed");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
      String shown = t.shown();
      String told = "|  history: commands are not kept for the next run: cannot write " + history;
      assertTrue(shown.contains(told), shown);
      assertEquals(shown.indexOf(told), shown.lastIndexOf(told), "told once: " + shown);
    } finally {
      jline.removeHandler(jlineLog);
    }
    assertEquals(
        List.of(), logged.stream().map(LogRecord::getMessage).toList(), "JLine's warnings");
  }

  @Test
  void aHistoryFileThatIsADirectoryCostsTheHistoryNotTheConsole() throws Exception {
    Path history = Files.createDirectories(dir.resolve("history-dir"));
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger(), history);
      t.type("socket s\r");
      t.await("s ==> socket");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
      assertTrue(
          t.shown()
              .contains("|  history: earlier commands are not available: cannot read " + history),
          t::shown);
    }
  }

  @Test
  void aCtrlCFromBeforeALineWasTypedDoesNotCancelItsCommand() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Shell shell = shell(t, new Session());
      Thread console = start(t, shell, new AtomicInteger());
      t.await("sockshell> ");
      // A SIGINT that came before the prompt took the keyboard (it is a key after that).
      shell.interrupt();
      t.type("sleep 0.001\r");
      t.await("slept");
      assertFalse(t.shown().contains("KeyboardInterrupt"), t::shown);
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aSigintJLineLeftAsTheThreadsInterruptCancelsTheCommandAndClearsTheInterrupt()
      throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      AtomicInteger cancels = new AtomicInteger();
      CtrlC ctrlC = CtrlC.install(t.terminal, cancels::incrementAndGet);
      try {
        Thread.currentThread().interrupt();
        ctrlC.takeFromLineReader();
        assertFalse(Thread.interrupted(), "an interrupted thread would spin in every select");
        assertEquals(1, cancels.get());
        ctrlC.takeFromLineReader();
        assertEquals(1, cancels.get(), "no interrupt, nothing to cancel");
      } finally {
        ctrlC.uninstall();
      }
    }
  }

  @Test
  void ctrlBackslashDoesNotMakeTheJvmDumpItsThreadsOverTheConsole() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      AtomicInteger quits = new AtomicInteger();
      t.terminal.handle(Terminal.Signal.QUIT, signal -> quits.incrementAndGet());
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.await("sockshell> ");
      t.type("\u001csocket s\r"); // Ctrl-\, then a command to know the key was taken
      t.await("s ==> socket(AF_INET, SOCK_STREAM)");
      assertEquals(0, quits.get(), "Ctrl-\\ raised SIGQUIT");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void linesTypedAheadRunOneByOne() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.await("sockshell> ");
      t.type("socket a\rsocket b\rclose a\r"); // a paste in a terminal without bracketed paste
      t.await("a closed");
      assertTrue(t.shown().contains("b ==> socket(AF_INET, SOCK_STREAM)"), t::shown);
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aBracketedPasteOfSeveralLinesRunsThemOneByOneAsTyped() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.await("sockshell> ");
      assertTrue(t.shown().contains("\u001b[?2004h"), "bracketed paste was not switched on");
      // JLine alone would make them one multi-line "command" that fails as a whole. The last line
      // has no line break: it waits to be finished, as typed.
      t.type("\u001b[200~socket a\rsocket b\nclose a\r\nclose\u001b[201~");
      t.await("a closed");
      assertTrue(t.shown().contains("b ==> socket(AF_INET, SOCK_STREAM)"), t::shown);
      assertFalse(t.shown().contains("b closed"), t::shown);
      t.type(" b\r");
      t.await("b closed");
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aBracketedPasteOfAPythonFunctionWithABlankLineInsideRunsWhole() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.await("sockshell> ");
      // Typed, the blank line would end the block; pasted, the lines after it are the paste's.
      t.type(
          "\u001b[200~def f():\r    x = 1\r\r    return x + 1\r\rprint('got', f())\r\u001b[201~");
      t.await("got 2");
      assertFalse(t.shown().contains("Error"), t::shown);
      t.type(CTRL_D);
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aResizeRedrawsTheLineFromTheRowItNowStartsOn() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      t.terminal.setSize(new Size(80, 24));
      Thread console = start(t, shell(t, new Session()), new AtomicInteger());
      t.await("sockshell> "); // typed before the prompt, keys would be echoed by the tty
      t.type("send cli \"a line long enough to wrap at forty\"");
      t.await("forty\"");
      int before = t.shown().length();

      // A terminal that reflows puts "sockshell> " + 29 characters on the first row of 40 and
      // the cursor on the second: go up one row, clear below, and draw the line again.
      t.terminal.setSize(new Size(40, 24));
      t.terminal.raise(Terminal.Signal.WINCH);
      t.await("forty\"", before);
      String redraw = t.shown().substring(before);
      String up = Curses.tputs(t.terminal.getStringCapability(Capability.parm_up_cursor), 1);
      String save = Curses.tputs(t.terminal.getStringCapability(Capability.save_cursor));
      String clearRow = Curses.tputs(t.terminal.getStringCapability(Capability.clr_eol));
      int cleared = redraw.indexOf("\r" + up + save + clearRow);
      assertTrue(cleared >= 0 && cleared < redraw.indexOf("sockshell> "), redraw);
      // Row by row, never clr_eos: from the top row tmux would keep what it erases in its
      // scrollback, and widening the window later would bring that copy of the line back.
      String clearBelow = Curses.tputs(t.terminal.getStringCapability(Capability.clr_eos));
      assertFalse(redraw.contains(clearBelow), redraw);

      t.type("\u0015" + CTRL_D); // Ctrl-U clears the line, Ctrl-D leaves
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive());
    }
  }

  @Test
  void aTerminalThatGoesAwayEndsTheConsoleQuietlyAndClosesTheSockets() throws Exception {
    try (TestTerminal t = new TestTerminal("xterm-256color")) {
      Session session = new Session();
      Thread console = start(t, shell(t, session), new AtomicInteger());
      t.type("socket s\r");
      t.await("s ==> socket");
      t.vanish();
      console.join(TimeUnit.SECONDS.toMillis(10));
      assertFalse(console.isAlive(), "the console must end when its terminal is gone");
      t.await("cannot read: the terminal went away");
      assertTrue(
          session.find("s").map(s -> s.state() == SocketState.CLOSED).orElse(true),
          "every socket is closed when the console ends");
    }
  }

  private Shell shell(TestTerminal t, Session session) {
    return new Shell(session, new TerminalOutput(t.terminal, false), dir);
  }

  /** Runs the console in its own thread, as Main would on the system terminal. */
  private static Thread start(TestTerminal t, Shell shell, AtomicInteger status) {
    return start(t, shell, status, null);
  }

  /** The same, keeping history in {@code history} (null: in memory only). */
  private static Thread start(TestTerminal t, Shell shell, AtomicInteger status, Path history) {
    Thread thread =
        new Thread(
            () ->
                status.set(
                    Console.run(
                        t.terminal, shell, new TerminalOutput(t.terminal, false), false, history)),
            "console");
    thread.start();
    return thread;
  }
}
