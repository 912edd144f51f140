package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.Timeout;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The forms of select, sendfile, recvfile and SO_LINGER, and their Python equivalents. */
class SelectFilesAndLingerParsingTest {
  private final CommandTable table = CommandTable.standard();

  private Command parse(String line) throws UsageError {
    return table.parse(line).command();
  }

  private String python(String line) throws UsageError {
    CommandTable.Parsed p = table.parse(line);
    return p.spec().pythonOf(p.command());
  }

  @Test
  void selectTakesReadSocketsThenWriteSocketsAfterDashesThenATimeout() throws UsageError {
    assertEquals(
        new Command.Select(List.of("srv", "conn"), List.of("cli"), Timeout.seconds(0.5)),
        parse("select srv conn -- cli 0.5"));
    assertEquals(
        new Command.Select(List.of(), List.of("cli"), Timeout.BLOCKING), parse("select -- cli"));
    assertEquals(new Command.Select(List.of(), List.of(), Timeout.NON_BLOCKING), parse("select 0"));
    assertEquals(
        new Command.Select(List.of("a"), List.of(), Timeout.BLOCKING), parse("select a none"));
    assertEquals(
        "r, w, x = select.select([srv, conn], [cli], [], 0.5)",
        python("select srv conn -- cli 0.5"));
    assertEquals("r, w, x = select.select([], [], [])", python("select"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " ~ ",
      quoteCharacter = '`',
      value = {
        "select a -- b -- c ~ '--' given twice; WRITE sockets follow the only '--' ~ 14",
        "select a 1 b ~ the TIMEOUT comes last, after the socket names ~ 11",
        "select a -1 ~ TIMEOUT must be 0 or more, got -1 ~ 9",
        "select AF_INET ~ 'AF_INET' is a constant, not a socket name ~ 7",
        "sendfile c f.bin 0 0 ~ COUNT must be 1 or more, got 0 ~ 19",
        "sendfile c f.bin -1 ~ OFFSET must be 0 or more, got -1 ~ 17",
        "recvfile c out.bin many ~ COUNT must be a whole number, got 'many' ~ 19",
        "setsockopt s SO_LINGER 1 ~ missing SECONDS after ONOFF (SO_LINGER takes two numbers, e.g. 1"
            + " 0) ~ 24",
        "setsockopt s SO_LINGER (1, 0, 2) ~ SO_LINGER takes (ONOFF, SECONDS), e.g. (1, 0) ~ 23",
        "setsockopt s SO_LINGER 1 70000 ~ the JVM cannot set SO_LINGER beyond 65535 seconds (Linux would take 70000) ~ 25",
      })
  void malformedLinesSayWhatAndWhere(String line, String message, int column) {
    UsageError e = assertThrows(UsageError.class, () -> parse(line));
    assertEquals(message, e.getMessage());
    assertEquals(column, e.column());
  }

  @Test
  void sendfileAndRecvfileTakeAPathAndOptionalCounts() throws UsageError {
    assertEquals(new Command.SendFile("c", "big.bin", 0, null), parse("sendfile c big.bin"));
    assertEquals(
        new Command.SendFile("c", "my file.bin", 100, 50L),
        parse("sendfile c 'my file.bin' 100 50"));
    assertEquals(new Command.RecvFile("c", "out.bin", 4096L), parse("recvfile c out.bin 4096"));
    assertEquals("c.sendfile(open('big.bin', 'rb'), 100, 50)", python("sendfile c big.bin 100 50"));
    assertEquals("c.sendfile(open('big.bin', 'rb'))", python("sendfile c big.bin"));
    assertEquals(
        "with open('out.bin', 'wb') as f: shutil.copyfileobj(c.makefile('rb'), f)",
        python("recvfile c out.bin"));
  }

  @Test
  void lingerTakesTwoNumbersOrAPairAndShowsPythonsStruct() throws UsageError {
    Command expected =
        new Command.SetSockOpt("s", SockOpt.SO_LINGER, new OptionValue.Linger(true, 0));
    assertEquals(expected, parse("setsockopt s SO_LINGER 1 0"));
    assertEquals(expected, parse("setsockopt s SOL_SOCKET SO_LINGER (1, 0)"));
    assertEquals(
        "s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))",
        python("setsockopt s SO_LINGER 1 0"));
    assertEquals(
        "struct.unpack('ii', s.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))",
        python("getsockopt s SO_LINGER"));
  }

  @Test
  void aBareWordThatCannotBeASocketNameIsAnAfUnixPath() throws UsageError {
    Command.Bind bind = (Command.Bind) parse("bind s demo.sock");
    assertEquals(new AddrExpr.Path("demo.sock", "demo.sock"), bind.address());
    Command.Bind named = (Command.Bind) parse("bind s srv");
    assertEquals(new AddrExpr.SocketName("srv", "srv"), named.address());
  }
}
