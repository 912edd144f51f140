package dev.sockshell.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.testing.ExternalProgram;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every codec against python3 itself: many texts and byte strings, valid and not, through every
 * error handler, and every name Python accepts. python3 computes the expected bytes, text and
 * exceptions (class, message, start, end, object) while the test runs; nothing is copied from it.
 */
class PyCodecsLiveTest {
  private static final String PYTHON =
      Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  /** Reads one request a line (see {@link Request}) and answers each on one line. */
  private static final String WORKER =
      """
      import codecs, sys
      def cps(s): return ''.join('%06x' % ord(c) for c in s)
      def text(h): return ''.join(chr(int(h[i:i + 6], 16)) for i in range(0, len(h), 6))
      def name(h): return bytes.fromhex(h).decode('utf-8')
      answers = []
      for line in sys.stdin:
          op, codec, errors, data = (line.rstrip('\\n').split(' ') + [''] * 4)[:4]
          try:
              if op == 'E':
                  answers.append('OK ' + text(data).encode(name(codec), name(errors)).hex())
              elif op == 'D':
                  answers.append('OK ' + cps(bytes.fromhex(data).decode(name(codec), name(errors))))
              else:
                  info = codecs.lookup(name(codec))
                  answers.append('OK ' + info.name + ' ' + str(info._is_text_encoding))
          except Exception as e:
              o = getattr(e, 'object', None)
              o = '' if o is None else o.hex() if isinstance(o, bytes) else cps(o)
              answers.append('ERR %s %s %s %s %s' % (type(e).__name__, getattr(e, 'start', -1),
                  getattr(e, 'end', -1), str(e).encode('utf-8').hex(), o))
      print('\\n'.join(answers))
      """;

  /** The error handlers tried; the other codecs only the first three. */
  private static final List<String> HANDLERS =
      List.of(
          "strict",
          "surrogateescape",
          "backslashreplace",
          "ignore",
          "replace",
          "xmlcharrefreplace",
          "no-such-handler");

  /** The codecs the tutorial and the issue name: tried much more than the others. */
  private static final Set<String> MAIN =
      Set.of(
          "utf-8",
          "utf-8-sig",
          "utf-16",
          "utf-16-le",
          "utf-16-be",
          "utf-32",
          "iso8859-1",
          "ascii",
          "gbk",
          "gb2312",
          "gb18030",
          "big5",
          "shift_jis",
          "cp1252");

  private static final List<String> TEXTS =
      List.of(
          "",
          "hello",
          "你好",
          "€",
          "café €",
          "你好€\r\n",
          "\ud800",
          "\udc80",
          "\udc80\udc81",
          "a\ud800\ud800b",
          "\udc80\ud800",
          "\udc80é",
          "\udcff\udc41",
          "\u00ff\u0100\uffff",
          "\uffff\ufffe\ufeff",
          "\ud83d\ude00",
          "\udbff\udfff",
          "\\?&#;",
          "x\u20ac\u20acy\u20ac",
          "ÄÖÜß",
          "Καλημέρα",
          "Привет",
          "こんにちは、ｶﾀｶﾅ",
          "한국어",
          "繁體中文",
          "\u00b7\u2014\u2015\u30fb\uff5e\u301c\u2225\uffe0\u00a5\u203e");

  private static final List<String> BYTES =
      List.of(
          "",
          "68656c6c6f",
          "e4bda0e5a5bd",
          "e4bda0e5",
          "e4bd",
          "e441",
          "ed a080",
          "c080",
          "f0808080",
          "f4908080",
          "f5",
          "f09f98",
          "f09f41",
          "fffe",
          "feff",
          "fffe00d8",
          "feff d800",
          "fffe00d84100",
          "00d8",
          "00dc",
          "fffe0000",
          "0000feff",
          "fffe000000d80000",
          "00001100",
          "efbbbf",
          "efbbbfff",
          "efbbbfefbbbf41",
          "efbb",
          "80",
          "ff",
          "c4e3bac3",
          "c4e3ba",
          "a1a4a1aa",
          "8130",
          "813081",
          "81308130",
          "84318730",
          "8431a439",
          "8431a530",
          "90308130",
          "e3329a35",
          "e3329a36",
          "fe39fe39",
          "8130ff30",
          "a4a1a4",
          "8140",
          "a1",
          "82a0",
          "8fa2af",
          "8fa2",
          "8e",
          "5c7e",
          "a3e1");

  private static List<String> codecs;

  @BeforeAll
  static void python() {
    assumeTrue(
        ExternalProgram.available(PYTHON, "--version"),
        "skipped: python3 is not installed, so there is no Python to compare the codecs with");
    codecs = PyCodecs.names();
  }

  @Test
  void everyCodecEncodesAndDecodesAsPythonDoes() throws Exception {
    Random random = new Random(14);
    List<Request> requests = new ArrayList<>();
    for (String codec : codecs) {
      PyCodec ours = PyCodecs.lookup(codec);
      boolean main = MAIN.contains(codec);
      int rounds = main ? 100 : 8;
      List<String> texts = new ArrayList<>(TEXTS);
      List<byte[]> bytes = new ArrayList<>();
      BYTES.forEach(h -> bytes.add(HexFormat.of().parseHex(h.replace(" ", ""))));
      for (int i = 0; i < rounds; i++) {
        texts.add(randomText(random));
        byte[] noise = randomBytes(random);
        bytes.add(noise);
        // Text the codec has, and its bytes cut or changed: where the interesting errors are.
        String repertoire = ours.decode(ByteString.of(noise), "ignore");
        texts.add(repertoire);
        byte[] encoded = ours.encode(repertoire + randomText(random), "ignore").toByteArray();
        bytes.add(encoded);
        bytes.add(mutated(encoded, random));
      }
      for (String errors : main ? HANDLERS : HANDLERS.subList(0, 3)) {
        texts.forEach(t -> requests.add(Request.encode(codec, errors, t)));
        bytes.forEach(b -> requests.add(Request.decode(codec, errors, b)));
      }
    }
    assertSameAsPython(requests);
  }

  @Test
  void everyNamePythonAcceptsFindsTheSameCodec() throws Exception {
    List<Request> requests = new ArrayList<>();
    List<String> names = new ArrayList<>(PyCodecs.acceptedNames());
    names.addAll(
        List.of(
            "UTF-8",
            "utf8",
            "u8",
            "U8",
            "UTF 8",
            "  utf--8  ",
            "utf.8",
            "utf8.",
            "latin.1",
            "iso8859.1",
            "ütf8",
            "cp936",
            "936",
            "GBK",
            "gb-2312",
            "GB_2312",
            "big5-tw",
            "sjis",
            "Shift-JIS",
            "csbig5",
            "rot13",
            "ROT-13",
            "base64",
            "hex",
            "zlib",
            "utf-7",
            "euc-kr",
            "euc_kr",
            "iso2022_jp",
            "klingon",
            "",
            "-",
            "latin1",
            "L1",
            "iso-8859-15",
            "windows-1252",
            "cp65001",
            "mbcs",
            "charmap",
            "undefined",
            "aliases",
            "UTF16LE",
            "utf_32_be",
            "unicode-escape",
            "x-mac-japanese",
            "utf\u00008"));
    for (String name : names) {
      requests.add(Request.lookup(name));
      requests.add(Request.encode(name, "strict", "a"));
      requests.add(Request.decode(name, "strict", new byte[] {'a'}));
    }
    assertSameAsPython(requests);
  }

  private static void assertSameAsPython(List<Request> requests) throws Exception {
    StringBuilder input = new StringBuilder();
    requests.forEach(r -> input.append(r.line()).append('\n'));
    String[] expected;
    try (ExternalProgram python = ExternalProgram.start(PYTHON, "-c", WORKER)) {
      python.input(input.toString());
      expected = python.finish().split("\n", -1);
    }
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      String ours = r.answer();
      String theirs = i < expected.length ? expected[i] : "(no answer)";
      if (!r.agrees(ours, theirs)) {
        differences.add(
            r.describe()
                + "\n    python3:   "
                + readable(theirs)
                + "\n    sockshell: "
                + readable(ours));
      }
    }
    assertEquals(
        "",
        String.join("\n", differences.subList(0, Math.min(25, differences.size()))),
        differences.size() + " of " + requests.size() + " answers differ from python3's");
  }

  /** One call: E (str.encode), D (bytes.decode) or L (codecs.lookup), as the worker reads it. */
  private record Request(String op, String codec, String errors, String text, byte[] bytes) {
    static Request encode(String codec, String errors, String text) {
      return new Request("E", codec, errors, text, null);
    }

    static Request decode(String codec, String errors, byte[] bytes) {
      return new Request("D", codec, errors, null, bytes);
    }

    static Request lookup(String codec) {
      return new Request("L", codec, "strict", null, null);
    }

    String line() {
      String data = text != null ? codePoints(text) : bytes != null ? hex(bytes) : "";
      return op + " " + hex(utf8(codec)) + " " + hex(utf8(errors)) + " " + data;
    }

    /** What sockshell answers, in the worker's format. */
    String answer() {
      try {
        return switch (op) {
          case "E" -> "OK " + PyCodecs.encode(text, codec, errors).hex();
          case "D" -> "OK " + codePoints(PyCodecs.decode(ByteString.of(bytes), codec, errors));
          default -> {
            PyCodec c = PyCodecs.lookup(codec);
            yield "OK " + c.name() + " True";
          }
        };
      } catch (CodecError e) {
        String object =
            e.bytes() != null ? e.bytes().hex() : e.text() != null ? codePoints(e.text()) : "";
        return String.join(
            " ",
            "ERR",
            e.pythonClass(),
            String.valueOf(e.start()),
            String.valueOf(e.end()),
            hex(utf8(e.getMessage())),
            object);
      }
    }

    /**
     * Whether the answers agree. They must be equal, except where sockshell says it lacks a codec
     * Python has, or where python3's lookup found a codec that is not a text encoding.
     */
    boolean agrees(String ours, String theirs) {
      if (ours.equals(theirs.strip()) || ours.equals(theirs)) {
        return true;
      }
      String missing = hex(utf8("sockshell has no '"));
      return ours.startsWith("ERR LookupError -1 -1 " + missing) && theirs.startsWith("OK ")
          || op.equals("L") && theirs.endsWith(" False") && ours.startsWith("ERR LookupError");
    }

    String describe() {
      String what =
          switch (op) {
            case "E" -> Repr.text(text) + ".encode(" + Repr.text(codec) + ", '" + errors + "')";
            case "D" ->
                ByteString.of(bytes) + ".decode(" + Repr.text(codec) + ", '" + errors + "')";
            default -> "codecs.lookup(" + Repr.text(codec) + ")";
          };
      return "  " + what;
    }
  }

  /** An answer with its message as text. */
  private static String readable(String answer) {
    String[] fields = answer.split(" ", -1);
    if (fields.length < 5 || !fields[0].equals("ERR")) {
      return answer;
    }
    fields[4] = '"' + new String(HexFormat.of().parseHex(fields[4]), StandardCharsets.UTF_8) + '"';
    return String.join(" ", fields);
  }

  private static String randomText(Random random) {
    int[][] pools = {
      {0x20, 0x7F},
      {0x00, 0x20},
      {0x80, 0x100},
      {0x100, 0x600},
      {0x3000, 0x3100},
      {0x4E00, 0x9FA6},
      {0xAC00, 0xD7A4},
      {0xD800, 0xE000},
      {0xDC80, 0xDD00},
      {0xE000, 0xF900},
      {0xFF00, 0x10000},
      {0x2000, 0x2300},
      {0x10000, 0x10100},
      {0x1F600, 0x1F650},
      {0x20000, 0x20100},
      {0x10FFF0, 0x110000}
    };
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      int[] pool = pools[random.nextInt(pools.length)];
      sb.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0]));
    }
    return sb.toString();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(11)];
    for (int i = 0; i < bytes.length; i++) {
      int kind = random.nextInt(4);
      bytes[i] =
          (byte)
              (kind == 0
                  ? random.nextInt(0x80)
                  : kind == 1 ? 0x30 + random.nextInt(10) : 0x80 + random.nextInt(0x80));
    }
    return bytes;
  }

  /** {@code bytes} cut short, with a byte dropped, or with one put in. */
  private static byte[] mutated(byte[] bytes, Random random) {
    if (bytes.length == 0) {
      return new byte[] {(byte) (0x80 + random.nextInt(0x80))};
    }
    int at = random.nextInt(bytes.length);
    ByteString b = ByteString.of(bytes);
    return switch (random.nextInt(3)) {
      case 0 -> b.substring(0, bytes.length - 1).toByteArray();
      case 1 -> b.substring(0, at).concat(b.substring(at + 1, bytes.length)).toByteArray();
      default ->
          b.substring(0, at)
              .concat(ByteString.of((byte) random.nextInt(256)))
              .concat(b.substring(at, bytes.length))
              .toByteArray();
    };
  }

  /** Each code point as six hex digits, as the worker reads and writes text. */
  private static String codePoints(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(HexFormat.of().toHexDigits(cp).substring(2)));
    return sb.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Python's repr of a str, enough to read a failure. */
  private static final class Repr {
    static String text(String s) {
      StringBuilder sb = new StringBuilder("'");
      s.codePoints()
          .forEach(
              cp -> sb.append(cp >= 0x20 && cp < 0x7F ? String.valueOf((char) cp) : escape(cp)));
      return sb.append('\'').toString();
    }

    private static String escape(int cp) {
      return cp <= 0xFF
          ? String.format("\\x%02x", cp)
          : cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }
  }
}
