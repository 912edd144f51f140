package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tutorial's Python, typed at the sockshell prompt, is answered with the command it means. */
class PythonHabitsTest {
  private static final Set<String> COMMANDS = Set.copyOf(CommandTable.standard().names());

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
      })
  void aCallOfTheSocketApiIsTheCommandItMeans(String python, String sockshell) {
    assertEquals(sockshell, PythonHabits.inSockshell(python, COMMANDS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"exit()", "s.makefile('rb')", "print(data.decode())", "bind s x:1"})
  void anythingElseIsNotTranslated(String line) {
    assertNull(PythonHabits.inSockshell(line, COMMANDS));
  }
}
