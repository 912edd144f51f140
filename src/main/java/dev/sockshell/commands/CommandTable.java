package dev.sockshell.commands;

import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Scanner;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every command sockshell knows, by name, in /help order; parses lines into commands. */
public final class CommandTable {
  /** A line read as a command, ready to run. */
  public record Parsed(CommandSpec<?> spec, Command command, String line) {}

  /** Words people type from habit (Python's REPL, JShell) and what they mean here. */
  private static final Map<String, String> ALIASES =
      Map.of("help", "/help", "exit", "/exit", "quit", "/exit", "/quit", "/exit", "/?", "/help");

  /** {@code /12} and {@code /-2}: re-run a command of /history, JShell style. */
  private static final Pattern RERUN_NUMBER = Pattern.compile("/-?[0-9]+");

  private final Map<String, CommandSpec<?>> byName = new LinkedHashMap<>();

  private CommandTable(List<List<CommandSpec<?>>> families) {
    for (Group group : Group.values()) {
      for (List<CommandSpec<?>> family : families) {
        for (CommandSpec<?> spec : family) {
          if (spec.group() == group && byName.put(spec.name(), spec) != null) {
            throw new IllegalStateException("two commands called " + spec.name());
          }
        }
      }
    }
  }

  public static CommandTable standard() {
    return new CommandTable(
        List.of(
            SocketCommands.specs(),
            ConnectionCommands.specs(),
            DataCommands.specs(),
            FileCommands.specs(),
            OptionCommands.specs(),
            ReadinessCommands.specs(),
            ExpectCommands.specs(),
            ScriptCommands.specs(),
            SessionCommands.specs()));
  }

  public Collection<CommandSpec<?>> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  public Optional<CommandSpec<?>> find(String name) {
    return Optional.ofNullable(byName.get(canonical(name)));
  }

  /**
   * The spec name a typed command word stands for: an alias's target, {@code /N} for {@code /12}.
   */
  private static String canonical(String word) {
    if (RERUN_NUMBER.matcher(word).matches()) {
      return word.startsWith("/-") ? "/-N" : "/N";
    }
    return ALIASES.getOrDefault(word, word);
  }

  /** True for lines with nothing to run: blank, or only a comment. */
  public static boolean isBlank(String line) {
    return new Scanner(line).atEnd();
  }

  /**
   * Reads {@code line} as a command.
   *
   * @throws UsageError saying what is wrong and where, with the command's synopsis if known
   */
  public Parsed parse(String line) throws UsageError {
    Scanner scanner = new Scanner(line);
    Token word = scanner.next();
    if (word == null) {
      throw UsageError.general("empty line");
    }
    CommandSpec<?> spec = find(word.text()).orElseThrow(() -> unknown(word, line));
    try {
      Command command = spec.binder().bind(new Args(scanner, word));
      return new Parsed(spec, command, line);
    } catch (UsageError e) {
      throw e.withUsage(spec.synopsis());
    }
  }

  private UsageError unknown(Token word, String line) {
    List<String> known = new ArrayList<>(byName.keySet());
    known.addAll(ALIASES.keySet());
    String close = Suggest.closest(word.text(), known);
    String python = PythonHabits.inSockshell(line, byName.keySet());
    if (python != null) {
      return new UsageError("that is Python; in sockshell write: " + python, word.start());
    }
    String tip =
        close != null
            ? "did you mean " + ALIASES.getOrDefault(close, close) + "?"
            : "/help lists the commands";
    return new UsageError("unknown command '" + word.text() + "'; " + tip, word.start());
  }

  /** Runs a parsed command; a socket error gets a hint saying what it usually means. */
  public Outcome run(Parsed parsed, Context context) throws SocketError, UsageError {
    try {
      return parsed.spec().run(parsed.command(), context);
    } catch (SocketError e) {
      throw Hints.complete(parsed.spec().name(), e);
    }
  }
}
