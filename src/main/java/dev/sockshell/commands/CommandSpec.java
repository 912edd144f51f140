package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything about one command in one place: the parser, {@code /help}, completion and the README's
 * command table all read it.
 *
 * @param python the equivalent Python statement for a parsed command, or null for meta commands
 * @param example a line that runs this command, shown by {@code /help NAME}
 * @param errors the errors it can raise and what they usually mean
 */
public record CommandSpec<C extends Command>(
    String name,
    Group group,
    List<Param> params,
    String summary,
    Class<C> type,
    Function<C, String> python,
    String example,
    List<ErrorDoc> errors,
    Binder<C> binder,
    Handler<C> handler) {

  /** Reads a command's arguments (the name already read). */
  @FunctionalInterface
  public interface Binder<C> {
    C bind(Args args) throws UsageError;
  }

  /** Runs a command. */
  @FunctionalInterface
  public interface Handler<C> {
    Outcome run(C command, Context context) throws SocketError, UsageError;
  }

  /**
   * An error a command can raise ({@code ECONNREFUSED}) and what it usually means.
   *
   * @param key the translation key of a meaning several commands share ({@link ErrorDocs}), or null
   *     for a command's own, {@code error.COMMAND.NAME}
   */
  public record ErrorDoc(String name, String meaning, String key) {
    public ErrorDoc(String name, String meaning) {
      this(name, meaning, null);
    }

    /** The key of the meaning's translation when command {@code command} lists it. */
    public String keyFor(String command) {
      return key != null ? key : "error." + command + "." + name;
    }
  }

  public CommandSpec {
    params = List.copyOf(params);
    errors = List.copyOf(errors);
  }

  /**
   * Starts the spec of command {@code name}; the steps name what the record's ten components are,
   * so a family reads as a table: {@code command("send", Group.DATA,
   * Command.Send.class).params(...).summary(...).binder(Send::bind).runner(Send::run).build()}.
   */
  public static <C extends Command> Builder<C> command(String name, Group group, Class<C> type) {
    return new Builder<>(name, group, type);
  }

  /** The named steps of {@link #command}; params, python, example and errors may be left out. */
  public static final class Builder<C extends Command> {
    private final String name;
    private final Group group;
    private final Class<C> type;
    private List<Param> params = List.of();
    private String summary;
    private Function<C, String> python;
    private String example;
    private List<ErrorDoc> errors = List.of();
    private Binder<C> binder;
    private Handler<C> runner;

    private Builder(String name, Group group, Class<C> type) {
      this.name = name;
      this.group = group;
      this.type = type;
    }

    /** The parameters in synopsis order. */
    public Builder<C> params(Param... params) {
      return params(List.of(params));
    }

    public Builder<C> params(List<Param> params) {
      this.params = params;
      return this;
    }

    /** One line for /help's list and the README's table. */
    public Builder<C> summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** The Python a parsed command stands for; meta commands have none. */
    public Builder<C> python(Function<C, String> python) {
      this.python = python;
      return this;
    }

    /** A line that runs this command, shown by /help NAME. */
    public Builder<C> example(String example) {
      this.example = example;
      return this;
    }

    /** The errors it can raise and what they usually mean. */
    public Builder<C> errors(ErrorDoc... errors) {
      return errors(List.of(errors));
    }

    public Builder<C> errors(List<ErrorDoc> errors) {
      this.errors = errors;
      return this;
    }

    /** Reads the arguments into the command record. */
    public Builder<C> binder(Binder<C> binder) {
      this.binder = binder;
      return this;
    }

    /** Runs the command record. */
    public Builder<C> runner(Handler<C> runner) {
      this.runner = runner;
      return this;
    }

    public CommandSpec<C> build() {
      if (summary == null || binder == null || runner == null) {
        throw new IllegalStateException(name + ": a spec needs a summary, a binder and a runner");
      }
      return new CommandSpec<>(
          name, group, params, summary, type, python, example, errors, binder, runner);
    }
  }

  /** {@code bind NAME ADDR}. */
  public String synopsis() {
    if (params.isEmpty()) {
      return name;
    }
    return name + " " + params.stream().map(Param::toString).collect(Collectors.joining(" "));
  }

  /** The summary in the session's language (Chinese from {@code specs_zh}, else the English). */
  public String localizedSummary() {
    return Text.spec("summary." + name, summary);
  }

  public boolean isMeta() {
    return name.startsWith("/");
  }

  /** The Python equivalent of {@code command}, which must be of this spec's type. */
  public String pythonOf(Command command) {
    return python == null ? null : python.apply(type.cast(command));
  }

  Outcome run(Command command, Context context) throws SocketError, UsageError {
    return handler.run(type.cast(command), context);
  }
}
