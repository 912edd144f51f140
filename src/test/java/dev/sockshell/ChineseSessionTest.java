package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.commands.CommandTable;
import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.testing.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code /set lang zh} no English sentence is left: a session that goes through what a
 * learner meets (feedback of each call, values and their notes, failed expectations, errors with
 * their hints, usage errors, loops' ends, the background, /list, /save, /open, /history, Python
 * outside the subset) and {@code --help} are read line by line, and a line with two English words
 * in a row fails, once the names that stay as they are (commands, sockets, constants, exception
 * classes with Python's own message, errno symbols, code in quotes or backticks) are taken out. A
 * message added in English only, and printed by these, fails here.
 */
class ChineseSessionTest {
  @TempDir Path dir;

  @AfterEach
  void speakTheEnvironmentsLanguage() {
    Text.useEnvironment();
  }

  @Test
  void aSessionInChineseHasNoEnglishSentenceLeft() {
    String script =
        String.join(
            "\n",
            "/set lang zh",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "setsockopt srv SO_REUSEADDR 1",
            "socket cli",
            "connect cli srv",
            "accept srv",
            "send cli b'hello'",
            "sendall cli b'hello'",
            "recv conn1 100",
            "expect b'hellohello'",
            "expect b'nope'",
            "expect contains b'zz'",
            "settimeout cli 0.1",
            "recv cli 10",
            "setblocking cli False",
            "recv cli 10",
            "setblocking cli True",
            "shutdown cli SHUT_WR",
            "recv conn1 10",
            "expect eof",
            "close cli",
            "close cli",
            "send cli b'x'",
            "bind srv nonsense",
            "socket u AF_INET SOCK_DGRAM",
            "bind u 127.0.0.1:0",
            "send u b'x'",
            "listen u",
            "repeat 2",
            "  sendto u b'a' u",
            "  recvfrom u 10",
            "end",
            "repeat forever",
            "  sendto u b'a' u",
            "  recvfrom u 10",
            "  break",
            "end",
            "socket s2",
            "bind s2 127.0.0.1:0",
            "listen s2",
            "serve s2 --echo",
            "socket c3",
            "connect c3 s2",
            "send c3 b'hi'",
            "recv c3",
            "/list",
            "stop s2",
            "/rules",
            "on srv sometimes send b'x'",
            "on srv any shout",
            "on srv",
            "on srv matches /(/ send b'x'",
            "on srv any send \"\\1\"",
            "on srv matches /a/ send \"\\1\"",
            "on srv contains b'' send b'x'",
            "on u connect send b'x'",
            "on cli any send b'x'",
            "on c3 connect send b'x'",
            "socket s9",
            "on s9 any send b'x'",
            "on srv any send b'pong'",
            "/rules",
            "off 9",
            "off 1",
            "socket ra",
            "connect ra srv",
            "accept srv",
            "on ra any send b'x'",
            "on ra contains b'q' send b'y'",
            "stop ra",
            "socket rb",
            "connect rb srv",
            "relay ra rb",
            "on ra any send b'x'",
            "stop ra",
            "/set encoding gbkk",
            "/set encoding ascii",
            "sendto u '中' u",
            "/set encoding utf-8",
            "sendto u b'\\xff' u",
            "recv u 10",
            "expect matches /x/",
            "sendto u b'é' u",
            "sendto u '\\ud83d' u",
            "sendto u '\\ud83d\\ude00' u",
            "sendto u '\\U99999999' u",
            "sendto u b'\\x4' u",
            "sendto u b'\\xzz' u",
            "tls srv --bogus",
            "tls srv --serve",
            "tls srv --version 1.1",
            "tls srv --client-cert maybe",
            "tls srv --server",
            "tls srv --server --cert a.pem --self-signed",
            "tls srv --key k.pem",
            "tls srv --self-signed",
            "tls srv --client-cert required",
            "tls srv --server --self-signed --server-hostname example.com",
            "tls srv --insecure --cafile ca.pem",
            "tls srv --alpn ,",
            "tls srv --version",
            "getpeercert srv bogus",
            "socket ts",
            "bind ts 127.0.0.1:0",
            "listen ts",
            "tls ts --server --self-signed",
            "serve ts --echo",
            "socket tc",
            "connect tc ts",
            "tls tc --insecure",
            "close tc",
            "stop ts",
            "wait",
            "sleep 0.01",
            "/save " + dir.resolve("saved.socks"),
            "tls srv --server --cert " + dir.resolve("saved.socks"),
            "/open " + dir.resolve("missing.socks"),
            "class A: pass",
            "socket c2",
            "connect c2 127.0.0.1:1",
            "accept conn1",
            "settimeout cli forever",
            "setblocking cli maybe",
            "socket x2 AF_INET AF_INET6",
            "setsockopt srv",
            "setsockopt srv SOL_SOCKET",
            "setsockopt srv SO_LINGER",
            "expect error",
            "expect matches",
            "serve srv",
            "serve srv --echo --max",
            "socket u2 AF_INET SOCK_DGRAM",
            "connect u2 u",
            "shutdown u2 SHUT_WR",
            "listen srv 7",
            "setsockopt srv SO_LINGER 1 70000",
            "getsockopt c3 SO_ERROR",
            "select c3 -- c3 -- c3",
            "select c3 0.1 c3",
            "sendfile c3 b'x'",
            "expect matches /abc",
            "send c3 --frame len32 --frame len32 b'x'",
            "recv c3 --exact 2 --frame len32",
            "recv c3 10 --exact 2",
            "recv c3 --until b''",
            "setsockopt c3 SO_LINGER 1 -1",
            "/history",
            "repeat many", // last: its error comes at the end of the script, as a block's
            "");
    ScriptRun run = ScriptRun.withStdin(script, "--keep-going");
    assertEnglishFree(run.out() + run.err(), script);
    // What the run must have shown, so the check above read something.
    assertTrue(run.out().contains("已绑定到"), run.out());
    assertTrue(run.out().contains("预期 b'nope'"), run.out());
    assertTrue(run.out().contains("提示：cli 已经关闭"), run.out());
    assertTrue(run.out().contains("repeat 完成：2 轮"), run.out());
    // A connection's second rule is taken under zh too (its role reads in Chinese).
    assertTrue(run.out().contains("规则 3 加在 ra 上"), run.out());
    assertTrue(run.out().contains("转义不完整"), run.out());
    assertTrue(run.out().contains("会话编码是 ascii"), run.out());
    assertTrue(run.out().contains("tc 已使用 TLSv1.3，证书未检查"), run.out());
    // Usage errors name what is missing or wrong in Chinese too.
    assertTrue(run.out().contains("SECONDS（或 none）"), run.out());
    assertTrue(run.out().contains("FLAG 必须是 True 或 False"), run.out());
    assertTrue(run.out().contains("又一个 FAMILY"), run.out());
    // What Java 17 cannot do is said in Chinese, with OSError as Python prints it.
    assertTrue(run.out().contains("OSError: JVM 无法修改监听套接字的 backlog"), run.out());
    assertTrue(run.out().contains("里面没有证书（--cert 要的是 PEM 格式的证书）"), run.out());
    assertTrue(run.out().contains("分隔符不能为空"), run.out());
  }

  /** Lines whose arguments cannot be read: quotes, brackets, literals, ADDR and DATA. */
  private static final List<String> UNREADABLE_ARGUMENTS =
      List.of(
          "socket cli",
          "send cli 'abc",
          "bind cli ('a', 1",
          "bind cli ('a', 1))",
          "send cli x'4'",
          "send cli x'zz'",
          "send cli $",
          "send cli $0",
          "send cli $1[x]",
          "send cli b'a'b",
          "send cli @",
          "send cli ('a', 1)",
          "bind cli ('a',)",
          "bind cli (1, 2)",
          "bind cli ('a', 'b')",
          "bind cli ('::1', 1, 'x')",
          "bind cli ('a' 1)",
          "bind cli ('a', [1 2])",
          "bind cli ('a', 99999999999999999999)",
          "bind cli " + "(".repeat(101) + ")".repeat(101),
          "bind cli [a,b]",
          "bind cli [::1)",
          "bind cli [::1]9",
          "bind cli ::1:80",
          "bind cli x:y:80",
          "on cli matches /abc send b'x'");

  @Test
  void argumentsThatCannotBeReadAreExplainedInBothLanguages() {
    assertSaidInBothLanguages(
        UNREADABLE_ARGUMENTS,
        List.of(
            "字符串没有结束：请加上结尾的 '",
            "'(' 没有闭合；请加上 ')'",
            "')' 没有与之配对的左括号",
            "十六进制数字的个数是奇数（'4' 落单）",
            "'z' 不是十六进制数字",
            "'$' 后面要跟值的编号",
            "值从 $1 开始编号",
            "'x' 不是下标",
            "字面量后面多了 'b'",
            "@ 后面要跟文件路径",
            "DATA 必须是文本",
            "地址元组是 `(host, port)`",
            "主机必须是带引号的字符串",
            "端口必须是整数",
            "flowinfo 必须是整数",
            "元组里这里应该是 ',' 或 ')'",
            "列表里这里应该是 ',' 或 ']'",
            "数字超出范围：99999999999999999999",
            "括号嵌套太多（最多 100 层）",
            "地址是元组，不是列表：写成 (a,b)",
            "方括号里的 IPv6 地址必须以 ']' 结尾",
            "端口写在方括号后面：[::1]:PORT",
            "IPv6 地址要写在方括号里：[::1]:80",
            "'x:y:80' 里有不止一个 ':'",
            "正则表达式缺少结尾的 /"),
        List.of(
            "error: unterminated string: add the closing '",
            "error: '(' is never closed; add the closing ')'",
            "error: unmatched ')'",
            "error: bad hex bytes: odd number of hex digits: '4'; write pairs of hex digits,"
                + " e.g. x'48 69'",
            "error: bad hex bytes: non-hexadecimal character 'z'; write pairs of hex digits,"
                + " e.g. x'48 69'",
            "error: unexpected 'b' after the literal; put a space between arguments",
            "error: DATA must be text (\"hi\"), bytes (b'hi' or x'6869'), @FILE or a value such"
                + " as $1",
            "error: flowinfo must be a whole number",
            "error: the port must be a whole number",
            "error: expected ',' or ']' in the list",
            "error: too many nested brackets (at most 100)",
            "error: an address is a tuple, not a list: write (a,b)",
            "error: write an IPv6 address in brackets: [::1]:80",
            "error: 'x:y:80' has more than one ':'; write HOST:PORT",
            "error: the regular expression needs a closing / (then a space)"));
  }

  @Test
  void expectationsThatCannotBeReadAreExplainedInBothLanguages() {
    assertSaidInBothLanguages(
        List.of(
            "expect error Bogus",
            "expect error ECONNREFUSD",
            "expect matches abc",
            "expect matches /abc/i"),
        List.of(
            "'Bogus' 既不是 Python 的异常类，也不是 errno 符号",
            "你是不是想输入 ECONNREFUSED？",
            "把正则表达式写在两个斜杠之间：/abc/",
            "结尾的 / 后面不能跟标志；像 Python 那样把它们写进表达式里：/(?i)abc/"),
        List.of(
            "error: 'Bogus' is neither a Python exception class nor an errno symbol\n",
            "error: 'ECONNREFUSD' is neither a Python exception class nor an errno symbol; did you"
                + " mean ECONNREFUSED?",
            "error: write the regular expression between slashes: /abc/",
            "error: no flags after the closing /; put them inside, as Python does: /(?i)abc/"));
  }

  @Test
  void optionsAndPathsThatCannotBeTakenAreExplainedInBothLanguages() {
    assertSaidInBothLanguages(
        List.of(
            "socket u AF_UNIX SOCK_STREAM",
            "bind u \"a\\x00b\"",
            "bind u \"\\x00abc\"",
            "socket c",
            "repeat 2 bogus",
            "  sleep 0",
            "end",
            "setsockopt c SO_LINGER (1, 2, 3)",
            "setsockopt c SO_LINGER (1, x)",
            "setsockopt c SO_LINGER 1 x",
            "setsockopt c SO_LINGER 1 99999999999",
            "send c --frame len16 b'x'",
            "send c --fram len32 b'x'",
            "send c --frame=len32 b'x'",
            "recv c --bogus",
            "socket d AF_INET SOCK_DGRAM",
            "send d --frame len32 b'x'",
            "sendfile c \"a\\x00b\""),
        List.of(
            "OSError: JVM 无法使用含 NUL 字符的路径",
            "提示：Linux 会只用 NUL 之前的部分：'a'",
            "OSError: JVM 无法使用抽象 AF_UNIX 名字",
            "多余的参数 'bogus'；COUNT 或 forever 后面只能跟 --every SECONDS",
            "SO_LINGER 的值是 (ONOFF, SECONDS)",
            "SECONDS 必须是整数\n",
            "SECONDS 必须是整数（1 打开标志，0 关闭），实际是 'x'",
            "SECONDS 必须在 C int 的范围内",
            "--frame 只认 len32",
            "未知选项 '--fram'；你是不是想输入 --frame？",
            "写成 --frame len32，中间用空格",
            "可用的选项有 --exact、--until、--frame",
            "d 是 SOCK_DGRAM，每个数据报本来就是一条消息",
            // Python's own message stays as Python prints it.
            "ValueError: embedded null byte"),
        List.of(
            "OSError: the JVM cannot use a path with a NUL character in it: Java 17 refuses it\n"
                + "|  hint: Linux would use the part before the NUL: 'a'",
            "OSError: the JVM cannot use an abstract AF_UNIX name (one starting with \\x00): Java 17"
                + " takes only file paths\n|  hint: Linux has abstract names (Python can); in"
                + " sockshell use a path such as ./demo.sock",
            "error: unexpected argument 'bogus'; after COUNT or forever only --every SECONDS may"
                + " come",
            "error: SO_LINGER takes (ONOFF, SECONDS), e.g. (1, 0)",
            "error: SECONDS must be a whole number\n",
            "error: SECONDS must be a whole number (1 turns a flag on, 0 off), got 'x'",
            "error: SECONDS must fit in a C int (-2147483648..2147483647), got 99999999999",
            "error: --frame knows len32 (a 4-byte big-endian length, then the bytes), got 'len16'",
            "error: unknown option '--fram'; did you mean --frame?",
            "error: write --frame len32, with a space, not '='",
            "error: unknown option '--bogus'; the options are --exact, --until, --frame",
            "error: --frame is for SOCK_STREAM sockets; d is SOCK_DGRAM, and each datagram is"
                + " already one message",
            "ValueError: embedded null byte"));
  }

  @Test
  void filesThatAreNotScriptsAreSaidInChinese() throws IOException {
    Path utf16 =
        Files.write(dir.resolve("utf16.socks"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0});
    Path binary = Files.write(dir.resolve("binary.socks"), new byte[] {'a', 0, 'b'});
    Path gbk = Files.write(dir.resolve("gbk.socks"), "socket a\n# 中文\n".getBytes("GBK"));
    Text.use(Lang.ZH);
    assertEquals(
        "sockshell: 无法读取 " + utf16 + "：这个脚本是 UTF-16 文本；请另存为 UTF-8\n",
        ScriptRun.of(utf16.toString()).err());
    assertEquals(
        "sockshell: 无法读取 " + binary + "：这不是脚本：里面有 NUL 字节，二进制文件才会这样\n",
        ScriptRun.of(binary.toString()).err());
    ScriptRun notUtf8 = ScriptRun.withStdin("/set lang zh\n/open " + gbk + "\n");
    assertTrue(
        notUtf8.out().contains(gbk + ":2: 无法读取：不是 UTF-8 文本（第 3 列的字节 0xd6）；请把脚本另存为 UTF-8"),
        notUtf8.out());
    Text.use(Lang.EN);
    ScriptRun english = ScriptRun.of(gbk.toString());
    assertTrue(
        english
            .out()
            .contains(
                gbk
                    + ":2: cannot read: not UTF-8 text (byte 0xd6 at column 3); save the script as"
                    + " UTF-8"),
        english.out());
  }

  @Test
  void theDiagramAndTheExportedPageSpeakChineseWithTheLifelinesStraight() throws IOException {
    Path page = dir.resolve("session.html");
    String script =
        String.join(
            "\n",
            "/set lang zh",
            "/diagram",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "socket cli",
            "connect cli srv",
            "accept srv",
            "send cli b'hello'",
            "recv conn1 2",
            "close conn1",
            "recv cli",
            "socket u AF_INET SOCK_DGRAM",
            "bind u 127.0.0.1:0",
            "sendto u b'ping' u",
            "recvfrom u 10",
            "/diagram --ascii",
            "/diagram nobody",
            "/export " + page,
            "");
    ScriptRun run = ScriptRun.withStdin(script, "--keep-going");
    assertEnglishFree(run.out() + run.err(), script);
    String out = run.out();
    for (String words :
        List.of(
            "还没有可画的：先创建一个套接字（socket NAME）并使用它",
            "srv: 已绑定到",
            "srv: listen，backlog 128",
            "srv: accept -> conn1，来自",
            "（SYN、",
            "conn1: close -> RST（收到",
            "本会话的图里没有名为 'nobody' 的套接字")) {
      assertTrue(out.contains(words), words + " in:\n" + out);
    }
    // Each row's words, unwrapped, are in the page's diagram.
    String html = Files.readString(page);
    for (String words :
        List.of(
            "srv: accept → conn1，来自 127.0.0.1:",
            "cli: connect → 127.0.0.1:",
            "（SYN、SYN-ACK、ACK）",
            "conn1: close → RST（收到的字节从未被读取）",
            "u: recvfrom 4 B b&#39;ping&#39;，来自 127.0.0.1:")) {
      assertTrue(html.contains(words), words + " in:\n" + html);
    }
    assertTrue(html.contains("<html lang=\"zh\">"), html);
    assertTrue(html.contains("<h2>时序图</h2>") && html.contains("<h2>会话记录</h2>"), html);
    assertTrue(html.contains("aria-label=\"会话的时序图\""), html);
    assertTrue(html.contains("srv: 已绑定到 127.0.0.1:"), html);
    assertTrue(!html.contains("Transcript") && !html.contains("Written by"), html);
  }

  @Test
  void hintsOfTakenNamesPathsAndFramesAreSaidInBothLanguages() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("d"));
    Path file = Files.writeString(dir.resolve("f"), "");
    assertSaidInBothLanguages(
        List.of(
            "socket srv",
            "socket srv",
            "bind srv 127.0.0.1:0",
            "listen srv",
            "socket c",
            "connect c srv",
            "accept srv c",
            "accept srv",
            "send c b'\\x00\\x00'",
            "settimeout conn1 0.2",
            "recv conn1 --frame len32",
            "recv conn1 2",
            "send c b'\\xff\\xff\\xff\\xff'",
            "recv conn1 --frame len32",
            "/export x.txt",
            "socket u AF_UNIX",
            "bind u " + directory,
            "bind u " + file,
            "socket u2 AF_INET SOCK_DGRAM",
            "sendfile u2 \"x\"",
            "tls u2"),
        List.of(
            "提示：u2 是 SOCK_DGRAM 套接字：数据报用 sendto 发送",
            "提示：u2 是 SOCK_DGRAM 套接字（不支持 DTLS）",
            "srv 已经是打开的套接字；先关闭它，或者换一个名字",
            "c 已经是打开的套接字；给这个连接换一个名字",
            "提示：消息已经到了 2 个字节；它们留在缓冲区里",
            "提示：对端发的是 len32 帧吗？recv conn1 显示原始字节",
            "/export 写的是 .html、.svg、.py 文件",
            "提示：那个路径上是一个目录",
            "提示：那个路径上是一个普通文件（不是套接字）"),
        List.of(
            "error: srv is already an open socket; close it first, or choose another name",
            "error: c is already an open socket; choose another name for the connection",
            "hint: 2 bytes of the message had arrived; they stay buffered, so running the same"
                + " command again goes on where this one stopped",
            "hint: is the peer sending len32 frames? recv conn1 shows the raw bytes; recv conn1"
                + " BUFSIZE --frame len32 raises the limit",
            "error: /export writes .html, .svg, .py files; end FILE with one of them (e.g."
                + " session.html)",
            "hint: a directory is at that path; bind to a path that does not exist yet",
            "hint: a regular file (not a socket) is at that path; bind to a path that does not"
                + " exist yet",
            "hint: u2 is a SOCK_DGRAM socket: send datagrams with sendto",
            "hint: u2 is a SOCK_DGRAM socket (DTLS is not supported)"));
  }

  /**
   * {@code lines} said under {@code /set lang zh} have no English sentence and say each of {@code
   * chinese}; said in English, they say each of {@code english} as they always did.
   */
  private static void assertSaidInBothLanguages(
      List<String> lines, List<String> chinese, List<String> english) {
    String script = "/set lang zh\n" + String.join("\n", lines) + "\n";
    ScriptRun zh = ScriptRun.withStdin(script, "--keep-going");
    assertEnglishFree(zh.out() + zh.err(), script);
    for (String words : chinese) {
      assertTrue(zh.out().contains(words), words + " in:\n" + zh.out());
    }
    Text.use(Lang.EN);
    ScriptRun en = ScriptRun.withStdin(String.join("\n", lines) + "\n", "--keep-going");
    for (String words : english) {
      assertTrue(en.out().contains(words), words + " in:\n" + en.out());
    }
  }

  @Test
  void helpAndUsageErrorsOfTheCommandLineAreInChinese() {
    Text.use(Lang.ZH); // as LANG=zh_CN.UTF-8 would at start
    ScriptRun help = ScriptRun.of("--help");
    assertEquals(0, help.status());
    assertEnglishFree(help.out(), "");
    assertTrue(help.out().startsWith("用法："), help.out());
    ScriptRun bad = ScriptRun.of("--bogus");
    assertEquals(2, bad.status());
    assertEnglishFree(bad.err(), "");
  }

  /** A lowercase English word. */
  private static final Pattern WORD = Pattern.compile("\\b[a-z]{2,}\\b");

  /** What may stand between two words of one English sentence. */
  private static final Pattern BETWEEN = Pattern.compile("[ ,]+");

  /**
   * Two lowercase English words in a row, not both names that stay as they are ({@code stop srv} is
   * a command; {@code listening on} is English, though {@code on} is a command too).
   */
  private static boolean hasEnglish(String text, Set<String> kept) {
    Matcher m = WORD.matcher(text);
    int previousEnd = -1;
    String previous = null;
    while (m.find()) {
      String word = m.group();
      if (previous != null
          && BETWEEN.matcher(text.substring(previousEnd, m.start())).matches()
          && !(kept.contains(previous) && kept.contains(word))) {
        return true;
      }
      previous = word;
      previousEnd = m.end();
    }
    return false;
  }

  /** Code, data and paths: quoted, in backticks, bytes literals. */
  private static final Pattern QUOTED =
      Pattern.compile("java -jar \\S+|`[^`]*`|b?'[^']*'|\"[^\"]*\"|/\\S+");

  /**
   * An exception as Python prints it, with its class, errno and Python's own message: {@code
   * ConnectionRefusedError [ECONNREFUSED]: Connection refused}, up to the address or hint after it.
   */
  private static final Pattern EXCEPTION =
      Pattern.compile("\\b\\w+(Error|Exception|Interrupt)\\b(\\s*\\[\\w+\\])?(:[^(（;；]*)?");

  private static void assertEnglishFree(String output, String script) {
    Set<String> kept = keptAsTheyAre(script);
    List<String> english = new ArrayList<>();
    Set<String> typed = new TreeSet<>(script.lines().map(String::strip).toList());
    for (String line : output.split("\n")) {
      String stripped = line.strip();
      if (line.startsWith("sockshell> ")
          || line.startsWith("   ...> ")
          || typed.contains(stripped)
          || stripped.matches("\\^")
          || line.startsWith("NAME ")
          || stripped.matches("\\d+  .*") // /history's lines are the commands as typed
          || line.startsWith("      ")) { // and a block's further lines
        if (!stripped.contains("# ")) {
          continue;
        }
        stripped = stripped.substring(stripped.indexOf("# ") + 2);
      }
      String rest = EXCEPTION.matcher(QUOTED.matcher(stripped).replaceAll(" ")).replaceAll(" ");
      if (hasEnglish(rest, kept)) {
        english.add(line);
      }
    }
    assertEquals(List.of(), english, "lines left in English under /set lang zh:\n" + output);
  }

  /** Commands, the script's socket names and Python's keywords: they stay as they are. */
  private static Set<String> keptAsTheyAre(String script) {
    Set<String> kept = new TreeSet<>();
    CommandTable.standard().all().forEach(spec -> kept.add(spec.name().replace("/", "")));
    Matcher names = Pattern.compile("(?m)^\\s*socket (\\w+)").matcher(script);
    while (names.find()) {
      kept.add(names.group(1));
    }
    kept.addAll(List.of("conn1", "conn2", "lang", "zh", "echo", "backlog", "class", "pass"));
    return kept;
  }
}
