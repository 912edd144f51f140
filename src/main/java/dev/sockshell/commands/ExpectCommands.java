package dev.sockshell.commands;

import static dev.sockshell.commands.Param.Kind.VALUE;

import dev.sockshell.commands.Context.LastResult;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.Repr;
import java.util.ArrayList;
import java.util.List;

/** expect VALUE, expect error NAME: checks on the previous command, for scripts and tests. */
final class ExpectCommands {
  private ExpectCommands() {}

  static List<CommandSpec<?>> specs() {
    return List.of(
        new CommandSpec<>(
            "expect",
            Group.CHECKS,
            List.of(Param.of("VALUE | error NAME", VALUE)),
            "check the previous command's result (or, with error NAME, that it failed so)",
            Command.class,
            ExpectCommands::python,
            "expect b'message received by server'",
            List.of(),
            ExpectCommands::bind,
            ExpectCommands::check));
  }

  private static Command bind(Args a) throws UsageError {
    Token first = a.next("VALUE, or error NAME");
    if (first.text().equals("error")) {
      Token name =
          a.next("the error: a Python class (ConnectionRefusedError) or errno (ECONNREFUSED)");
      if (Errno.byName(name.text()).isEmpty() && PyException.byName(name.text()).isEmpty()) {
        List<String> known = new ArrayList<>();
        for (Errno e : Errno.values()) {
          known.add(e.name());
        }
        for (PyException p : PyException.values()) {
          known.add(p.name());
        }
        String close = Suggest.closest(name.text(), known);
        throw new UsageError(
            "'"
                + name.text()
                + "' is neither a Python exception class nor an"
                + " errno symbol"
                + (close != null ? "; did you mean " + close + "?" : ""),
            name.start());
      }
      a.end();
      return new Command.ExpectError(name.text());
    }
    Literal value = LiteralParser.parse(first);
    a.end();
    return new Command.Expect(value, first.text());
  }

  private static String python(Command c) {
    if (c instanceof Command.ExpectError e) {
      return "except " + e.expected() + ": pass";
    }
    return "assert _ == " + ((Command.Expect) c).source();
  }

  private static Outcome check(Command c, Context ctx) throws UsageError, SocketError {
    LastResult last = ctx.last();
    if (last == null) {
      return new Outcome.Checked(false, "nothing to check: no command has run yet");
    }
    if (c instanceof Command.ExpectError e) {
      return checkError(e.expected(), last);
    }
    Command.Expect expect = (Command.Expect) c;
    if (last.error() != null) {
      return new Outcome.Checked(
          false,
          "expected " + expect.source() + ", but `" + last.line() + "` failed: " + last.error());
    }
    var actual = last.outcome().value();
    if (Expectations.matches(expect.value(), actual, ctx)) {
      return new Outcome.Checked(true, "ok");
    }
    return new Outcome.Checked(false, "expected " + expect.source() + ", got " + Repr.of(actual));
  }

  private static Outcome checkError(String expected, LastResult last) {
    SocketError error = last.error();
    if (error == null) {
      return new Outcome.Checked(
          false,
          "expected "
              + expected
              + ", but `"
              + last.line()
              + "` succeeded: "
              + Repr.of(last.outcome().value()));
    }
    var errno = Errno.byName(expected);
    boolean matched =
        errno.isPresent()
            ? errno.get() == error.errno()
            : error.type().isA(PyException.byName(expected).orElseThrow());
    return matched
        ? new Outcome.Checked(
            true,
            "ok: "
                + error.type().pythonName()
                + (error.errno() != null ? " [" + error.errno() + "]" : ""))
        : new Outcome.Checked(false, "expected " + expected + ", got " + error);
  }
}
