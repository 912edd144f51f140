package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.DATA;
import static dev.sockshell.lang.Param.Kind.NUMBER;
import static dev.sockshell.lang.Param.Kind.TEXT;

import dev.sockshell.background.Jobs;
import dev.sockshell.background.Rule;
import dev.sockshell.bytes.ByteString;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.DataExpr;
import dev.sockshell.lang.LiteralParser;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.Token;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.DatagramSocket;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SocketError;
import dev.sockshell.net.SocketState;
import dev.sockshell.render.Feedback;
import dev.sockshell.render.Styled;
import dev.sockshell.render.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Automatic replies, the smart responses of a fake server: {@code on} adds a rule, {@code /rules}
 * lists them, {@code off} removes one. A rule on a connected socket answers at once, in the
 * background; on a listening socket it applies to each connection {@code serve NAME --rules}
 * accepts. The matching itself is {@code background.RuleResponder}.
 */
final class RuleCommands {
  private RuleCommands() {}

  private static final List<String> WHEN = List.of("matches", "contains", "any", "connect", "eof");
  private static final List<String> THEN = List.of("send", "close", "reset");

  /** {@code \1}…{@code \9} in a reply: a group of the match, as in re.sub's template. */
  private static final Pattern QUOTED = Pattern.compile("([bB]?)(['\"])(.*)\\2", Pattern.DOTALL);

  private static final Param WHEN_PARAM = Param.constant("WHEN", false, WHEN);

  /** What arrives must match or contain. */
  private static final Param PATTERN = Param.optional("/REGEX/ | DATA", TEXT);

  private static final Param ACTION = Param.constant("ACTION", false, THEN);
  private static final Param REPLY = Param.optional("DATA", DATA);
  private static final Param NUMBER_PARAM = Param.of("N", NUMBER);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("on", Group.BACKGROUND, Command.On.class)
            .params(Params.NAME, WHEN_PARAM, PATTERN, ACTION, REPLY)
            .summary(
                "an automatic reply: when what arrives on NAME matches /REGEX/ (\\1 in DATA is its"
                    + " first group), contains DATA, or anything arrives, or on connect or eof: send"
                    + " DATA, close or reset (how partial input is kept: /help background)")
            .example("on srv matches /^PING (\\d+)\\r\\n/ send \"PONG \\1\\r\\n\"")
            .binder(RuleCommands::bindOn)
            .python(RuleCommands::python)
            .runner(RuleCommands::on)
            .build(),
        CommandSpec.command("/rules", Group.BACKGROUND, Command.Rules.class)
            .summary(
                "list the automatic replies (rules of on) with their numbers and how often each fired")
            .example("/rules")
            .binder(RuleCommands::bindRules)
            .runner(RuleCommands::list)
            .build(),
        CommandSpec.command("off", Group.BACKGROUND, Command.Off.class)
            .params(NUMBER_PARAM)
            .summary(
                "remove rule N (/rules numbers them); a connection left without rules is yours again")
            .example("off 1")
            .binder(RuleCommands::bindOff)
            .python(RuleCommands::pythonOfOff)
            .runner(RuleCommands::off)
            .build());
  }

  private static Command.Rules bindRules(Args a) throws UsageError {
    a.end();
    return new Command.Rules();
  }

  private static Command.Off bindOff(Args a) throws UsageError {
    int n = a.integer(NUMBER_PARAM, 1, Integer.MAX_VALUE);
    a.end();
    return new Command.Off(n);
  }

  private static String pythonOfOff(Command.Off c) {
    return "rules.pop(" + c.number() + ")";
  }

  private static Command.On bindOn(Args a) throws UsageError {
    String name = a.name(Params.NAME);
    Token when =
        a.next(
            WHEN_PARAM,
            Text.get("usage.on.when.what", String.join(Text.get("list.separator"), WHEN)));
    Command.When trigger =
        switch (when.text()) {
          case "matches" -> regex(a.slashed(PATTERN, Text.get("usage.on.regex.what")));
          case "contains" -> new Command.When.Contains(a.data(PATTERN));
          case "any" -> new Command.When.Any();
          case "connect" -> new Command.When.Connect();
          case "eof" -> new Command.When.Eof();
          default ->
              throw new UsageError(
                  Text.get(
                      "usage.on.when", String.join(Text.get("list.separator"), WHEN), when.text()),
                  when.start());
        };
    Token action = a.next(ACTION, Text.get("usage.on.action.what"));
    Command.Then then =
        switch (action.text()) {
          case "send" -> {
            Token data = a.next(REPLY, Text.get("usage.on.data.what"));
            yield new Command.Then.Send(
                DataExpr.of(LiteralParser.parse(data), data.text()), data.text());
          }
          case "close" -> new Command.Then.Close();
          case "reset" -> new Command.Then.Reset();
          default ->
              throw new UsageError(Text.get("usage.on.action", action.text()), action.start());
        };
    a.end();
    if (then instanceof Command.Then.Send send
        && !(trigger instanceof Command.When.Matches)
        && groupRefs(send.source())) {
      throw new UsageError(
          Text.get("usage.on.groups.without.match"), a.line().indexOf(send.source()));
    }
    return new Command.On(name, trigger, then, a.line().strip());
  }

  private static Command.When regex(Token slashed) throws UsageError {
    String source = slashed.text().substring(1, slashed.text().length() - 1);
    try {
      return new Command.When.Matches(Pattern.compile(source), source);
    } catch (PatternSyntaxException e) {
      int at = e.getIndex() >= 0 ? slashed.start() + 1 + e.getIndex() : slashed.start();
      throw new UsageError(Text.get("usage.on.regex", e.getDescription()), at);
    }
  }

  private static String python(Command.On c) {
    String test;
    if (c.when() instanceof Command.When.Matches m) {
      test = "m := re.search(r'" + m.source() + "', data.decode())";
    } else if (c.when() instanceof Command.When.Contains d) {
      test = Py.data(d.data()) + " in data";
    } else if (c.when() instanceof Command.When.Any) {
      test = "data";
    } else if (c.when() instanceof Command.When.Connect) {
      test = "just_accepted";
    } else {
      test = "data == b''";
    }
    String act =
        c.then() instanceof Command.Then.Send s
            ? c.name()
                + ".sendall("
                + (c.when() instanceof Command.When.Matches && groupRefs(s.source())
                    ? "m.expand(r" + s.source().replaceFirst("^[bB]", "") + ").encode()"
                    : Py.data(s.data()))
                + ")"
            : c.then() instanceof Command.Then.Reset
                ? c.name()
                    + ".setsockopt(SOL_SOCKET, SO_LINGER, struct.pack('ii', 1, 0)); "
                    + c.name()
                    + ".close()"
                : c.name() + ".close()";
    return "if " + test + ": " + act;
  }

  private static Outcome on(Command.On c, Context ctx) throws UsageError, SocketError {
    NetSocket s = Eval.named(ctx, c.name());
    check(c, s, ctx);
    Rule.Trigger when = trigger(c.when(), ctx);
    Rule.Action then =
        c.then() instanceof Command.Then.Send send
            ? new Rule.Action.Send(template(ctx, send))
            : c.then() instanceof Command.Then.Reset
                ? new Rule.Action.Reset()
                : new Rule.Action.Close();
    if (c.when() instanceof Command.When.Matches m && then instanceof Rule.Action.Send send) {
      int groups = m.regex().matcher("").groupCount();
      if (send.reply().highestGroup() > groups) {
        throw UsageError.about(
            ((Command.Then.Send) c.then()).source(),
            Text.get(
                groups == 1 ? "usage.on.group.missing.one" : "usage.on.group.missing",
                send.reply().highestGroup(),
                m.source(),
                groups));
      }
    }
    Rule rule = ctx.background().addRule(s, when, then, c.text());
    boolean toServe = s.state() == SocketState.LISTENING && !s.inBackground();
    return new Outcome.Done(
        Text.get(toServe ? "feedback.on.serve" : "feedback.on", rule.number(), c.name()));
  }

  /** Refuses rules that could never fire on {@code s}, saying where they belong. */
  private static void check(Command.On c, NetSocket s, Context ctx) throws UsageError {
    String n = c.name();
    if (s.state() == SocketState.CLOSED) {
      throw UsageError.about(n, Text.get("usage.on.closed", n));
    }
    boolean connectionOnly =
        c.when() instanceof Command.When.Connect
            || c.when() instanceof Command.When.Eof
            || !(c.then() instanceof Command.Then.Send);
    if (s instanceof DatagramSocket) {
      if (connectionOnly) {
        throw UsageError.about(n, Text.get("usage.on.udp", n));
      }
      return;
    }
    switch (s.state()) {
      case LISTENING -> {}
      case CONNECTED -> {
        if (c.when() instanceof Command.When.Connect) {
          throw UsageError.about(n, Text.get("usage.on.connected", n));
        }
        if (ctx.background().relayed(s)) {
          throw UsageError.about(
              n, Text.get("usage.on.relayed", n, ctx.background().roles().get(s)));
        }
        Jobs.ServedBy served = ctx.background().servedBy(s).orElse(null);
        if (served != null && served.mode() != Jobs.Mode.RULES) {
          throw UsageError.about(
              n, Text.get("usage.on.served", n, served.listener(), served.mode().flag()));
        }
      }
      default ->
          throw UsageError.about(
              n, Text.get("usage.on.state", n, Text.get("state." + s.state().name())));
    }
  }

  private static Rule.Trigger trigger(Command.When when, Context ctx)
      throws UsageError, SocketError {
    if (when instanceof Command.When.Matches m) {
      return new Rule.Trigger.Matches(m.regex(), ctx.settings().encoding());
    } else if (when instanceof Command.When.Contains d) {
      ByteString data = Eval.data(ctx, d.data());
      if (data.isEmpty()) {
        throw UsageError.about(d.data().source(), Text.get("usage.on.contains.empty"));
      }
      return new Rule.Trigger.Contains(data);
    } else if (when instanceof Command.When.Any) {
      return new Rule.Trigger.Any();
    } else if (when instanceof Command.When.Connect) {
      return new Rule.Trigger.Connect();
    }
    return new Rule.Trigger.Eof();
  }

  /**
   * The reply as bytes and group references: in a quoted reply, {@code \1}…{@code \9} name the
   * match's groups (Python would read {@code "\1"} as the byte 1, which {@code \x01} still is).
   */
  static Rule.Template template(Context ctx, Command.Then.Send send)
      throws UsageError, SocketError {
    Matcher quoted = QUOTED.matcher(send.source());
    if (!groupRefs(send.source()) || !quoted.matches()) {
      return Rule.Template.of(Eval.data(ctx, send.data()));
    }
    String prefix = quoted.group(1) + quoted.group(2);
    String body = quoted.group(3);
    List<Object> parts = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (ch == '\\' && i + 1 < body.length()) {
        char next = body.charAt(i + 1);
        if (next >= '1' && next <= '9') {
          addPiece(ctx, parts, prefix, piece, quoted.group(2));
          parts.add(next - '0');
        } else {
          piece.append(ch).append(next);
        }
        i++;
      } else {
        piece.append(ch);
      }
    }
    addPiece(ctx, parts, prefix, piece, quoted.group(2));
    return new Rule.Template(parts);
  }

  private static void addPiece(
      Context ctx, List<Object> parts, String prefix, StringBuilder piece, String quote)
      throws UsageError, SocketError {
    if (piece.length() > 0) {
      String literal = prefix + piece + quote;
      DataExpr data =
          DataExpr.of(LiteralParser.parse(new Token(literal, 0, literal.length())), literal);
      parts.add(Eval.data(ctx, data));
      piece.setLength(0);
    }
  }

  /** True when {@code source} has a backslash and a digit 1-9 that no backslash escapes. */
  private static boolean groupRefs(String source) {
    for (int i = 0; i + 1 < source.length(); i++) {
      if (source.charAt(i) == '\\') {
        char next = source.charAt(i + 1);
        if (next >= '1' && next <= '9') {
          return true;
        }
        i++;
      }
    }
    return false;
  }

  private static Outcome list(Command.Rules c, Context ctx) {
    List<Rule> rules = ctx.background().rules().all();
    if (rules.isEmpty()) {
      ctx.out().println(Styled.plain(Feedback.PREFIX + Text.get("rules.none")));
      return new Outcome.Printed();
    }
    Table table = new Table(List.of("N", "RULE", "FIRED"));
    for (Rule r : rules) {
      table.add(List.of(Integer.toString(r.number()), r.text(), Long.toString(r.fired())));
    }
    table.render(ctx.out().width()).forEach(ctx.out()::println);
    return new Outcome.Printed();
  }

  private static Outcome off(Command.Off c, Context ctx) throws UsageError {
    Rule removed = ctx.background().removeRule(c.number());
    if (removed == null) {
      throw UsageError.about(Integer.toString(c.number()), Text.get("usage.off.none", c.number()));
    }
    return new Outcome.Done(Text.get("feedback.off", c.number(), removed.text()));
  }
}
