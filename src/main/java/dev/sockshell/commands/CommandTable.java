package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.RepeatBlocks;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every command sockshell knows, by name, in /help order; parses lines into commands. */
public final class CommandTable {

  /**
   * A line read as a command, ready to run.
   *
   * @param bound the line's words as its binder read them ({@link Args#bound}); empty for a block
   *     and for a command not read from this line
   */
  public record Parsed(CommandSpec<?> spec, Command command, String line, List<Args.Bound> bound) {
    public Parsed(CommandSpec<?> spec, Command command, String line) {
      this(spec, command, line, List.of());
    }
  }

  /** Words people type from habit (Python's REPL, JShell) and what they mean here. */
  private static final Map<String, String> ALIASES =
      Map.of("help", "/help", "exit", "/exit", "quit", "/exit", "/quit", "/exit", "/?", "/help");

  /** How many command families there are; see {@link #family}. */
  private static final int FAMILIES = 13;

  /**
   * The specs of the families built so far, by name. Building a family links its lambdas (a few
   * milliseconds each); a script pays only for the families it uses, because lookups try them in
   * {@link #family} order and stop at the first that has the name.
   */
  private final Map<String, CommandSpec<?>> built = new HashMap<>();

  /** The families built so far, in {@link #family} order. */
  private final List<List<CommandSpec<?>>> families = new ArrayList<>();

  /** Every spec, in /help order, once all families are built. */
  private volatile Map<String, CommandSpec<?>> ordered;

  private CommandTable() {}

  public static CommandTable standard() {
    return new CommandTable();
  }

  /** The specs of family {@code i}: the calls most scripts make first, the meta commands last. */
  private static List<CommandSpec<?>> family(int i) {
    return switch (i) {
      case 0 -> SocketCommands.specs();
      case 1 -> ConnectionCommands.specs();
      case 2 -> DataCommands.specs();
      case 3 -> OptionCommands.specs();
      case 4 -> ExpectCommands.specs();
      case 5 -> ScriptCommands.specs();
      case 6 -> ReadinessCommands.specs();
      case 7 -> FileCommands.specs();
      case 8 -> LoopCommands.specs();
      case 9 -> BackgroundCommands.specs();
      case 10 -> RuleCommands.specs();
      case 11 -> TlsCommands.specs();
      case 12 -> SessionCommands.specs();
      default -> throw new IllegalArgumentException("no family " + i);
    };
  }

  /** Builds the whole table now, e.g. on a background thread before anyone types. */
  public void warmUp() {
    specs();
  }

  /** The spec called {@code name}, building families in order until one has it. */
  private synchronized CommandSpec<?> lookup(String name) {
    CommandSpec<?> spec = built.get(name);
    while (spec == null && families.size() < FAMILIES) {
      List<CommandSpec<?>> family = family(families.size());
      families.add(family);
      for (CommandSpec<?> s : family) {
        if (built.put(s.name(), s) != null) {
          throw new IllegalStateException("two commands called " + s.name());
        }
      }
      spec = built.get(name);
    }
    return spec;
  }

  /** Every spec by name, in /help order (by group, then family). */
  private Map<String, CommandSpec<?>> specs() {
    Map<String, CommandSpec<?>> specs = ordered;
    if (specs == null) {
      synchronized (this) {
        lookup(""); // no command has the empty name: this builds every family
        Map<String, CommandSpec<?>> inOrder = new LinkedHashMap<>();
        for (Group group : Group.values()) {
          for (List<CommandSpec<?>> family : families) {
            for (CommandSpec<?> spec : family) {
              if (spec.group() == group) {
                inOrder.put(spec.name(), spec);
              }
            }
          }
        }
        specs = Collections.unmodifiableMap(inOrder);
        ordered = specs;
      }
    }
    return specs;
  }

  public Collection<CommandSpec<?>> all() {
    return specs().values();
  }

  public List<String> names() {
    return new ArrayList<>(specs().keySet());
  }

  public Optional<CommandSpec<?>> find(String name) {
    return Optional.ofNullable(lookup(canonical(name)));
  }

  /** True when {@code name} is a command's: {@link #find} without an Optional per line asked. */
  public boolean knows(String name) {
    return lookup(canonical(name)) != null;
  }

  /**
   * The spec name a typed command word stands for: an alias's target, {@code /N} for {@code /12}.
   */
  private static String canonical(String word) {
    // Only /N and /-N can be numbers: no regular expression for every other word (a script's
    // every command comes through here).
    if (isRerunNumber(word)) {
      return word.startsWith("/-") ? "/-N" : "/N";
    }
    return ALIASES.getOrDefault(word, word);
  }

  /**
   * {@code /12} and {@code /-2}: re-run a command of /history, JShell style. Checked by hand: a
   * regular expression compiled when this class loads was 2% of a one-line script's main thread.
   */
  static boolean isRerunNumber(String word) {
    int digits = word.startsWith("/-") ? 2 : word.startsWith("/") ? 1 : word.length();
    if (digits >= word.length()) {
      return false;
    }
    for (int i = digits; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True for lines with nothing to run: blank, or only a comment. */
  public static boolean isBlank(String line) {
    return new Scanner(line).atEnd();
  }

  /**
   * Reads {@code text} as a command: one line, or a block ({@code repeat}, its body, {@code end}),
   * whose body is parsed here too.
   *
   * @throws UsageError saying what is wrong and where (in a block, on which line), with the
   *     command's synopsis if known
   */
  public Parsed parse(String text) throws UsageError {
    int newline = text.indexOf('\n');
    if (newline < 0) {
      Parsed known = recent.get(text);
      if (known != null) {
        return known;
      }
    }
    Parsed first = parseLine(newline < 0 ? text : text.substring(0, newline));
    if (first.command() instanceof Command.Repeat header) {
      Command block = BlockParser.withBody(this, header, text.split("\n", -1));
      return new Parsed(first.spec(), block, text);
    } else if (newline >= 0) {
      throw UsageError.general(Text.get("usage.block.only"))
          .onBlockLine(1, text.substring(newline + 1).lines().findFirst().orElse(""));
    }
    remember(first);
    return first;
  }

  /**
   * Lines parsed lately, by their text. A binder reads only the line's words (never the session),
   * and a parsed command is immutable, so a line that comes again (a script of repeated calls, a
   * loop's body, /N) is parsed once, as Python compiles a loop's body once: parsing was a tenth of
   * a scripted UDP call's CPU. Bounded: forgotten wholesale when full, and long lines are not kept.
   */
  private final Map<String, Parsed> recent = new ConcurrentHashMap<>();

  private static final int RECENT_LINES = 256;
  private static final int RECENT_LENGTH = 512;

  private void remember(Parsed parsed) {
    if (parsed.line().length() > RECENT_LENGTH || parsed.command() instanceof Command.Repeat) {
      return;
    }
    if (recent.size() >= RECENT_LINES) {
      recent.clear();
    }
    recent.put(parsed.line(), parsed);
  }

  /** One line read as a command; a block's first line without its body. */
  private Parsed parseLine(String line) throws UsageError {
    Scanner scanner = new Scanner(line);
    Token word = scanner.next();
    if (word == null) {
      throw UsageError.general(Text.get("usage.line.empty"));
    }
    CommandSpec<?> spec = find(word.text()).orElseThrow(() -> unknown(word, line));
    try {
      Args args = new Args(scanner, word);
      Command command = spec.binder().bind(args);
      return new Parsed(spec, command, line, args.bound());
    } catch (UsageError e) {
      throw e.withUsage(spec.synopsis());
    }
  }

  /**
   * True for a line that opens a repeat block but is wrong whatever lines follow it ({@code repeat
   * x}): the console runs it at once, so that its error shows before the body is typed.
   */
  public boolean blockHeaderIsWrong(String line) {
    if (!RepeatBlocks.opens(line)) {
      return false;
    }
    try {
      parseLine(line);
      return false;
    } catch (UsageError e) {
      return true;
    }
  }

  private UsageError unknown(Token word, String line) {
    // $3, _, _[1]: a value typed alone, as JShell and Python show one. (Compiled here, on the
    // error path, rather than at start-up, which every script pays for.)
    if (word.text().matches("(\\$\\d+|_)(\\[\\d+])*")) {
      return new UsageError(Text.get("usage.value.alone", word.text()), word.start());
    }
    List<String> known = new ArrayList<>(specs().keySet());
    known.addAll(ALIASES.keySet());
    String close = Suggest.closest(word.text(), known);
    String python = PythonHabits.inSockshell(line, names(), this::parses);
    if (python != null) {
      return new UsageError(Text.get("usage.python.write", python), word.start());
    }
    String called = PythonHabits.calledCommand(line, names());
    if (called != null) {
      return new UsageError(Text.get("usage.python.help", called), word.start());
    }
    return new UsageError(
        close != null
            ? Text.get("usage.command.close", word.text(), ALIASES.getOrDefault(close, close))
            : Text.get("usage.command.unknown", word.text()),
        word.start());
  }

  /** True if {@code line} parses as a command. */
  boolean parses(String line) {
    try {
      parse(line);
      return true;
    } catch (UsageError e) {
      return false;
    }
  }

  /**
   * What to tell of a line of Python's socket API that sockshell cannot run as Python: the command
   * to write (only one that parses, so it runs as printed), or the /help page of the command the
   * call stands for; null if the line is no such call.
   */
  public String sockshellFor(String python) {
    String command = PythonHabits.inSockshell(python, names(), this::parses);
    if (command != null) {
      return "in sockshell write: " + command;
    }
    String called = PythonHabits.calledCommand(python, names());
    return called == null ? null : Text.get("usage.python.see.help", called);
  }

  /** Runs a parsed command; a socket error gets a hint saying what it usually means. */
  public Outcome run(Parsed parsed, Context context) throws SocketError, UsageError {
    try {
      return parsed.spec().run(parsed.command(), context);
    } catch (SocketError e) {
      throw TimeWaitHint.point(Hints.complete(parsed.spec().name(), e), context);
    }
  }
}
