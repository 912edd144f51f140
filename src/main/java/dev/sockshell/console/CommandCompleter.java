package dev.sockshell.console;

import dev.sockshell.commands.CommandSpec;
import dev.sockshell.commands.ConstantDocs;
import dev.sockshell.commands.Context;
import dev.sockshell.commands.HelpTopics;
import dev.sockshell.commands.SetCommands;
import dev.sockshell.lang.Literal;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.Family;
import dev.sockshell.net.NetSocket;
import dev.sockshell.net.SockAddress;
import dev.sockshell.net.SockOpt;
import dev.sockshell.net.SocketState;
import dev.sockshell.render.Repr;
import dev.sockshell.value.Value;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab: what may stand at the cursor, read from the command specs (names, constants) and from the
 * live session (socket names and their state, kept values), so sockets appear as they are created
 * or accepted and closed ones drop out. Every candidate says what it is.
 */
final class CommandCompleter implements Completer {
  /** Longest value shown in a description; a 64 KiB recv must not fill the menu. */
  private static final int SHOWN = 40;

  private final Context context;

  CommandCompleter(Context context) {
    this.context = context;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String before = line.line().substring(0, line.cursor() - LineParser.typedWordCursor(line));
    TypedLine typed = TypedLine.read(before, context.commands());
    if (typed.commentAt() >= 0) {
      return;
    }
    if (typed.commandWord() == null) {
      commands(null, candidates);
      return;
    }
    if (typed.spec() == null) {
      return;
    }
    for (Param param : typed.possibleNext()) {
      add(param, typed, line, candidates);
    }
  }

  private void add(Param param, TypedLine typed, ParsedLine line, List<Candidate> out) {
    String word = line.word();
    switch (param.kind()) {
      case SOCKET -> openSockets(word, out);
      case ADDRESS -> addresses(line, typed, out);
      case DATA -> {
        if (word.startsWith("@")) {
          paths(line, "@", out);
        } else {
          values(word, out);
        }
      }
      case CONSTANT -> constants(param, typed, out);
      case PATH -> paths(line, "", out);
      case VALUE -> {
        ConstantDocs.EXPECT_FORMS.forEach(
            (form, meaning) ->
                out.add(candidate(form, "checks", ConstantDocs.expectForm(form), true)));
        values(word, out);
      }
      case ERROR_NAME -> {
        for (String name : ConstantDocs.errorNames()) {
          String group = Errno.byName(name).isPresent() ? "errno" : "Python classes";
          out.add(candidate(name, group, ConstantDocs.meaning(name), true));
        }
      }
      case COMMAND -> {
        commands("commands", out);
        for (HelpTopics.Topic topic : HelpTopics.all()) {
          out.add(candidate(topic.name(), "topics", topic.summary(), true));
        }
      }
      default -> {
        // NEW_SOCKET, NUMBER, TEXT: anything the user likes; the hint shows what is expected.
      }
    }
  }

  /** The files matching the word (after {@code marker}), quoted as they need when inserted. */
  private void paths(ParsedLine line, String marker, List<Candidate> out) {
    int first = out.size();
    PathCandidates.add(line.word(), marker, context.baseDirectory(), out);
    LineParser.quotePaths(line, out.subList(first, out.size()));
  }

  /** Every command, in /help order, shown with its arguments and its one-line summary. */
  private void commands(String group, List<Candidate> out) {
    int order = 0;
    for (CommandSpec<?> spec : context.commands().all()) {
      out.add(
          new Candidate(
              spec.name(),
              spec.synopsis(),
              group,
              spec.localizedSummary(),
              null,
              null,
              true,
              order++));
    }
  }

  private void openSockets(String word, List<Candidate> out) {
    for (NetSocket s : context.session().sockets()) {
      // Describing a socket asks the OS for its addresses: only describe the ones that match.
      if (s.state() != SocketState.CLOSED && s.name().startsWith(word)) {
        out.add(candidate(s.name(), "sockets", SocketSummary.of(s), true));
      }
    }
  }

  /**
   * Another socket's bound address by its name, a host to put a port after, or a kept value; only
   * those of the family of the socket the command is on (a file path for AF_UNIX), and every
   * interface only for bind.
   */
  private void addresses(ParsedLine line, TypedLine typed, List<Candidate> out) {
    String word = line.word();
    Family family = familyOfFirstArgument(typed);
    if (family == Family.AF_UNIX) {
      paths(line, "", out);
      values(word, out);
      return;
    }
    for (NetSocket s : context.session().sockets()) {
      if (s.name().startsWith(word) && (family == null || s.family() == family)) {
        SockAddress bound = SocketSummary.boundAddress(s);
        if (bound != null) {
          out.add(
              candidate(s.name(), "sockets", "the address of " + s.name() + ": " + bound, true));
        }
      }
    }
    if (family != Family.AF_INET6) {
      out.add(candidate("localhost:", "hosts", "this machine; add a port", false));
      out.add(candidate("127.0.0.1:", "hosts", "this machine over IPv4; add a port", false));
    }
    if (family != Family.AF_INET) {
      out.add(candidate("[::1]:", "hosts", "this machine over IPv6; add a port", false));
    }
    if (typed.spec().name().equals("bind")) {
      out.add(candidate("*:", "hosts", "every interface; add a port", false));
    }
    values(word, out);
  }

  /** The family of the socket named first on the line, or null if there is none such. */
  private Family familyOfFirstArgument(TypedLine typed) {
    if (typed.args().isEmpty()) {
      return null;
    }
    String name = typed.args().get(0).token().text();
    return context.session().find(name).map(NetSocket::family).orElse(null);
  }

  /** {@code $N} and {@code _}, each with its value, when the word starts like one. */
  private void values(String word, List<Candidate> out) {
    int count = context.values().size();
    if (count == 0 || !(word.startsWith("$") || word.startsWith("_"))) {
      return;
    }
    for (int n = count; n >= 1; n--) {
      String name = "$" + n;
      if (name.startsWith(word)) {
        value(name, n, out);
      }
    }
    value("_", 0, out);
  }

  private void value(String name, int number, List<Candidate> out) {
    try {
      Value v = context.values().resolve(new Literal.Ref(number, List.of(), 0, 0));
      String shown = Repr.of(v);
      if (shown.length() > SHOWN) {
        shown = shown.substring(0, SHOWN - 1) + "…";
      }
      out.add(
          new Candidate(name, name, "values", shown, null, null, true, number == 0 ? 0 : -number));
    } catch (UsageError e) {
      // The value went away between counting and reading it: nothing to offer.
    }
  }

  /**
   * The parameter's choices; after a LEVEL only the options of that level, after {@code /set KEY}
   * only that key's values.
   */
  private static void constants(Param param, TypedLine typed, List<Candidate> out) {
    String previous =
        typed.args().isEmpty() ? null : typed.args().get(typed.args().size() - 1).token().text();
    Optional<SockOpt.Level> level =
        previous == null ? Optional.empty() : SockOpt.Level.byName(previous);
    List<String> choices =
        typed.spec().name().equals("/set") ? SetCommands.choices(param, previous) : param.choices();
    int order = 0;
    for (String choice : choices) {
      Optional<SockOpt> option = SockOpt.byName(choice);
      if (level.isPresent() && option.isPresent() && option.get().level() != level.get()) {
        continue;
      }
      out.add(
          new Candidate(
              choice,
              choice,
              param.name(),
              ConstantDocs.meaning(choice),
              null,
              null,
              true,
              order++));
    }
  }

  private static Candidate candidate(String value, String group, String description, boolean end) {
    return new Candidate(value, value, group, description, null, null, end);
  }
}
