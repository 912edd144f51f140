package dev.sockshell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.commands.CommandSpec;
import dev.sockshell.commands.CommandTable;
import dev.sockshell.net.SockAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tab at each position: the candidates the completer offers for the word at the cursor (marked
 * {@code |}, else the end of the line), kept as JLine keeps them (by what is typed), in the order
 * offered (JLine sorts them for the menu).
 */
class CompletionTest {
  @TempDir Path dir;
  private TestSession session;

  @BeforeEach
  void setUp() {
    session = new TestSession(dir);
  }

  @AfterEach
  void tearDown() {
    session.close();
  }

  @Test
  void anEmptyLineOffersEveryCommandInHelpOrderWithItsSyntaxAndSummary() {
    List<Candidate> all = candidates("");
    CommandTable table = CommandTable.standard();
    assertEquals(table.names(), values(all));
    Candidate bind = find(all, "bind");
    assertEquals("bind NAME ADDR", bind.displ());
    assertEquals(table.find("bind").map(CommandSpec::summary).orElseThrow(), bind.descr());
  }

  @Test
  void aPrefixOffersTheCommandsStartingWithIt() {
    assertEquals(List.of("send", "sendall", "sendto", "sendfile"), values(candidates("sen")));
    assertEquals(
        List.of(
            "/rules",
            "/help",
            "/list",
            "/set",
            "/history",
            "/!",
            "/N",
            "/-N",
            "/save",
            "/diagram",
            "/export",
            "/continue",
            "/break",
            "/open",
            "/reset",
            "/exit"),
        values(candidates("/")));
  }

  @Test
  void setOffersItsKeysThenOnlyTheValuesOfTheKeyTyped() {
    assertEquals(
        List.of("feedback", "display", "truncation", "encoding", "events", "timing", "lang"),
        values(candidates("/set ")));
    assertEquals(List.of("en", "zh"), values(candidates("/set lang ")));
    assertEquals(
        List.of("verbose", "normal", "concise", "silent"), values(candidates("/set feedback ")));
    assertEquals(List.of("repr", "text", "hex"), values(candidates("/set display ")));
    assertEquals(List.of("on", "counts", "off"), values(candidates("/set events ")));
    Candidate gbk = find(candidates("/set encoding "), "gbk");
    assertEquals("Simplified Chinese, as Chinese Windows uses it; also cp936", gbk.descr());
  }

  @Test
  void socketPositionsOfferTheOpenSocketsWithTheirStateAndAddress() {
    session.run("socket srv", "bind srv 127.0.0.1:0", "listen srv", "socket cli", "socket old");
    session.run("close old");
    String port = port("srv");
    Map<String, String> offered = described(candidates("recv "));
    assertEquals(List.of("srv", "cli"), List.copyOf(offered.keySet()));
    assertEquals("TCP listening on 127.0.0.1:" + port, offered.get("srv"));
    assertEquals("TCP, not bound yet", offered.get("cli"));
    assertEquals(List.of("srv"), values(candidates("close s")));
  }

  @Test
  void socketNamesFollowTheSessionAsSocketsAreAcceptedAndClosed() {
    session.run("socket srv", "bind srv 127.0.0.1:0", "listen srv");
    assertEquals(List.of("srv"), values(candidates("send ")));
    session.run("socket cli", "connect cli srv", "accept srv conn");
    assertEquals(List.of("srv", "cli", "conn"), values(candidates("send ")));
    assertEquals(
        "TCP connected to 127.0.0.1:" + port("cli"), described(candidates("send co")).get("conn"));
    session.run("close cli");
    assertEquals(List.of("srv", "conn"), values(candidates("send ")));
  }

  @Test
  void theFamilyOrTypeOfANewSocketOffersBothUntilOneIsGiven() {
    assertEquals(
        List.of("AF_UNIX", "AF_INET", "AF_INET6", "SOCK_STREAM", "SOCK_DGRAM"),
        values(candidates("socket s ")));
    assertEquals(List.of("SOCK_STREAM", "SOCK_DGRAM"), values(candidates("socket s AF_INET ")));
    assertEquals(List.of(), values(candidates("socket s SOCK_DGRAM ")));
    assertEquals(
        "IPv6: addresses such as ::1", described(candidates("socket s AF_")).get("AF_INET6"));
  }

  @Test
  void constantsComeFromTheSpecWithWhatEachMeans() {
    session.run("socket cli");
    Map<String, String> hows = described(candidates("shutdown cli "));
    assertEquals(List.of("SHUT_RD", "SHUT_WR", "SHUT_RDWR"), List.copyOf(hows.keySet()));
    assertEquals("stop sending: the peer reads EOF (b'')", hows.get("SHUT_WR"));
    assertEquals(List.of("True", "False"), values(candidates("setblocking cli ")));
  }

  @Test
  void anOptionMayFollowItsLevelOrStandAlone() {
    session.run("socket srv");
    List<String> first = values(candidates("setsockopt srv "));
    assertTrue(
        first.containsAll(List.of("SOL_SOCKET", "IPPROTO_TCP", "SO_REUSEADDR")), first::toString);
    assertEquals(List.of("TCP_NODELAY"), values(candidates("setsockopt srv IPPROTO_TCP ")));
    List<String> socketLevel = values(candidates("getsockopt srv SOL_SOCKET "));
    assertTrue(socketLevel.contains("SO_REUSEADDR"), socketLevel::toString);
    assertFalse(socketLevel.contains("TCP_NODELAY"), socketLevel::toString);
    assertEquals(List.of(), values(candidates("setsockopt srv SO_REUSEADDR ")));
  }

  @Test
  void anOptionsValueIsOfferedWhereTheBinderWantsIt() {
    assertEquals(List.of("len32"), values(candidates("send cli --frame ")));
    assertEquals(List.of("len32"), values(candidates("recv cli --frame ")));
    assertEquals(List.of("TLSv1.2", "TLSv1.3"), values(candidates("tls cli --version ")));
    assertEquals(List.of("send", "close", "reset"), values(candidates("on srv connect ")));
  }

  @Test
  void expectOffersEachFormThenAfterErrorEveryPythonClassAndErrnoSymbol() {
    assertTrue(
        values(candidates("expect "))
            .containsAll(List.of("error", "timeout", "eof", "contains", "matches")));
    assertEquals(List.of("ECONNRESET", "ECONNREFUSED"), values(candidates("expect error ECONNRE")));
    Map<String, String> classes = described(candidates("expect error ConnectionRe"));
    assertEquals(
        List.of("ConnectionRefusedError", "ConnectionResetError"), List.copyOf(classes.keySet()));
    assertEquals(
        "nothing listens at that address; errno ECONNREFUSED",
        classes.get("ConnectionRefusedError"));
  }

  @Test
  void helpOffersTheCommandsAndTheTopics() {
    List<String> offered = values(candidates("/help "));
    assertTrue(
        offered.containsAll(List.of("bind", "/open", "addr", "data", "constants")),
        offered::toString);
    assertEquals(List.of("data"), values(candidates("/help da")));
  }

  @Test
  void pathsCompleteForOpenAndForAtFileData() throws IOException {
    Files.writeString(dir.resolve("demo.socks"), "socket s\n");
    Files.write(dir.resolve("payload.bin"), new byte[] {1, 2, 3});
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(dir.resolve("scripts/one.socks"), "");
    Files.writeString(dir.resolve(".hidden"), "");
    session.run("socket cli");

    assertEquals(List.of("demo.socks"), values(candidates("/open de")));
    Candidate folder = find(candidates("/open sc"), "scripts/");
    assertFalse(folder.complete(), "a directory completes without a space, so Tab can go on");
    assertEquals(List.of("scripts/one.socks"), values(candidates("/open scripts/")));
    Map<String, String> data = described(candidates("send cli @pay"));
    assertEquals(Map.of("@payload.bin", "3 bytes"), data);
    assertFalse(values(candidates("/open ")).contains(".hidden"));
  }

  @Test
  void aNameWithASpaceIsInsertedInTheQuotesEveryPathArgumentTakes() throws IOException {
    Files.createDirectories(dir.resolve("my dir"));
    Files.write(dir.resolve("my dir/big file.bin"), new byte[] {1});
    Files.write(dir.resolve("plain.bin"), new byte[] {1});
    session.run("socket cli");

    // A directory's quote stays open, so that Tab goes on into it.
    assertEquals("\"my dir/", inserted("sendfile cli my", "my dir/"));
    assertEquals(
        "\"my dir/big file.bin\"", inserted("sendfile cli \"my dir/b", "my dir/big file.bin"));
    assertEquals("@\"my dir/", inserted("send cli @my", "@my dir/"));
    assertEquals("\"my dir/big file.bin\"", inserted("/open \"my dir/", "my dir/big file.bin"));
    assertEquals("plain.bin", inserted("sendfile cli pl", "plain.bin"));
    assertEquals("\"plain.bin\"", inserted("sendfile cli \"pl", "plain.bin"), "the user's quote");
  }

  @Test
  void addressesOfferBoundSocketsHostsAndKeptAddresses() {
    session.run("socket srv", "bind srv 127.0.0.1:0", "socket cli", "getsockname srv");
    Map<String, String> offered = described(candidates("connect cli "));
    assertEquals("the address of srv: 127.0.0.1:" + port("srv"), offered.get("srv"));
    assertFalse(offered.containsKey("cli"), "an unbound socket has no address to connect to");
    assertTrue(offered.containsKey("localhost:"), offered::toString);
    assertEquals(
        "('127.0.0.1', " + port("srv") + ")", described(candidates("connect cli $")).get("$1"));
  }

  @Test
  void theHostsOfferedAreThoseOfTheSocketsFamilyAndEveryInterfaceOnlyForBind() {
    session.run("socket c4", "socket c6 AF_INET6", "socket s6 AF_INET6", "bind s6 [::1]:0");
    assertEquals(
        List.of("localhost:", "127.0.0.1:", "*:"),
        values(candidates("bind c4 ")).stream().filter(v -> v.endsWith(":")).toList());
    assertEquals(List.of("localhost:", "127.0.0.1:"), hosts(candidates("connect c4 ")));
    assertFalse(values(candidates("connect c4 ")).contains("s6"), "an IPv6 address for AF_INET");
    assertEquals(List.of("[::1]:"), hosts(candidates("sendto c6 x ")));
    assertTrue(values(candidates("connect c6 ")).contains("s6"));
    assertEquals(List.of("[::1]:", "*:"), hosts(candidates("bind c6 ")));
  }

  @Test
  void anAfUnixAddressCompletesAsAFilePath() throws IOException {
    Files.createFile(dir.resolve("demo.sock"));
    session.run("socket u AF_UNIX");
    assertEquals(List.of("demo.sock"), values(candidates("connect u de")));
    assertEquals(List.of(), hosts(candidates("connect u ")));
  }

  @Test
  void socketsAreGroupedAsSocketsWhereOtherChoicesAreOfferedToo() {
    session.run("socket s");
    Candidate s = find(candidates("select "), "s");
    assertEquals("sockets", s.group(), "JLine calls a candidate without a group 'others'");
  }

  private static List<String> hosts(List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> "hosts".equals(c.group()))
        .map(Candidate::value)
        .toList();
  }

  @Test
  void keptValuesCompleteWhereDataGoes() {
    session.run("socket u SOCK_DGRAM", "bind u 127.0.0.1:0", "sendto u b'ping' u", "recvfrom u");
    Map<String, String> values = described(candidates("send u $"));
    assertEquals("(b'ping', ('127.0.0.1', " + port("u") + "))", values.get("$2"));
    assertEquals(List.of("_"), values(candidates("send u _")));
  }

  @Test
  void theWordUnderTheCursorIsCompletedNotTheEndOfTheLine() {
    session.run("socket srv");
    assertEquals(List.of("close"), values(candidates("clo| srv")));
    assertEquals(List.of("srv"), values(candidates("close s| # why")));
  }

  @Test
  void nothingIsOfferedInsideACommentOrAfterAnUnknownCommand() {
    session.run("socket srv");
    assertEquals(List.of(), values(candidates("close srv # s")));
    assertEquals(List.of(), values(candidates("frobnicate ")));
  }

  private String port(String name) {
    SockAddress local =
        session.shell.session().find(name).map(s -> SocketSummary.boundAddress(s)).orElseThrow();
    return Integer.toString(((SockAddress.Inet) local).port());
  }

  /** The candidates for the line ('|' marks the cursor), kept as JLine keeps them: by prefix. */
  private List<Candidate> candidates(String typed) {
    return candidates(parse(typed));
  }

  private static ParsedLine parse(String typed) {
    int cursor = typed.indexOf('|');
    String line = cursor < 0 ? typed : typed.replace("|", "");
    return new LineParser()
        .parse(line, cursor < 0 ? line.length() : cursor, Parser.ParseContext.COMPLETE);
  }

  private List<Candidate> candidates(ParsedLine parsed) {
    List<Candidate> all = new ArrayList<>();
    new CommandCompleter(session.shell).complete(null, parsed, all);
    String word = parsed.word();
    return all.stream().filter(c -> c.value().startsWith(word)).collect(Collectors.toList());
  }

  /** What Tab puts in place of the word at the cursor when {@code value} is chosen. */
  private String inserted(String typed, String value) {
    ParsedLine parsed = parse(typed);
    Candidate chosen = find(candidates(parsed), value);
    return ((CompletingParsedLine) parsed).escape(chosen.value(), chosen.complete()).toString();
  }

  private static List<String> values(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::value).collect(Collectors.toList());
  }

  private static Map<String, String> described(List<Candidate> candidates) {
    Map<String, String> map = new LinkedHashMap<>();
    candidates.forEach(c -> map.put(c.value(), c.descr()));
    return map;
  }

  private static Candidate find(List<Candidate> candidates, String value) {
    return candidates.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow();
  }
}
