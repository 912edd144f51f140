package dev.sockshell.commands;

import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodecs;
import dev.sockshell.lang.AddrExpr;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Resolver;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /export FILE.py} writes: the session as a Python program that python3 runs to the
 * same effect. Each command is its spec's Python statement; a value a later line uses ({@code $N},
 * {@code _}, an expectation) is kept in the variable {@code _N}; an expectation that held is an
 * {@code assert} of what it compared (so python3 stops where the session would have); an error an
 * {@code expect error} caught is a {@code try/except}; background work calls the threading helper
 * of {@link BackgroundExport}. A command that failed, and one with no Python statement, is a
 * comment.
 */
final class PythonExport {

  private static final String IT_HAS_NO_PYTHON_EQUIVALENT = "it has no Python equivalent";
  private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]+");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Context ctx;
  private final List<String> body = new ArrayList<>();
  private final Set<String> imports = new TreeSet<>(List.of("socket"));

  /** The values later lines read: each is assigned to its variable {@code _N}. */
  private final Set<Integer> used = new HashSet<>();

  /** The last value kept so far ({@code _}), and its number. */
  private int latest;

  private String encoding = "utf-8";

  /** Whether the session printed a line per background event ({@code /set events on}). */
  private boolean eventLines;

  private int skipped;

  /** Whether a background command was written, so the helper it calls is needed. */
  private boolean background;

  /**
   * The host name each socket last connected to, which a client's {@code tls} checks when given no
   * {@code --server-hostname}; a socket connected to an address is not here.
   */
  private final Map<String, String> hostNames = new HashMap<>();

  /** The connections a background serve accepted that the program has named already. */
  private final Set<String> servedNamed = new HashSet<>();

  private PythonExport(Context ctx) {
    this.ctx = ctx;
  }

  /** The program, and how many commands it could not write as Python (they are comments). */
  record Program(String text, int skipped) {}

  static Program of(Context ctx, String fileName) {
    PythonExport export = new PythonExport(ctx);
    export.encoding = ctx.log().startSettings().encoding().name();
    export.eventLines =
        ctx.log().startSettings().events() && !ctx.log().startSettings().eventCounts();
    List<CommandLog.Entry> entries = ctx.log().entries();
    export.findUses(entries);
    export.write(entries);
    List<String> lines = new ArrayList<>();
    lines.add("# A sockshell session, exported by /export. Run it with: python3 " + fileName);
    lines.add("# Each line is a command of the session; an expectation is an assert.");
    export.imports.forEach(m -> lines.add("import " + m));
    lines.add("");
    if (export.background) {
      lines.addAll(BackgroundExport.helper());
      lines.add("");
    }
    lines.addAll(export.body);
    return new Program(String.join("\n", lines) + "\n", export.skipped);
  }

  /**
   * Which values later commands read: by number, as {@code _}, or as the result an expect checks.
   */
  private void findUses(List<CommandLog.Entry> entries) {
    for (CommandLog.PythonLine line : ctx.log().pythonLines()) {
      used.addAll(ValueNames.numbers(line.source()));
    }
    int last = 0;
    int lastResult = 0;
    for (CommandLog.Entry e : entries) {
      if (isCheck(e)) {
        if (lastResult != 0) {
          used.add(lastResult);
        }
        continue;
      }
      used.addAll(ValueNames.numbers(e.saved()));
      if (last != 0 && ValueNames.readsLast(e.saved())) {
        used.add(last);
      }
      if (e.value() != 0) {
        last = e.value();
      }
      lastResult = e.failed() ? 0 : e.value();
    }
  }

  private void write(List<CommandLog.Entry> entries) {
    CommandLog.Entry previous = null;
    Deque<CommandLog.PythonLine> python = new ArrayDeque<>(ctx.log().pythonLines());
    for (int i = 0; i < entries.size(); i++) {
      // A Python line is written as it was typed, in place of the calls it made.
      while (!python.isEmpty() && python.peek().first() <= i) {
        CommandLog.PythonLine line = python.poll();
        nameServedConnections(line.source(), line.first());
        python(line);
        i = Math.max(i, line.end());
      }
      if (i >= entries.size()) {
        break;
      }
      CommandLog.Entry e = entries.get(i);
      CommandLog.Entry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
      CommandTable.Parsed parsed = parse(e);
      nameServedConnections(e.saved(), i);
      if (parsed == null) {
        comment(e, "sockshell could not read this line again");
      } else if (parsed.command() instanceof Command.Set set) {
        if (set.key().equals(SetCommands.ENCODING) && set.value() != null) {
          try {
            encoding = PyCodecs.lookup(set.value()).name();
          } catch (CodecError err) {
            // It failed in the session too, and changed nothing.
          }
        } else if (set.key().equals(SetCommands.EVENTS) && set.value() != null && !e.failed()) {
          eventLines = set.value().equals("on");
        }
      } else if (parsed.command() instanceof Command.ExpectError) {
        if (previous == null || !previous.failed()) {
          comment(e, "it did not hold");
        }
      } else if (isCheck(e)) {
        expectation(e, parsed, previous);
      } else if (e.failed() && next != null && next.expectsError() && !next.failed()) {
        caught(e, parsed, ((Command.ExpectError) parse(next).command()).expected());
      } else if (e.failed()) {
        comment(e, "it failed: " + e.failure());
      } else if (parsed.command() instanceof Command.Repeat repeat) {
        loop(e, repeat, "");
      } else {
        statement(e, parsed, "");
      }
      if (!isCheck(e)) {
        previous = e;
      }
      if (e.value() != 0) {
        latest = e.value();
      }
    }
    for (CommandLog.PythonLine line : python) {
      nameServedConnections(line.source(), line.first());
      python(line);
    }
  }

  /**
   * Names the connections a background serve accepted (conn1…) that {@code line}, which the session
   * ran when the log held {@code entries} commands, is the first to use: the program's serve
   * accepts them on its own thread, so the name is bound to the one it accepted in the same place,
   * once that has happened. A word that only looks like the name of a connection accepted later (in
   * a string, say) does not wait for it.
   */
  private void nameServedConnections(String line, int entries) {
    Matcher word = WORD.matcher(line);
    while (word.find()) {
      String name = word.group();
      if (servedNamed.contains(name)) {
        continue;
      }
      ctx.log()
          .servedConnection(name)
          .filter(served -> served.entries() <= entries)
          .ifPresent(
              served -> {
                servedNamed.add(name);
                background = true;
                imports.addAll(BackgroundExport.IMPORTS);
                body.add(
                    name
                        + " = background_accepted("
                        + Repr.str(name)
                        + ", "
                        + Repr.str(served.listener())
                        + ", "
                        + served.index()
                        + ")");
              });
    }
  }

  /**
   * A Python line of the session, as it was typed; one that raised is run inside a try that catches
   * what it raised, so that the program goes on as the session did.
   */
  private void python(CommandLog.PythonLine line) {
    String source = ValueNames.rename(line.source().stripTrailing(), -1);
    if (line.raised() == null) {
      body.add(source);
      return;
    }
    body.add("try:");
    source.lines().forEach(l -> body.add(l.isEmpty() ? l : "    " + l));
    body.add("except " + line.raised() + ":");
    body.add("    pass  # it raised " + line.raised() + " in the session too");
  }

  private CommandTable.Parsed parse(CommandLog.Entry e) {
    try {
      return ctx.commands().parse(e.saved());
    } catch (UsageError err) {
      return null;
    }
  }

  private static boolean isCheck(CommandLog.Entry e) {
    return e.saved().startsWith("expect ") || e.saved().equals("expect");
  }

  /** A command as its Python statement, its value kept as {@code _N} if a later line reads it. */
  private void statement(CommandLog.Entry e, CommandTable.Parsed parsed, String indent) {
    String python = pythonOf(parsed.spec(), named(e, parsed.command()));
    if (python == null) {
      comment(e, IT_HAS_NO_PYTHON_EQUIVALENT);
      return;
    }
    if (e.value() != 0 && used.contains(e.value())) {
      python = "_" + e.value() + " = " + python;
    }
    body.add(indent + python);
  }

  /**
   * {@code accept srv} with the name the session gave the connection ({@code conn1}), which later
   * lines call it by, as its value ({@code $N ==> (conn1, addr)}) says.
   */
  private Command named(CommandLog.Entry e, Command command) {
    if (command instanceof Command.Accept a
        && a.newName() == null
        && ctx.values().get(e.value()) instanceof Value.Tuple t
        && !t.items().isEmpty()
        && t.items().get(0) instanceof Value.SocketRef ref) {
      return new Command.Accept(a.name(), ref.name());
    }
    return command;
  }

  private String pythonOf(CommandSpec<?> spec, Command command) {
    command = withHostName(command);
    String python = BackgroundExport.statement(ctx, command, encoding, eventLines);
    if (python != null) {
      background = true;
      imports.addAll(BackgroundExport.IMPORTS);
    } else {
      python = spec.pythonOf(command);
    }
    if (python == null) {
      return null;
    }
    if (python.contains("time.")) {
      imports.add("time");
    }
    if (python.contains("ssl.")) {
      imports.add("ssl");
    }
    if (!encoding.equals("utf-8")) {
      python = python.replace(".encode()", ".encode(" + Repr.str(encoding) + ")");
    }
    return ValueNames.rename(python, latest);
  }

  /**
   * A client's {@code tls} with the host name its socket connected to as {@code --server-hostname},
   * which is what sockshell sent and checked; Python's {@code getpeername()} gives only the
   * address. Notes each {@code connect}'s host name on the way.
   */
  private Command withHostName(Command command) {
    if (command instanceof Command.Connect c) {
      if (c.address() instanceof AddrExpr.HostPort hp && isHostName(hp.host())) {
        hostNames.put(c.name(), hp.host());
      } else {
        hostNames.remove(c.name());
      }
    } else if (command instanceof Command.Tls t
        && !t.server()
        && t.serverHostname() == null
        && hostNames.containsKey(t.name())) {
      return t.withServerHostname(hostNames.get(t.name()));
    }
    return command;
  }

  /** A name to resolve, as sockshell sends for SNI: not an address written out. */
  private static boolean isHostName(String host) {
    return !host.isEmpty() && !Resolver.isLiteral(host);
  }

  /** A command whose error {@code expect error NAME} caught: try, and fail if it does not raise. */
  private void caught(CommandLog.Entry e, CommandTable.Parsed parsed, String expected) {
    String python = pythonOf(parsed.spec(), parsed.command());
    if (python == null) {
      comment(e, IT_HAS_NO_PYTHON_EQUIVALENT);
      return;
    }
    body.add("try:");
    body.add("    " + python);
    body.add("    raise AssertionError(" + Repr.str("expected " + expected) + ")");
    if (ERRNO.matcher(expected).matches()) {
      imports.add("errno");
      body.add("except OSError as e:");
      body.add("    assert e.errno == errno." + expected + ", e");
    } else {
      body.add("except " + exceptionClass(expected) + ":");
      body.add("    pass");
    }
  }

  /** Python's name for an exception class sockshell accepts in {@code expect error}. */
  private static String exceptionClass(String name) {
    return switch (name) {
      case "timeout" -> "TimeoutError";
      case "gaierror", "herror" -> "socket." + name;
      default -> name;
    };
  }

  /** An expectation that held, as an assert of what it compared; one that failed, a comment. */
  private void expectation(
      CommandLog.Entry e, CommandTable.Parsed parsed, CommandLog.Entry previous) {
    if (e.failed()) {
      comment(e, "it did not hold");
      return;
    }
    int value = previous == null || previous.failed() ? 0 : previous.value();
    String check = value == 0 ? null : condition(parsed.command(), "_" + value, value);
    if (check == null) {
      comment(e, "it checks a result Python does not keep");
      return;
    }
    body.add("assert " + check);
  }

  /** The expectation as a Python condition on {@code variable}, or null if it has none. */
  private String condition(Command c, String variable, int value) {
    Value actual = valueOf(value);
    if (c instanceof Command.Expect e) {
      String wanted = literal(e.value(), actual);
      return wanted == null ? null : variable + " == " + wanted;
    } else if (c instanceof Command.ExpectEof) {
      return variable + " == b''";
    } else if (c instanceof Command.ExpectContains e) {
      String data = dataOf(e.data());
      String in = actual instanceof Value.Tuple ? variable + "[0]" : variable;
      return data == null ? null : data + " in " + in;
    } else if (c instanceof Command.ExpectMatches e) {
      imports.add("re");
      String text = actual instanceof Value.Tuple ? variable + "[0]" : variable;
      if (actual instanceof Value.Bytes || actual instanceof Value.Tuple) {
        text += ".decode(" + Repr.str(encoding) + ")";
      }
      return "re.search(" + Repr.str(e.source()) + ", " + text + ")";
    }
    return null;
  }

  /** The kept value {@code $N}, or null if it is no longer kept. */
  private Value valueOf(int number) {
    try {
      return ctx.values().resolve(new Literal.Ref(number, List.of(), 0, 0));
    } catch (UsageError e) {
      return null;
    }
  }

  /**
   * What the literal of an expectation that held stands for, as Python source: text compared with
   * bytes is those bytes, a socket's name compared with an address is its getsockname().
   */
  private String literal(Literal l, Value actual) {
    if (l instanceof Literal.Ref r) {
      StringBuilder ref = new StringBuilder("_" + (r.number() == 0 ? latest : r.number()));
      r.indexes().forEach(i -> ref.append('[').append(i).append(']'));
      return ref.toString();
    }
    if (actual instanceof Value.Bytes) {
      try {
        return Repr.of(new Value.Bytes(Eval.data(ctx, DataExpr.of(l, ""))));
      } catch (UsageError | SocketError e) {
        return null;
      }
    }
    if (actual instanceof Value.Address a) {
      if (l instanceof Literal.Word w
          && ctx.log().entries().stream()
              .anyMatch(e -> e.saved().startsWith("socket " + w.text()))) {
        return w.text() + ".getsockname()";
      }
      try {
        return Repr.of(
            new Value.Address(Eval.address(ctx, AddrExpr.of(l, ""), a.address().family())));
      } catch (UsageError | SocketError e) {
        return null;
      }
    }
    if (actual instanceof Value.Tuple t && l instanceof Literal.Tuple lt) {
      return items(lt.items(), t.items(), "(", lt.items().size() == 1 ? ",)" : ")");
    }
    if (actual instanceof Value.PyList v && l instanceof Literal.ListOf ll) {
      return items(ll.items(), v.items(), "[", "]");
    }
    if (actual instanceof Value.SocketRef s) {
      return s.name();
    }
    return actual == null ? null : Repr.of(actual);
  }

  private String items(List<Literal> literals, List<Value> values, String open, String close) {
    if (literals.size() != values.size()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < literals.size(); i++) {
      String part = literal(literals.get(i), values.get(i));
      if (part == null) {
        return null;
      }
      parts.add(part);
    }
    return open + String.join(", ", parts) + close;
  }

  private String dataOf(DataExpr data) {
    try {
      return Repr.of(new Value.Bytes(Eval.data(ctx, data)));
    } catch (UsageError | SocketError e) {
      return null;
    }
  }

  /** A repeat block: a for or while loop over its body's statements. */
  private void loop(CommandLog.Entry e, Command.Repeat repeat, String indent) {
    body.add(
        indent
            + (repeat.count() == null
                ? "while True:"
                : "for _round in range(" + repeat.count() + "):"));
    String inner = indent + "    ";
    int before = body.size();
    List<Command.Step> steps = repeat.body();
    for (int i = 0; i < steps.size(); i++) {
      Command.Step step = steps.get(i);
      Command.Step next = i + 1 < steps.size() ? steps.get(i + 1) : null;
      if (step.command() instanceof Command.Repeat innerLoop) {
        loop(e, innerLoop, inner);
      } else if (step.command() instanceof Command.Break b) {
        String check = b.condition() == null ? null : condition(b.condition(), "_last", 0);
        if (b.condition() == null) {
          body.add(inner + "break");
        } else if (check != null) {
          body.add(inner + "if " + check + ":");
          body.add(inner + "    break");
        } else {
          body.add(inner + "# " + step.text().strip() + "   (not exported: no Python condition)");
          skipped++;
        }
      } else {
        CommandSpec<?> spec = ctx.commands().find(step.name()).orElse(null);
        String python = spec == null ? null : pythonOf(spec, step.command());
        if (python == null) {
          body.add(inner + "# " + step.text().strip() + "   (not exported: no Python equivalent)");
          skipped++;
        } else {
          boolean read =
              next != null && next.command() instanceof Command.Break b && b.condition() != null;
          body.add(inner + (read ? "_last = " : "") + python);
        }
      }
    }
    if (repeat.every() != null) {
      imports.add("time");
      body.add(
          inner
              + "time.sleep("
              + repeat.every()
              + ")  # sockshell starts a round every "
              + repeat.every()
              + " s");
    }
    if (body.size() == before) {
      body.add(inner + "pass");
    }
  }

  private void comment(CommandLog.Entry e, String why) {
    skipped++;
    List<String> lines = e.line().lines().toList();
    body.add("# " + lines.get(0) + "   (not exported: " + why + ")");
    lines.stream().skip(1).forEach(l -> body.add("# " + l));
  }
}
