package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.testing.ScriptRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tutorial's Python, typed at the sockshell prompt, is answered with the command it means. */
class PythonHabitsTest {
  private static final CommandTable TABLE = CommandTable.standard();

  /** The tutorial's socket calls (its ports changed to {@code PORT}), and calls people type. */
  private static final List<String> PYTHON =
      List.of(
          "server = socket.socket(socket.AF_INET,socket.SOCK_STREAM)",
          "server.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)",
          "server.bind(('localhost',PORT))",
          "server.listen(5)",
          "client,addr = server.accept()",
          "data = client.recv(1024)",
          "client.send(b\"message received by server\")",
          "client.close()",
          "client = socket.socket(socket.AF_INET,socket.SOCK_STREAM)",
          "client.connect(('localhost',PORT))",
          "client.send(b\"hello from TCP client\")",
          "response = client.recv(1024)",
          "server = socket.socket(socket.AF_INET,socket.SOCK_DGRAM)",
          "data,addr = server.recvfrom(1024)",
          "server.sendto(b\"UDP ACK\",addr)",
          "client.sendto(b\"hello UDP\",('localhost',PORT))",
          "response,_ = client.recvfrom(1024)",
          "s.connect(...)",
          "cli.sendall(\"你好\".encode(\"gbk\"))",
          "cli.sendall('hello'.encode())",
          "cli.send(\"héllo\".encode('latin-1'))",
          "conn.recv(1024).decode()",
          "conn.recv(1024).decode('utf-8');",
          "s.settimeout(None)",
          "s.settimeout(2.5)",
          "s.setblocking(False)",
          "s.shutdown(socket.SHUT_WR)",
          "s = socket.socket(family=socket.AF_INET6)",
          "s.getsockname()",
          "conn.getpeername()");

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "server = socket.socket(socket.AF_INET,socket.SOCK_STREAM) ~ socket server socket.AF_INET"
            + " socket.SOCK_STREAM",
        "server.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1) ~ setsockopt server"
            + " socket.SOL_SOCKET socket.SO_REUSEADDR 1",
        "server.bind(('localhost',9999)) ~ bind server ('localhost',9999)",
        "server.listen(5) ~ listen server 5",
        "client,addr = server.accept() ~ accept server client",
        "data = client.recv(1024) ~ recv client 1024",
        "client.send(b\"message received by server\") ~ send client b\"message received by server\"",
        "client.sendto(b'hello UDP',('localhost',8888)) ~ sendto client b'hello UDP'"
            + " ('localhost',8888)",
        "s.send(b'a, \\'b\\'') ~ send s b'a, \\'b\\''",
        "client.close() ~ close client",
        "s = socket.socket(family=socket.AF_INET6) ~ socket s socket.AF_INET6",
        "cli.sendall(\"你好\".encode(\"gbk\")) ~ sendall cli b'\\xc4\\xe3\\xba\\xc3'",
        "cli.sendall('hi'.encode()) ~ sendall cli b'hi'",
        "conn.recv(1024).decode() ~ recv conn 1024 (/set display text shows received bytes decoded)",
        "s.settimeout(None) ~ settimeout s None",
      })
  void aCallOfTheSocketApiIsTheCommandItMeans(String python, String sockshell) {
    assertEquals(sockshell, answer(python));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "exit()",
        "s.makefile('rb')",
        "print(data.decode())",
        "bind s x:1",
        "server.sendto(b'UDP ACK',addr)",
        "s.connect(...)",
        "conn.recv(1024).hex()",
        "conn.send(data)",
        "cli.send('x'.encode('no-such-codec'))",
        "s.bind(('localhost', 0)",
      })
  void anythingElseIsNotTranslated(String line) {
    assertNull(answer(line));
  }

  /**
   * Every answer the habits can give runs as shown: each of the tutorial's calls above, and the
   * Python equivalent /help shows for every command's example. "Runs" means sockshell takes the
   * line; what the OS answers (ECONNREFUSED, EINVAL on a socket that is not listening) is the OS's.
   */
  @Test
  void everyAnswerRunsAsShown() throws IOException, UsageError {
    int closedPort = closedPort();
    Map<String, String> answers = new LinkedHashMap<>();
    List<String> python = new ArrayList<>();
    PYTHON.forEach(line -> python.add(line.replace("PORT", Integer.toString(closedPort))));
    for (CommandSpec<?> spec : TABLE.all()) {
      if (spec.isMeta() || spec.pythonOf(TABLE.parse(spec.example()).command()) == null) {
        continue;
      }
      Command example = TABLE.parse(spec.example()).command();
      // The examples' tutorial ports, 9999 and 8888, may be another test's server: not touched.
      python.add(spec.pythonOf(example).replaceAll("\\b(9999|8888)\\b", "" + closedPort));
    }
    for (String line : python) {
      String answer = answer(line);
      if (answer != null) {
        answers.put(line, answer);
      }
    }
    assertTrue(answers.size() >= 25, "too few answers to mean anything: " + answers);
    for (Map.Entry<String, String> e : answers.entrySet()) {
      String command = e.getValue().replace(PythonHabits.decodedNote(), "");
      StringBuilder script = new StringBuilder();
      String receiver = command.split(" ")[1];
      if (!command.startsWith("socket ")) {
        script.append("socket ").append(receiver).append('\n');
      }
      script.append(command).append('\n');
      if (e.getValue().endsWith(PythonHabits.decodedNote())) {
        script.append("/set display text\n");
      }
      ScriptRun run = ScriptRun.withStdin(script.toString(), "--keep-going", "--timeout", "0.2");
      assertFalse(
          USAGE_OR_INTERNAL_ERROR.matcher(run.out()).find(),
          e.getKey()
              + " was answered with "
              + e.getValue()
              + ", which does not run:\n"
              + run.out());
    }
  }

  private static final Pattern USAGE_OR_INTERNAL_ERROR =
      Pattern.compile("(?m)(^|: )(error|internal error): ");

  private static String answer(String python) {
    return PythonHabits.inSockshell(python, TABLE.names(), TABLE::parses);
  }

  /** A loopback port nothing listens on: bound by the OS, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
