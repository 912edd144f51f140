package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.net.Waiter;
import dev.sockshell.testing.LoopbackPeer;
import dev.sockshell.testing.ShellRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sticky-packet fixes against a real loopback peer (a JDK socket) that writes many small
 * messages in odd chunk sizes, so messages are both split across and merged within TCP segments:
 * every framed recv must return exactly one message, in order, and nothing may be lost when a wait
 * ends early (timeout, Ctrl-C, EOF).
 */
class FramingTest {
  private static final int MESSAGES = 150;
  private static final int[] CHUNKS = {1, 2, 3, 5, 7, 11, 13, 64, 1, 200, 4, 9};

  /** The three fixes of the tutorial, each with how the peer frames a message. */
  enum Fix {
    EXACT("--exact 12", m -> m),
    UNTIL("--until \"\\n\"", m -> m.concat(ByteString.utf8("\n"))),
    LEN32("--frame len32", Framing::frame);

    final String option;
    final Function<ByteString, ByteString> framed;

    Fix(String option, Function<ByteString, ByteString> framed) {
      this.option = option;
      this.framed = framed;
    }

    /** Message i: fixed 12 bytes for --exact, of varying length (0 to 40) otherwise. */
    ByteString message(int i) {
      String text = this == EXACT ? String.format("msg-%08d", i) : "m" + i + "-".repeat(i % 41);
      return ByteString.utf8(this == LEN32 && i % 17 == 0 ? "" : text);
    }

    /** What recv returns for message i: the --until line keeps its delimiter. */
    ByteString returned(int i) {
      return this == UNTIL ? framed.apply(message(i)) : message(i);
    }
  }

  private static byte[] stream(Fix fix) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < MESSAGES; i++) {
      byte[] frame = fix.framed.apply(fix.message(i)).toByteArray();
      all.write(frame, 0, frame.length);
    }
    return all.toByteArray();
  }

  private static String recvLines(Fix fix, int n) {
    return ("recv c " + fix.option + "\n").repeat(n);
  }

  /** The values the session printed, in order ({@code $N ==> b'...'}). */
  private static List<String> values(String out) {
    List<String> values = new ArrayList<>();
    out.lines()
        .filter(l -> l.matches("\\$\\d+ ==> .*"))
        .forEach(l -> values.add(l.substring(l.indexOf("==> ") + 4)));
    return values;
  }

  @ParameterizedTest
  @EnumSource(Fix.class)
  void everyRecvReturnsOneMessageWhenThePeerWritesInOddChunks(Fix fix) throws Exception {
    byte[] stream = stream(fix);
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.setTcpNoDelay(true);
      // The peer writes a chunk only while the shell waits in recv, so every chunk arrives on
      // its own: a message is split across chunks, and one chunk holds the end of one message
      // and the start of others.
      Semaphore shellWaiting = new Semaphore(0);
      shell.shell().setWaitListener(listener(shellWaiting::release, () -> {}));
      CompletableFuture<Integer> writer =
          CompletableFuture.supplyAsync(() -> writeInChunks(s, stream, shellWaiting));
      shell.run(recvLines(fix, MESSAGES));

      assertEquals(chunks(stream.length), writer.get(30, TimeUnit.SECONDS));
      List<String> got = values(shell.out());
      assertEquals(MESSAGES, got.size(), shell.out());
      for (int i = 0; i < MESSAGES; i++) {
        assertEquals(fix.returned(i).toString(), got.get(i), "message " + i);
      }
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  private static int writeInChunks(Socket s, byte[] stream, Semaphore shellWaiting) {
    try {
      OutputStream out = s.getOutputStream();
      int written = 0;
      int chunks = 0;
      while (written < stream.length) {
        if (!shellWaiting.tryAcquire(10, TimeUnit.SECONDS)) {
          throw new AssertionError("sockshell stopped waiting for data after " + written);
        }
        int n = Math.min(CHUNKS[chunks % CHUNKS.length], stream.length - written);
        out.write(stream, written, n);
        out.flush();
        written += n;
        chunks++;
      }
      return chunks;
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static int chunks(int length) {
    int chunks = 0;
    for (int written = 0; written < length; chunks++) {
      written += CHUNKS[chunks % CHUNKS.length];
    }
    return chunks;
  }

  @ParameterizedTest
  @EnumSource(Fix.class)
  void messagesMergedInOneWriteComeOutOneByOneAndTheRestStaysWaiting(Fix fix) throws Exception {
    byte[] stream = stream(fix);
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.getOutputStream().write(stream);
      s.close();
      shell.run(recvLines(fix, 1) + "/list\n" + recvLines(fix, MESSAGES - 1) + "recv c\n");
      List<String> got = values(shell.out());
      for (int i = 0; i < MESSAGES; i++) {
        assertEquals(fix.returned(i).toString(), got.get(i), "message " + i);
      }
      // After the first message, /list counts every other byte as waiting: none was lost.
      int rest = stream.length - fix.framed.apply(fix.message(0)).size();
      assertTrue(
          shell
              .out()
              .lines()
              .anyMatch(l -> l.startsWith("c ") && l.contains(" " + rest + " bytes")),
          shell.out());
      assertEquals("b''", got.get(MESSAGES), "then EOF");
    }
  }

  @Test
  void aTimeoutInsideAFrameKeepsItsBytesAndTheSameCommandFinishesIt() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\nsettimeout c 0.1\n");
      Socket s = peer.nextConnection();
      byte[] frame = Framing.frame(ByteString.utf8("hello, world")).toByteArray();
      s.getOutputStream().write(frame, 0, 7); // the header and "hel"
      shell.run("recv c --frame len32\nexpect timeout\n");
      assertTrue(shell.out().contains("hint: 7 bytes of the message had arrived"), shell.out());
      s.getOutputStream().write(frame, 7, frame.length - 7);
      shell.run("recv c --frame len32\nexpect b'hello, world'\n");
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  @Test
  void ctrlCInsideAMessageKeepsItsBytes() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.getOutputStream().write("GET / HT".getBytes(StandardCharsets.UTF_8));
      // Ctrl-C as soon as the recv has taken the 8 bytes and waits for the rest of the line.
      shell.shell().setWaitListener(listener(shell.shell()::interrupt, () -> {}));
      shell.run("recv c --until \"\\r\\n\"\nexpect error KeyboardInterrupt\n");
      shell.shell().setWaitListener(null);
      s.getOutputStream().write("TP/1.0\r\n".getBytes(StandardCharsets.UTF_8));
      shell.run("recv c --until \"\\r\\n\"\nexpect b'GET / HTTP/1.0\\r\\n'\n");
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  @Test
  void eofInsideAFrameRaisesEofErrorAndThePartialBytesStayReadable() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.getOutputStream().write(new byte[] {0, 0, 0, 10, 'a', 'b', 'c'});
      s.close();
      shell.run(
          "recv c --frame len32\n"
              + "expect error EOFError\n"
              + "recv c\n"
              + "expect b'\\x00\\x00\\x00\\nabc'\n"
              + "recv c --frame len32\n"
              + "expect eof\n");
      assertTrue(
          shell
              .out()
              .contains(
                  "EOFError: the peer closed the stream after 7 of the frame's 14 bytes"
                      + " (4-byte header + 10)"),
          shell.out());
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  @Test
  void exactAndUntilReturnWhatCameBeforeEof() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.getOutputStream().write("line\nrest".getBytes(StandardCharsets.UTF_8));
      s.close();
      shell.run(
          "recv c --until \"\\n\"\n"
              + "expect b'line\\n'\n"
              + "recv c --exact 10\n"
              + "expect b'rest'\n"
              + "expect eof\n"
              + "recv c --until \"\\n\"\n"
              + "expect b''\n"
              + "expect eof\n");
      assertTrue(shell.out().contains("|  EOF after 4 of 10 bytes: the peer closed"), shell.out());
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  @Test
  void aHeaderAnnouncingMoreThanTheLimitIsRefusedWithoutConsumingIt() throws Exception {
    try (LoopbackPeer peer = new LoopbackPeer();
        ShellRun shell = new ShellRun()) {
      shell.run("socket c\nconnect c " + peer.address() + "\n");
      Socket s = peer.nextConnection();
      s.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
      shell.run("recv c --frame len32\nexpect error ValueError\nrecv c\nexpect b'hello'\n");
      assertTrue(
          shell
              .out()
              .contains(
                  "ValueError: the frame header b'hell' announces 1751477356 bytes, more than"
                      + " the limit of 16777216"),
          shell.out());
      assertTrue(!shell.shell().failed(), shell.out());
    }
  }

  private static Waiter.Listener listener(Runnable onWaiting, Runnable onDone) {
    return new Waiter.Listener() {
      @Override
      public void waiting(String what) {
        onWaiting.run();
      }

      @Override
      public void doneWaiting() {
        onDone.run();
      }
    };
  }
}
