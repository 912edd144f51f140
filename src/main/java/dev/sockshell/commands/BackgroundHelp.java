package dev.sockshell.commands;

import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/** {@code /help background}: what runs by itself, how rules match, what is bounded, and names. */
final class BackgroundHelp {
  private BackgroundHelp() {}

  static List<Styled> page(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("In the background: serve, on, relay"));
    lines.addAll(
        layout.paragraph(
            "serve, relay and rules on a connection (on) go on by themselves while the prompt"
                + " waits, while a command blocks on another socket and while a script runs: a"
                + " client and its server can live in one session. One background thread does all"
                + " of it, never a thread per connection; Ctrl-C cancels only the command you"
                + " typed. stop NAME ends a piece of work, wait lets a script hand it the time,"
                + " /list shows what each does, /reset and /exit stop everything."));
    lines.addAll(layout.heading("Events"));
    lines.addAll(
        layout.paragraph(
            "Each accepted connection, automatic reply and close is an event line, above the"
                + " prompt or between a script's lines, bytes escaped as everywhere. /set events"
                + " counts says how many of each instead; /set events off says nothing."));
    lines.addAll(layout.heading("How rules match"));
    lines.addAll(
        layout.rows(
            Style.CONSTANT,
            List.of(
                "kept",
                "what arrives on a connection is kept until a rule matches: a message that came"
                    + " in pieces matches once its last piece is there",
                "consumed",
                "a rule that fires consumes what was kept up to the end of its match; the rules"
                    + " are tried in number order, again until none matches",
                "matches",
                "searches the kept bytes decoded with /set encoding (anchor with ^); \\1, \\2…"
                    + " in the reply are its groups, as in re.sub (write \\x01 for the byte 1)",
                "unmatched",
                "stays for the next rule, or for recv NAME, which takes it first (the command"
                    + " borrows the socket from the background, which gets it back after)",
                "bounded",
                "64 KiB kept unmatched at most: then the connection stops reading (the peer's"
                    + " sends block) until a recv takes it")));
    lines.addAll(layout.heading("Bounds and names"));
    lines.addAll(
        layout.paragraph(
            "A peer that does not read holds at most 256 KiB of replies; then its connection"
                + " stops reading from it (an event says so), and nothing else waits. A relay keeps"
                + " at most 1 MiB per direction; stop hands both sockets back, and what it had"
                + " read but not forwarded is returned by the next recv on the socket it came"
                + " from. Served connections are named conn1, conn2… as accept names them; once"
                + " closed they leave the session (/list counts them in the line of the served"
                + " socket) and their names are not handed out again."));
    return lines;
  }
}
