package dev.sockshell.python;

import dev.sockshell.net.SocketError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python in one sockshell session: lines typed at the console or in a script, and whole programs.
 * The globals live as long as the session; the sockets are the session's.
 */
public final class PythonSession {

  private static final String RECURSION_ERROR = "RecursionError: maximum recursion depth exceeded";

  /** How running some Python ended. */
  public sealed interface Result {}

  /** It ran to its end. */
  public record Ran() implements Result {}

  /**
   * It could not run: a SyntaxError or IndentationError ({@code pythonClass}), or a construct
   * outside the subset ({@code pythonClass} null: the message names it). Line and column are the
   * source's (1-based line, 0-based column).
   */
  public record Problem(String pythonClass, String message, String file, int line, int column)
      implements Result {
    /** {@code classes are not supported: tcp_server.py:12}, or Python's last line. */
    public String text() {
      return pythonClass == null
          ? message + ": " + file + ":" + line
          : pythonClass + ": " + message;
    }
  }

  /**
   * An exception nobody caught.
   *
   * @param lastLine {@code ConnectionRefusedError: [Errno 111] Connection refused}
   * @param traceback everything Python prints to stderr for it, the last line included
   * @param origin the socket error it came from (sockshell reports it as the command would), or
   *     null
   * @param line the line of the source it ended
   */
  public record Raised(
      String lastLine, List<String> traceback, SocketError origin, boolean interrupt, int line)
      implements Result {}

  /** {@code sys.exit(status)}; {@code message} (for {@code sys.exit("text")}) or null. */
  public record Exited(int status, String message) implements Result {}

  private final Host host;
  private final Map<String, List<String>> sources = new HashMap<>();
  private Interpreter interpreter;

  public PythonSession(Host host) {
    this.host = host;
  }

  private Interpreter interpreter(String file) {
    if (interpreter == null) {
      interpreter = new Interpreter(host, file);
    }
    return interpreter;
  }

  /**
   * Runs lines of a console or script ({@code firstLine} is the first one's number there); with
   * {@code echo}, an expression's value is printed as Python's REPL prints it, unless the socket
   * call that returned it was reported already.
   */
  public Result runLines(String source, String file, int firstLine, boolean echo) {
    List<Stmt> statements;
    String padded = "\n".repeat(Math.max(0, firstLine - 1)) + source;
    remember(file, padded);
    try {
      statements = Parser.parse(padded);
    } catch (PySyntaxError e) {
      return problem(e, file);
    }
    Interpreter in = interpreter(file);
    for (Stmt s : statements) {
      Result r = run(in, s, echo);
      if (!(r instanceof Ran)) {
        return r;
      }
    }
    return new Ran();
  }

  /** Runs a whole program, as {@code python3 FILE ARGS} would. */
  public Result runProgram(String source, String file, List<String> argv) {
    remember(file, source);
    List<Stmt> statements;
    try {
      statements = Parser.parse(source);
    } catch (PySyntaxError e) {
      return problem(e, file);
    }
    Interpreter in = interpreter(file);
    in.modules.setArgv(argv);
    for (Stmt s : statements) {
      Result r = run(in, s, false);
      if (!(r instanceof Ran)) {
        return r;
      }
    }
    return new Ran();
  }

  private void remember(String file, String source) {
    sources.put(file, List.of(source.split("\r?\n", -1)));
  }

  private Result run(Interpreter in, Stmt s, boolean echo) {
    try {
      if (echo && s instanceof Stmt.ExprStmt e) {
        Object value = in.echoValue(e);
        if (value != null) {
          host.print(Reprs.repr(value) + "\n");
        }
      } else {
        in.execute(s);
      }
      return new Ran();
    } catch (PyRaise r) {
      PyExc e = r.exception;
      if (e.type == ExcTypes.SYSTEM_EXIT) {
        return exited(e);
      }
      Frame module = in.frame();
      Interpreter.passedThrough(e, module);
      return new Raised(
          e.lastLine(),
          Traceback.lines(e, sources),
          e.origin,
          e.type == ExcTypes.KEYBOARD_INTERRUPT,
          module.line);
    } catch (Signals.Unsupported u) {
      return new Problem(
          null,
          u.getMessage(),
          u.file != null ? u.file : in.frame().file,
          u.line > 0 ? u.line : in.frame().line,
          0);
    } catch (PySyntaxError p) {
      return problem(p, in.frame().file);
    } catch (StackOverflowError o) {
      return new Raised(RECURSION_ERROR, List.of(RECURSION_ERROR), null, false, in.frame().line);
    }
  }

  private static Result exited(PyExc e) {
    Object code = e.attributes.getOrDefault("code", PyNone.NONE);
    if (code == PyNone.NONE) {
      return new Exited(0, null);
    }
    if (Nums.isInt(code)) {
      return new Exited(Nums.big(code).intValue() & 0xff, null);
    }
    return new Exited(1, Reprs.str(code));
  }

  private static Problem problem(PySyntaxError e, String file) {
    String kind = e.kind == PySyntaxError.Kind.UNSUPPORTED ? null : e.kind.pythonName;
    return new Problem(kind, e.getMessage(), file, e.line, e.column);
  }

  /** A name a command now gives a socket: Python's variable of that name means it again. */
  public void forget(String name) {
    if (interpreter != null) {
      interpreter.forget(name);
    }
  }

  /** The Python source lines of a file run so far, for showing where a program is. */
  public List<String> source(String file) {
    return sources.getOrDefault(file, new ArrayList<>());
  }
}
