package dev.sockshell.commands;

import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
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

  /** An error a command can raise ({@code ECONNREFUSED}) and what it usually means. */
  public record ErrorDoc(String name, String meaning) {}

  public CommandSpec {
    params = List.copyOf(params);
    errors = List.copyOf(errors);
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
