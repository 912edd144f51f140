package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;
import static dev.sockshell.lang.Param.Kind.PATH;

import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What scripts need besides socket calls: {@code sleep} to pace them, {@code unlink} to remove the
 * file an AF_UNIX socket leaves behind.
 */
final class ScriptCommands {
  private ScriptCommands() {}

  private static final Param SECONDS = Param.of("SECONDS", NUMBER);

  private static final Param FILE = Param.of("PATH", PATH);

  private static final Param MISSING_OK =
      Param.constant("--missing-ok", true, List.of("--missing-ok"));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("sleep", Group.CHECKS, Command.Sleep.class)
            .params(SECONDS)
            .summary("wait SECONDS (e.g. 0.5); Ctrl-C ends the wait early")
            .example("sleep 0.5")
            .errors(new ErrorDoc("KeyboardInterrupt", "Ctrl-C ended the wait"))
            .binder(ScriptCommands::bindSleep)
            .python(ScriptCommands::pythonOfSleep)
            .runner(ScriptCommands::runSleep)
            .build(),
        CommandSpec.command("unlink", Group.SOCKETS, Command.Unlink.class)
            .params(FILE, MISSING_OK)
            .summary("remove a file, such as the one an AF_UNIX socket leaves after close")
            .example("unlink ./demo.sock")
            .errors(
                new ErrorDoc("FileNotFoundError", "there is no such file (--missing-ok allows it)"),
                new ErrorDoc("IsADirectoryError", "the path is a directory"))
            .binder(ScriptCommands::bindUnlink)
            .python(ScriptCommands::pythonOfUnlink)
            .runner(ScriptCommands::runUnlink)
            .build());
  }

  private static Command.Sleep bindSleep(Args a) throws UsageError {
    double seconds = a.seconds(SECONDS);
    a.end();
    return new Command.Sleep(seconds);
  }

  private static Outcome runSleep(Command.Sleep c, Context ctx) throws SocketError {
    ctx.session().waiter().sleep(c.seconds());
    return new Outcome.Done(Text.get("feedback.slept", seconds(c.seconds())));
  }

  private static String pythonOfSleep(Command.Sleep c) {
    return "time.sleep(" + seconds(c.seconds()) + ")";
  }

  private static Outcome runUnlink(Command.Unlink c, Context ctx) throws SocketError {
    return unlink(c);
  }

  private static String pythonOfUnlink(Command.Unlink c) {
    return c.missingOk()
        ? "pathlib.Path(" + Repr.str(c.path()) + ").unlink(missing_ok=True)"
        : "os.unlink(" + Repr.str(c.path()) + ")";
  }

  private static Command.Unlink bindUnlink(Args a) throws UsageError {
    Token t = a.next(FILE);
    if (t.text().equals("--missing-ok") && !a.hasMore()) {
      throw new UsageError(Text.get("unlink.missing.path"), t.start());
    }
    Literal path = LiteralParser.parse(t);
    String text =
        path instanceof Literal.Text s
            ? s.text()
            : path instanceof Literal.Word w ? w.text() : null;
    if (text == null || text.isEmpty()) {
      throw new UsageError(Text.get("unlink.path"), t.start());
    }
    boolean missingOk = false;
    if (a.hasMore()) {
      Token option = a.next(MISSING_OK);
      if (!option.text().equals("--missing-ok")) {
        throw new UsageError(Text.get("unlink.unexpected", option.text()), option.start());
      }
      missingOk = true;
    }
    a.end();
    return new Command.Unlink(text, missingOk);
  }

  /** Relative to the working directory, as bind resolves an AF_UNIX path (and os.unlink does). */
  private static Outcome unlink(Command.Unlink c) throws SocketError {
    Path path = Path.of(Eval.checkedPath(c.path()));
    try {
      if (Files.isDirectory(path)) {
        throw SocketError.of(Errno.EISDIR).at(c.path());
      }
      Files.delete(path);
      return new Outcome.Done(Text.get("feedback.removed", c.path()));
    } catch (NoSuchFileException e) {
      if (c.missingOk()) {
        return new Outcome.Done(Text.get("feedback.not.there", c.path()));
      }
      throw SocketError.of(Errno.ENOENT).at(c.path());
    } catch (AccessDeniedException e) {
      throw SocketError.of(Errno.EACCES).at(c.path());
    } catch (IOException e) {
      throw SocketError.python(PyException.OSError, String.valueOf(e.getMessage())).at(c.path());
    }
  }

  /** As Python prints the float: {@code 0.5}, {@code 2.0}. */
  static String seconds(double s) {
    return Repr.of(new Value.Float(s));
  }
}
