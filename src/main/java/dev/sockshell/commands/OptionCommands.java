package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.NUMBER;

import dev.sockshell.commands.CommandSpec.ErrorDoc;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.OptionValue;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.Timeout;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** setsockopt, getsockopt, settimeout, gettimeout, setblocking. */
final class OptionCommands {
  private OptionCommands() {}

  static final Map<String, SockOpt> OPTIONS = SocketCommands.constants(SockOpt.values());
  static final Map<String, SockOpt.Level> LEVELS = SocketCommands.constants(SockOpt.Level.values());
  private static final Map<String, Boolean> BOOLEANS =
      Map.of("TRUE", true, "FALSE", false, "1", true, "0", false, "ON", true, "OFF", false);

  // Two parameters for the synopsis "[LEVEL] OPTION", so completion offers the levels and the
  // options where the level may go, and only the options after a level.
  private static final Param LEVEL = Param.constant("LEVEL", true, List.copyOf(LEVELS.keySet()));
  private static final Param OPTION =
      Param.constant("OPTION", false, List.copyOf(OPTIONS.keySet()));

  /** setsockopt's VALUE: a number, or True/False; SO_LINGER's ONOFF. */
  private static final Param VALUE = Param.of("VALUE", NUMBER);

  /** The SECONDS of SO_LINGER's {@code ONOFF SECONDS}. */
  private static final Param LINGER_SECONDS = Param.of("SECONDS", NUMBER);

  private static final Param TIMEOUT = Param.of("SECONDS|none", NUMBER);

  private static final Param FLAG = Param.constant("FLAG", false, List.of("True", "False"));

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("setsockopt", Group.OPTIONS, Command.SetSockOpt.class)
            .params(Params.NAME, LEVEL, OPTION, VALUE)
            .summary(
                "set a socket option, e.g. SO_REUSEADDR 1 before bind; SO_LINGER takes ONOFF SECONDS")
            .example("setsockopt srv SOL_SOCKET SO_REUSEADDR 1")
            .errors(
                new ErrorDoc("ENOPROTOOPT", "the option does not apply to this kind of socket"),
                new ErrorDoc("EOPNOTSUPP", "not for this family (AF_UNIX has only SOL_SOCKET)"),
                new ErrorDoc("EINVAL", "the value is out of range, or too late (after bind)"),
                new ErrorDoc("OSError", "the JVM cannot reach this option on this socket"))
            .binder(OptionCommands::bindSet)
            .python(OptionCommands::pythonOfSetSockOpt)
            .runner(OptionCommands::runSetSockOpt)
            .build(),
        CommandSpec.command("getsockopt", Group.OPTIONS, Command.GetSockOpt.class)
            .params(Params.NAME, LEVEL, OPTION)
            .summary("the option's value as the OS reports it (Linux doubles SO_RCVBUF/SO_SNDBUF)")
            .example("getsockopt srv SO_REUSEADDR")
            .errors(
                new ErrorDoc("ENOPROTOOPT", "the option does not apply to this socket"),
                new ErrorDoc("EOPNOTSUPP", "not for this family or type"),
                new ErrorDoc("OSError", "the JVM cannot read this option on this socket"))
            .binder(OptionCommands::bindGetSockOpt)
            .python(OptionCommands::pythonOfGetSockOpt)
            .runner(OptionCommands::runGetSockOpt)
            .build(),
        CommandSpec.command("settimeout", Group.OPTIONS, Command.SetTimeout.class)
            .params(Params.NAME, TIMEOUT)
            .summary(
                "bound every blocking call: TimeoutError after SECONDS; none blocks; 0 non-blocking")
            .example("settimeout srv 2.5")
            .binder(OptionCommands::bindSetTimeout)
            .python(OptionCommands::pythonOfSetTimeout)
            .runner(OptionCommands::runSetTimeout)
            .build(),
        CommandSpec.command("gettimeout", Group.OPTIONS, Command.GetTimeout.class)
            .params(Params.NAME)
            .summary("the timeout in seconds, or None when calls block without limit")
            .example("gettimeout srv")
            .binder(OptionCommands::bindGetTimeout)
            .python(OptionCommands::pythonOfGetTimeout)
            .runner(OptionCommands::runGetTimeout)
            .build(),
        CommandSpec.command("setblocking", Group.OPTIONS, Command.SetBlocking.class)
            .params(Params.NAME, FLAG)
            .summary("False: calls that would wait fail with BlockingIOError; True: they wait")
            .example("setblocking cli False")
            .binder(OptionCommands::bindSetBlocking)
            .python(OptionCommands::pythonOfSetBlocking)
            .runner(OptionCommands::runSetBlocking)
            .build());
  }

  private static Outcome runSetSockOpt(Command.SetSockOpt c, Context ctx)
      throws SocketError, UsageError {
    NetSocket s = Eval.socket(ctx, c.name());
    OptionValue.Reading now = s.setOption(c.option(), c.value());
    return new Outcome.Done(
        c.name()
            + " "
            + c.option()
            + " = "
            + now.value()
            + (now.notFromOs() == null ? "" : " (" + now.notFromOs() + ")"));
  }

  private static String pythonOfSetSockOpt(Command.SetSockOpt c) {
    return c.name()
        + ".setsockopt(socket."
        + c.option().level()
        + ", socket."
        + c.option()
        + ", "
        + (c.value() instanceof OptionValue.Linger l
            ? "struct.pack('ii', " + (l.on() ? 1 : 0) + ", " + l.seconds() + ")"
            : c.value())
        + ")";
  }

  private static Command.GetSockOpt bindGetSockOpt(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    SockOpt option = option(a);
    a.end();
    return new Command.GetSockOpt(name, option);
  }

  private static Outcome runGetSockOpt(Command.GetSockOpt c, Context ctx)
      throws SocketError, UsageError {
    OptionValue.Reading r = Eval.socket(ctx, c.name()).getOption(c.option());
    Value value =
        r.value() instanceof OptionValue.Linger l
            ? Value.Tuple.of(new Value.Int(l.on() ? 1 : 0), new Value.Int(l.seconds()))
            : new Value.Int(((OptionValue.Int) r.value()).value());
    return new Outcome.Returned(
        value, r.notFromOs() == null ? null : "not read from the OS: " + r.notFromOs());
  }

  private static String pythonOfGetSockOpt(Command.GetSockOpt c) {
    return c.option() == SockOpt.SO_LINGER
        ? "struct.unpack('ii', " + c.name() + ".getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))"
        : c.name() + ".getsockopt(socket." + c.option().level() + ", socket." + c.option() + ")";
  }

  private static Command.SetTimeout bindSetTimeout(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Timeout timeout = timeout(a);
    a.end();
    return new Command.SetTimeout(name, timeout);
  }

  private static Outcome runSetTimeout(Command.SetTimeout c, Context ctx)
      throws SocketError, UsageError {
    Eval.socket(ctx, c.name()).setTimeout(c.timeout());
    return new Outcome.Done(describe(c.name(), c.timeout()));
  }

  private static String pythonOfSetTimeout(Command.SetTimeout c) {
    return c.name() + ".settimeout(" + timeoutRepr(c.timeout()) + ")";
  }

  private static Command.GetTimeout bindGetTimeout(Args a) throws UsageError {
    return new Command.GetTimeout(SocketCommands.named(a));
  }

  private static Outcome runGetTimeout(Command.GetTimeout c, Context ctx) throws UsageError {
    Timeout t = Eval.socket(ctx, c.name()).timeout();
    return new Outcome.Returned(t.isBlocking() ? Value.NONE : new Value.Float(t.seconds()));
  }

  private static String pythonOfGetTimeout(Command.GetTimeout c) {
    return c.name() + ".gettimeout()";
  }

  private static Command.SetBlocking bindSetBlocking(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token t = a.next(FLAG, Text.get("usage.what.flag"));
    boolean flag =
        Args.choiceOf(t, "FLAG", BOOLEANS)
            .orElseThrow(() -> new UsageError(Text.get("usage.flag", t.text()), t.start()));
    a.end();
    return new Command.SetBlocking(name, flag);
  }

  private static Outcome runSetBlocking(Command.SetBlocking c, Context ctx)
      throws SocketError, UsageError {
    Timeout t = c.blocking() ? Timeout.BLOCKING : Timeout.NON_BLOCKING;
    Eval.socket(ctx, c.name()).setTimeout(t);
    return new Outcome.Done(describe(c.name(), t));
  }

  private static String pythonOfSetBlocking(Command.SetBlocking c) {
    return c.name() + ".setblocking(" + (c.blocking() ? "True" : "False") + ")";
  }

  private static Command.SetSockOpt bindSet(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    SockOpt option = option(a);
    OptionValue value;
    if (option == SockOpt.SO_LINGER) {
      value = linger(a);
    } else {
      Token t = a.next(VALUE);
      var bool = Args.choiceOf(t, "VALUE", BOOLEANS);
      value = new OptionValue.Int(bool.isPresent() ? (bool.get() ? 1 : 0) : whole(t, "VALUE"));
    }
    a.end();
    return new Command.SetSockOpt(name, option, value);
  }

  /**
   * SO_LINGER's {@code struct linger}, as {@code ONOFF SECONDS} or {@code (ONOFF, SECONDS)}. The
   * JDK holds at most 65535 seconds.
   */
  private static OptionValue linger(Args a) throws UsageError {
    Token first = a.next(VALUE, Text.get("usage.what.linger"));
    int on;
    int secs;
    int secondsAt;
    if (first.text().startsWith("(")) {
      Literal l = LiteralParser.parse(first);
      if (!(l instanceof Literal.Tuple t) || t.items().size() != 2) {
        throw new UsageError(Text.get("usage.linger.tuple"), first.start());
      }
      on = whole(t.items().get(0), "ONOFF");
      secs = whole(t.items().get(1), "SECONDS");
      secondsAt = t.items().get(1).start();
    } else {
      Token seconds = a.next(LINGER_SECONDS, Text.get("usage.what.linger.seconds"));
      on = whole(first, "ONOFF");
      secs = whole(seconds, "SECONDS");
      secondsAt = seconds.start();
    }
    if (secs < 0) {
      throw new UsageError(Text.get("usage.seconds.negative", "SECONDS", secs), secondsAt);
    }
    if (secs > 65535) {
      throw new UsageError(Text.get("jvm.cannot", Text.get("jvm.cannot.linger", secs)), secondsAt);
    }
    return new OptionValue.Linger(on != 0, secs);
  }

  private static int whole(Literal l, String what) throws UsageError {
    if (l instanceof Literal.Number n && n.integral() && n.asLong() == (int) n.asLong()) {
      return (int) n.asLong();
    }
    throw new UsageError(Text.get("usage.whole.number", what), l.start());
  }

  private static int whole(Token t, String what) throws UsageError {
    try {
      return Integer.decode(t.text());
    } catch (NumberFormatException e) {
      if (Args.isWhole(t.text())) {
        // Python: "OverflowError: signed integer is greater than maximum".
        throw new UsageError(
            Text.get("usage.option.int", what, Integer.MIN_VALUE, Integer.MAX_VALUE, t.text()),
            t.start());
      }
      throw new UsageError(Text.get("usage.option.flag", what, t.text()), t.start());
    }
  }

  /** {@code [LEVEL] OPTION}: the level may be left out, but if given it must be the option's. */
  private static SockOpt option(Args a) throws UsageError {
    // Read for the LEVEL, which may come first; without one it is the OPTION.
    Token first = a.next(LEVEL, Text.get("usage.what.option.name"));
    var level = Args.choiceOf(first, "LEVEL", LEVELS);
    if (level.isEmpty()) {
      a.read(first, OPTION);
      return Args.choiceOf(first, "OPTION", OPTIONS)
          .orElseThrow(() -> Args.notAChoice(first, "OPTION", OPTIONS));
    }
    Token second = a.next(OPTION, Text.get("usage.what.option.after", level.get()));
    SockOpt option =
        Args.choiceOf(second, "OPTION", OPTIONS)
            .orElseThrow(() -> Args.notAChoice(second, "OPTION", OPTIONS));
    if (option.level() != level.get()) {
      throw new UsageError(
          option + " is " + article(option.level()) + " option, not " + level.get(), first.start());
    }
    return option;
  }

  /** "a SOL_SOCKET", "an IPPROTO_TCP". */
  private static String article(SockOpt.Level level) {
    return (level.name().startsWith("I") ? "an " : "a ") + level;
  }

  private static Timeout timeout(Args a) throws UsageError {
    Token t = a.peek();
    if (t != null && t.text().toLowerCase(Locale.ROOT).equals("none")) {
      a.next(TIMEOUT, "SECONDS");
      return Timeout.BLOCKING;
    }
    return Timeout.seconds(a.seconds(TIMEOUT, Text.get("usage.what.timeout")));
  }

  static String timeoutRepr(Timeout t) {
    return t.isBlocking() ? "None" : Repr.of(new Value.Float(t.seconds()));
  }

  static String describe(String name, Timeout t) {
    if (t.isBlocking()) {
      return Text.get("feedback.timeout.none", name);
    }
    if (t.isNonBlocking()) {
      return Text.get("feedback.timeout.nonblocking", name);
    }
    return Text.get("feedback.timeout", name, timeoutRepr(t));
  }
}
