package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.DATA;
import static dev.sockshell.lang.Param.Kind.ERROR_NAME;
import static dev.sockshell.lang.Param.Kind.TEXT;
import static dev.sockshell.lang.Param.Kind.VALUE;

import dev.sockshell.commands.Context.LastResult;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Suggest;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.net.SocketError;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code expect}: checks on the previous command, for scripts, tests and the console. {@code expect
 * VALUE} compares the result, {@code contains} and {@code matches} look inside it, {@code eof}
 * checks that a recv reached the end of the stream, and {@code error NAME} (or {@code timeout})
 * that the command failed so.
 */
final class ExpectCommands {
  private ExpectCommands() {}

  /**
   * The words after {@code expect} that are forms, not values; {@code expect b'eof'} is a value.
   */
  static final List<String> FORMS = List.copyOf(ConstantDocs.EXPECT_FORMS.keySet());

  /** What is checked: a VALUE, or the word of a form ({@code contains}, {@code error}…). */
  private static final Param CHECK =
      Param.of("VALUE | contains DATA | matches /REGEX/ | eof | timeout | error NAME", VALUE);

  /** The DATA of {@code contains DATA}. */
  private static final Param CONTAINED = Param.of("DATA", DATA);

  /** The /REGEX/ of {@code matches /REGEX/}, the raw rest of the line. */
  private static final Param REGEX = Param.of("/REGEX/", TEXT);

  /** The NAME of {@code error NAME}: a Python exception class or an errno symbol. */
  private static final Param ERROR = Param.of("NAME", ERROR_NAME);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("expect", Group.CHECKS, Command.class)
            .params(CHECK)
            .summary(
                "check the previous command: its result equals VALUE, contains DATA, matches"
                    + " /REGEX/ (decoded), is EOF, or it raised TimeoutError or the error NAME")
            .example("expect b'message received by server'")
            .binder(ExpectCommands::bind)
            .python(ExpectCommands::python)
            .runner(ExpectCommands::check)
            .build());
  }

  static Command bind(Args a) throws UsageError {
    Token first = a.next(CHECK, Text.get("usage.what.expect", String.join(", ", FORMS)));
    switch (first.text()) {
      case "error":
        Command.ExpectError error = new Command.ExpectError(errorName(a));
        a.end();
        return error;
      case "timeout":
        a.end();
        return new Command.ExpectError(PyException.TimeoutError.name());
      case "eof":
        a.end();
        return new Command.ExpectEof();
      case "contains":
        Command.ExpectContains contains = new Command.ExpectContains(a.data(CONTAINED));
        a.end();
        return contains;
      case "matches":
        return regex(a.rest(REGEX, Text.get("usage.what.regex")));
      default:
        Literal value = a.value(first, CHECK);
        a.end();
        return new Command.Expect(value, first.text());
    }
  }

  private static String errorName(Args a) throws UsageError {
    Token name = a.next(ERROR, Text.get("usage.what.error"));
    if (Errno.byName(name.text()).isPresent() || PyException.byName(name.text()).isPresent()) {
      return name.text();
    }
    String close = Suggest.closest(name.text(), ConstantDocs.errorNames());
    throw new UsageError(
        close != null
            ? Text.get("usage.expect.error.name.close", name.text(), close)
            : Text.get("usage.expect.error.name", name.text()),
        name.start());
  }

  /**
   * {@code /REGEX/} from the raw rest of the line, so quotes and brackets need no escaping. The
   * regex ends at the last '/' followed by nothing or a {@code #} comment.
   */
  private static Command regex(Token rest) throws UsageError {
    String text = rest.text();
    if (!text.startsWith("/")) {
      throw new UsageError(Text.get("usage.slashes", text), rest.start());
    }
    int close = -1;
    for (int i = text.length() - 1; i > 0; i--) {
      String after = text.substring(i + 1).strip();
      if (text.charAt(i) == '/' && (after.isEmpty() || after.startsWith("#"))) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      int last = text.lastIndexOf('/');
      if (last > 0 && text.substring(last + 1).matches("[a-zA-Z]+")) {
        // Perl's and JavaScript's /re/i: Python puts the flags in the pattern.
        throw new UsageError(
            Text.get("usage.regex.flags", text.substring(last + 1), text.substring(1, last)),
            rest.start() + last + 1);
      }
      throw new UsageError(Text.get("usage.regex.unclosed"), rest.start());
    }
    String source = text.substring(1, close);
    try {
      return new Command.ExpectMatches(Pattern.compile(source), source);
    } catch (PatternSyntaxException e) {
      int at = e.getIndex() >= 0 ? rest.start() + 1 + e.getIndex() : rest.start();
      throw new UsageError(Text.get("usage.regex.bad", e.getDescription()), at);
    }
  }

  static String python(Command c) {
    if (c instanceof Command.ExpectError e) {
      return "except " + e.expected() + ": pass";
    } else if (c instanceof Command.ExpectContains e) {
      return "assert " + Py.data(e.data()) + " in _";
    } else if (c instanceof Command.ExpectMatches e) {
      return "assert re.search(r'" + e.source() + "', _.decode())";
    } else if (c instanceof Command.ExpectEof) {
      return "assert _ == b''";
    }
    return "assert _ == " + ((Command.Expect) c).source();
  }

  static Outcome check(Command c, Context ctx) throws UsageError {
    LastResult last = ctx.last();
    if (last == null) {
      return failed(Text.get("expect.nothing"));
    }
    if (c instanceof Command.ExpectError e) {
      return checkError(e.expected(), last);
    }
    String wanted = wanted(c, ctx);
    if (last.error() != null) {
      return failed(Text.get("expect.but.failed", wanted, last.line(), last.error()));
    }
    boolean passed;
    try {
      passed = Expectations.holds(c, last.outcome(), ctx);
    } catch (SocketError e) {
      // e.g. expect 5 after getsockname: 5 read as an address is a TypeError, and it does not hold.
      return failed(
          Text.get(
              "expect.unreadable",
              wanted,
              e,
              Expectations.shown(last.outcome().value()),
              last.line()));
    } catch (Expectations.NotText e) {
      return failed(e.getMessage());
    }
    if (passed) {
      return new Outcome.Checked(true, Text.get("expect.ok"));
    }
    return failed(
        Text.get("expect.got", wanted, Expectations.shown(last.outcome().value()), last.line()));
  }

  /** What the expectation asks for, as the failure message says it. */
  private static String wanted(Command c, Context ctx) throws UsageError {
    if (c instanceof Command.Expect e && e.value() instanceof Literal.Ref r) {
      // expect $3: say what $3 holds, or the message shows two unknowns.
      return e.source() + " = " + Expectations.shown(ctx.values().resolve(r));
    }
    if (c instanceof Command.ExpectContains e) {
      return Text.get("expect.wanted.contains", e.data().source());
    } else if (c instanceof Command.ExpectMatches e) {
      return Text.get("expect.wanted.match", e.source());
    } else if (c instanceof Command.ExpectEof) {
      return Text.get("expect.wanted.eof");
    }
    return ((Command.Expect) c).source();
  }

  private static Outcome checkError(String expected, LastResult last) {
    SocketError error = last.error();
    if (error == null) {
      return failed(
          Text.get(
              "expect.but.succeeded",
              expected,
              last.line(),
              Expectations.shown(last.outcome().value())));
    }
    return ExpectedErrors.names(expected, error)
        ? new Outcome.Checked(
            true,
            Text.get(
                "expect.ok.error",
                error.type().pythonName()
                    + (error.errno() != null ? " [" + error.errno() + "]" : "")))
        : failed(Text.get("expect.got.error", expected, error));
  }

  private static Outcome failed(String message) {
    return new Outcome.Checked(false, message);
  }
}
