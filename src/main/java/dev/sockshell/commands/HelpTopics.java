package dev.sockshell.commands;

import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /help} pages that are not commands: how to write an ADDR, DATA and values, every
 * constant (taken from the specs' choices), every error name, and the keys of the console.
 */
public final class HelpTopics {
  private HelpTopics() {}

  /** A page of {@code /help TOPIC}, with the one line the overview and completion show. */
  public record Topic(String name, String summary) {}

  private static final List<Topic> TOPICS =
      List.of(
          new Topic("addr", "how to write an address: HOST:PORT, ('host', port), a socket NAME"),
          new Topic("data", "how to write bytes to send: \"text\", b'bytes', x'hex', @FILE"),
          new Topic("values", "$1, $2, _ and _[1]: the results every command keeps"),
          new Topic("constants", "AF_*, SOCK_*, SHUT_*, SOL_*, SO_*, TCP_*… and what each does"),
          new Topic("errors", "every Python exception class and errno symbol, and what it means"),
          new Topic("keys", "Tab, Ctrl-C, Ctrl-D, history and the other keys of the console"),
          new Topic("background", "serve, on, relay: how rules match, events, bounds, names"));

  public static List<Topic> all() {
    return TOPICS;
  }

  /** Whether {@code /help WORD} has a page: a command, a topic, a constant or an error name. */
  public static boolean hasPage(CommandTable table, String word) {
    try {
      new HelpPages(table, HelpPages.PLAIN_WIDTH).page(word);
      return true;
    } catch (UsageError e) {
      return false;
    }
  }

  static Optional<Topic> find(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return TOPICS.stream().filter(t -> t.name().equals(key)).findFirst();
  }

  static List<Styled> page(Topic topic, CommandTable table, HelpLayout layout) {
    return switch (topic.name()) {
      case "addr" -> addr(layout);
      case "data" -> data(layout);
      case "values" -> values(layout);
      case "constants" -> constants(table, layout);
      case "errors" -> errors(layout);
      case "background" -> BackgroundHelp.page(layout);
      default -> keys(layout);
    };
  }

  private static List<Styled> addr(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("ADDR: the address bind, connect and sendto take"));
    lines.addAll(
        layout.rows(
            Style.ADDRESS,
            List.of(
                "HOST:PORT",
                "localhost:9999, 127.0.0.1:8080, example.org:80",
                "[IPv6]:PORT",
                "[::1]:9999",
                "*:PORT",
                "every interface, as Python's ('', 9999)",
                "('host', port)",
                "Python's tuple; ('::1', 9999, 0, 0) for IPv6; ('127.0.0.1', $1[1]) takes kept values",
                "NAME",
                "another socket of the session: its bound address ([::] is 127.0.0.1 for IPv4)",
                "$N, _[1]",
                "a kept value holding an address, e.g. the sender recvfrom returned",
                "\"/tmp/s.sock\", demo.sock",
                "a path, for AF_UNIX sockets (relative to the working directory)")));
    lines.addAll(
        layout.paragraph(
            "Port 0 lets the OS choose a free port (getsockname shows it); so"
                + " `bind srv localhost:0` then `connect cli srv` needs no port number."));
    return lines;
  }

  private static List<Styled> data(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("DATA: the bytes send, sendall and sendto take"));
    lines.addAll(
        layout.rows(
            Style.STRING,
            List.of(
                "\"text\", 'text'",
                "text with Python's escapes \\n \\r \\t \\\\ \\\" \\' \\xHH \\uXXXX, sent as UTF-8",
                "b'bytes'",
                "a bytes literal: b'GET / HTTP/1.0\\r\\n\\r\\n'",
                "x'48 69'",
                "bytes in hex; spaces between the pairs are allowed",
                "@PATH",
                "the bytes of a file (relative to the script, else the working directory);"
                    + " quote a path with spaces: @\"my file.bin\"",
                "word",
                "one bare word is text: send cli hello",
                "$N, _",
                "a kept value (bytes or str), e.g. what recv returned")));
    lines.addAll(
        layout.paragraph(
            "Received bytes are always shown escaped (b'\\x1b[2J'), so nothing from the"
                + " network can drive your terminal."));
    return lines;
  }

  private static List<Styled> values(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("Values: every result is kept, as in Python's REPL"));
    lines.addAll(
        layout.rows(
            Style.VALUE_NAME,
            List.of(
                "$1, $2, …",
                "the values commands returned, numbered as shown: $3 ==> b'hi'",
                "_",
                "the last value",
                "$N[0], _[1]",
                "an item of a pair: accept's (conn, addr), recvfrom's (data, addr)")));
    lines.addAll(
        layout.paragraph(
            "Use them as DATA (send conn $3), as ADDR (sendto srv b'ACK' _[1]) or in"
                + " expect (expect b'hi')."));
    return lines;
  }

  /** Every CONSTANT parameter of every command, once per distinct parameter, with meanings. */
  private static List<Styled> constants(CommandTable table, HelpLayout layout) {
    Map<List<String>, List<String>> usedBy = new LinkedHashMap<>();
    Map<List<String>, String> names = new LinkedHashMap<>();
    for (CommandSpec<?> spec : table.all()) {
      for (Param p : spec.params()) {
        if (p.kind() == Param.Kind.CONSTANT) {
          names.putIfAbsent(p.choices(), p.name());
          usedBy.computeIfAbsent(p.choices(), k -> new ArrayList<>()).add(spec.name());
        }
      }
    }
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("Constants by parameter (in any case; a socket. prefix is fine)"));
    for (Map.Entry<List<String>, List<String>> e : usedBy.entrySet()) {
      lines.addAll(
          layout.paragraph(names.get(e.getKey()) + " (" + String.join(", ", e.getValue()) + ")"));
      List<String> cells = new ArrayList<>();
      for (String choice : e.getKey()) {
        cells.add(choice);
        String meaning = ConstantDocs.meaning(choice);
        cells.add(meaning == null ? "" : meaning);
      }
      lines.addAll(layout.rows(Style.CONSTANT, cells));
    }
    lines.addAll(
        layout.paragraph("Tab completes them at each position; errors are in /help errors."));
    return lines;
  }

  private static List<Styled> errors(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(
        layout.heading(
            "Python exception classes (expect error CLASS also matches its subclasses)"));
    List<String> cells = new ArrayList<>();
    for (PyException p : PyException.values()) {
      cells.add(p.pythonName());
      cells.add(ConstantDocs.meaning(p.name()));
    }
    lines.addAll(layout.rows(Style.ERROR, cells));
    lines.addAll(layout.heading("errno symbols (Linux numbers), each raised as its class"));
    cells.clear();
    for (Errno e : Errno.values()) {
      cells.add(e.name() + " " + e.number());
      cells.add(e.pythonClass().pythonName() + ": " + e.message());
    }
    lines.addAll(layout.rows(Style.ERROR, cells));
    lines.addAll(
        layout.paragraph(
            "/help COMMAND says which errors a command raises and what they usually mean there."));
    return lines;
  }

  private static List<Styled> keys(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.add(Styled.of(Style.HEADER, "Keys at the prompt"));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "Tab",
                "complete commands, socket names, constants, files (@PATH, /open)",
                "Tab Tab",
                "list the choices, each with what it is",
                "Up, Down",
                "earlier commands (kept across runs)",
                "Ctrl-R",
                "search earlier commands",
                "Ctrl-A, Ctrl-E",
                "go to the start, the end of the line",
                "Ctrl-C",
                "clear the line; while a call waits, cancel only that call",
                "Ctrl-D",
                "on an empty line: close every socket and leave")));
    lines.addAll(
        layout.paragraph(
            "As you type, the arguments still to come show faintly after the cursor; unknown"
                + " commands, socket names and constants turn red."));
    return lines;
  }
}
