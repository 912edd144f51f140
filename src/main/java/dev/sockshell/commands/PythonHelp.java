package dev.sockshell.commands;

import dev.sockshell.render.Style;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;

/** {@code /help python} and {@code /help print}: the Python sockshell runs, and how it prints. */
final class PythonHelp {
  private PythonHelp() {}

  static List<Styled> python(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("Python lines and programs"));
    lines.addAll(
        layout.paragraph(
            "A line that is Python runs as CPython 3 runs it (same values, exceptions and"
                + " messages), in the console, in scripts, through /open, and as a program:"
                + " java -jar target/sockshell.jar prog.py ARGS. Its sockets are the session's"
                + " named sockets: s = socket.socket() creates s, which /list, events and the"
                + " commands see, and a socket a command made is that Python name on the next"
                + " line. Each socket call prints its command's feedback; /set feedback verbose"
                + " shows the command beside it."));
    lines.addAll(layout.heading("What runs"));
    lines.addAll(
        layout.rows(
            Style.COMMAND,
            List.of(
                "statements",
                "import and from … import of socket, select, struct, time, sys, errno;"
                    + " assignment with unpacking, augmented assignment, if/elif/else, while,"
                    + " for, break, continue, pass, try/except/else/finally, with … as, raise,"
                    + " del, assert, def with defaults and return, sys.exit",
                "values",
                "str, bytes, bytearray, int, float, bool, None, tuple, list, dict; f-strings,"
                    + " % and str.format; the str and bytes methods socket code uses",
                "modules",
                "every socket method and constant sockshell has a command for,"
                    + " create_connection, create_server, getaddrinfo, gethostname,"
                    + " makefile('rb'); select.select; struct.pack/unpack/calcsize; time.sleep,"
                    + " time.time, time.monotonic",
                "blocks",
                "a line ending in : opens a block with the ...> prompt; Tab indents, a blank"
                    + " line runs it; a pasted program runs whole",
                "outside",
                "classes, lambdas, comprehensions, open() and other modules are one error"
                    + " naming the construct and its line, never a wrong result")));
    lines.addAll(layout.heading("Programs"));
    lines.addAll(
        layout.paragraph(
            "A program prints what python3 prints and ends with its exit status; Ctrl-C is"
                + " KeyboardInterrupt inside it, so except KeyboardInterrupt runs. With --step"
                + " (java -jar target/sockshell.jar --step prog.py) it runs one line at a time:"
                + " the next line is shown with its number, Enter runs it, and between lines the"
                + " console is live (/list, any command, Python that reads the program's"
                + " variables); /continue runs on to the end or to a line /break N marked."
                + " /export FILE.py writes a session the other way round, as a program."));
    return lines;
  }

  static List<Styled> print(HelpLayout layout) {
    List<Styled> lines = new ArrayList<>();
    lines.addAll(layout.heading("print(*values, sep=' ', end='\\n')"));
    lines.addAll(
        layout.paragraph(
            "Python's print: the values' str() joined by sep, then end. On a terminal, control"
                + " characters are escaped (print(data.decode()) of 'hi\\x1b[2J' shows"
                + " hi\\x1b[2J), as received bytes are everywhere in sockshell: nothing that came"
                + " from the network can drive your terminal. Newlines and tabs print as they"
                + " are. A program whose output goes to a pipe or a file writes it byte for byte"
                + " as python3 does."));
    lines.addAll(layout.paragraph("Example: print(f'{len(data)} bytes:', data)"));
    return lines;
  }
}
