package dev.sockshell.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs statements, jlox style: one visit method per statement record, control flow through {@link
 * Signals}, Python exceptions as {@link PyRaise}. Holds the module's globals, the stack of calls,
 * and the exception being handled (for a bare {@code raise} and for chaining).
 */
final class Interpreter implements Stmt.Visitor {

  private static final String CANNOT_ACCESS_LOCAL_VARIABLE = "cannot access local variable '";
  private static final String NOT_ASSOCIATED_WITH_A_VALUE = "' where it is not associated with a";
  private static final int MAX_DEPTH = 200;

  final Host host;
  final Evaluator evaluator;
  final Sockets sockets;
  final Modules modules;
  private final Map<String, Object> builtins;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private Frame frame;

  /** The value of the last expression statement, for the REPL's echo. */
  private Object lastValue;

  /** The last value a socket call returned, which its command's feedback has shown. */
  Object reported;

  /** The exception the innermost running {@code except} block handles, or null. */
  private PyExc handling;

  Interpreter(Host host, String file) {
    this.host = host;
    this.frame = Frame.module(file);
    this.evaluator = new Evaluator(this);
    this.sockets = new Sockets(this);
    this.modules = new Modules(this);
    this.builtins = Builtins.all(this);
  }

  Frame frame() {
    return frame;
  }

  Map<String, Object> globals() {
    return frame.globals.names;
  }

  /** Every frame on the stack, innermost first. */
  List<Frame> frames() {
    List<Frame> all = new ArrayList<>();
    all.add(frame);
    all.addAll(stack);
    return all;
  }

  int currentLine() {
    return frame.line;
  }

  /** Runs statements at module level. */
  void execute(List<Stmt> statements) {
    for (Stmt s : statements) {
      execute(s);
    }
  }

  void execute(Stmt s) {
    frame.line = s.line();
    if (host.takeInterrupt()) {
      throw new PyRaise(PyExc.of(ExcTypes.KEYBOARD_INTERRUPT));
    }
    host.beforeStatement(frame.file, s.line());
    frame.line = s.line(); // lines run while a stepped program waited here moved it
    try {
      s.accept(this);
    } catch (PyRaise e) {
      if (e.exception.context == null && handling != null && handling != e.exception) {
        e.exception.context = handling;
      }
      throw e;
    } catch (Signals.Unsupported e) {
      if (e.line < 0) {
        e.line = frame.line;
        e.file = frame.file;
      }
      throw e;
    }
  }

  private void block(List<Stmt> body) {
    for (Stmt s : body) {
      execute(s);
    }
  }

  /**
   * Runs an expression statement as Python's REPL does: its value, or null when it is None or was
   * the result of a socket call that has been reported already.
   */
  Object echoValue(Stmt.ExprStmt s) {
    reported = null;
    execute(s);
    Object value = lastValue;
    lastValue = null;
    return value == PyNone.NONE || value == reported ? null : value;
  }

  Object evaluate(Expr e) {
    return e.accept(evaluator);
  }

  // Names.

  Object lookup(String name) {
    Frame f = frame;
    if (!f.isModule()) {
      Stmt.Def def = f.code.def();
      if (def.locals().contains(name)) {
        Object v = f.names.get(name);
        if (v == null) {
          throw Errors.raise(
              ExcTypes.UNBOUND_LOCAL_ERROR,
              CANNOT_ACCESS_LOCAL_VARIABLE + name + NOT_ASSOCIATED_WITH_A_VALUE + " value");
        }
        return v;
      }
      if (!def.globals().contains(name)) {
        for (Frame e = f.code.enclosing(); e != null && !e.isModule(); e = e.code.enclosing()) {
          if (e.code.def().locals().contains(name)) {
            Object v = e.names.get(name);
            if (v == null) {
              throw Errors.nameError(name);
            }
            return v;
          }
        }
      }
    }
    Object v = globals().get(name);
    if (v != null) {
      return v;
    }
    v = builtins.get(name);
    if (v != null) {
      return v;
    }
    PySocket socket = sockets.byCommandName(name);
    if (socket != null) {
      return socket;
    }
    throw Errors.nameError(name);
  }

  void assign(String name, Object value) {
    if (!frame.isModule() && !frame.code.def().globals().contains(name)) {
      frame.names.put(name, value);
    } else {
      globals().put(name, value);
    }
  }

  void delete(String name) {
    Map<String, Object> names =
        !frame.isModule() && !frame.code.def().globals().contains(name) ? frame.names : globals();
    if (names.remove(name) == null) {
      if (!frame.isModule() && frame.code.def().locals().contains(name)) {
        throw Errors.raise(
            ExcTypes.UNBOUND_LOCAL_ERROR,
            CANNOT_ACCESS_LOCAL_VARIABLE + name + NOT_ASSOCIATED_WITH_A_VALUE + " value");
      }
      throw Errors.nameError(name);
    }
  }

  /** Forgets a global, so the name means the session's socket of that name again. */
  void forget(String name) {
    globals().remove(name);
  }

  // Functions.

  Object call(Object callee, List<Object> args, Map<String, Object> keywords) {
    if (callee instanceof PyFunction f) {
      return callFunction(f, args, keywords);
    }
    if (callee instanceof PyCallable c) {
      return c.call(this, args, keywords);
    }
    throw Errors.type("'" + Types.name(callee) + "' object is not callable");
  }

  private Object callFunction(PyFunction f, List<Object> args, Map<String, Object> keywords) {
    Stmt.Def def = f.def();
    Frame callee = frame.call(f);
    bindArguments(f, callee, args, keywords);
    if (stack.size() >= MAX_DEPTH) {
      throw Errors.raise(ExcTypes.RECURSION_ERROR, "maximum recursion depth exceeded");
    }
    stack.push(frame);
    frame = callee;
    PyExc outerHandling = handling;
    try {
      block(def.body());
      return PyNone.NONE;
    } catch (Signals.Return r) {
      return r.value;
    } catch (PyRaise e) {
      passedThrough(e.exception, callee);
      throw e;
    } finally {
      handling = outerHandling;
      frame = stack.pop();
    }
  }

  private static void bindArguments(
      PyFunction f, Frame callee, List<Object> args, Map<String, Object> keywords) {
    List<String> params = f.def().params();
    if (args.size() > params.size()) {
      int least = params.size() - f.defaults().size();
      String takes =
          least == params.size()
              ? String.valueOf(params.size())
              : "from " + least + " to " + params.size();
      throw Errors.type(
          f.name()
              + "() takes "
              + takes
              + " positional argument"
              + (params.size() == 1 && least == 1 ? "" : "s")
              + " but "
              + args.size()
              + (args.size() == 1 ? " was" : " were")
              + " given");
    }
    for (int i = 0; i < args.size(); i++) {
      callee.names.put(params.get(i), args.get(i));
    }
    for (Map.Entry<String, Object> k : keywords.entrySet()) {
      int i = params.indexOf(k.getKey());
      if (i < 0) {
        throw Errors.type(f.name() + "() got an unexpected keyword argument '" + k.getKey() + "'");
      }
      if (callee.names.containsKey(k.getKey())) {
        throw Errors.type(f.name() + "() got multiple values for argument '" + k.getKey() + "'");
      }
      callee.names.put(k.getKey(), k.getValue());
    }
    int firstDefault = params.size() - f.defaults().size();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (!callee.names.containsKey(params.get(i))) {
        if (i >= firstDefault) {
          callee.names.put(params.get(i), f.defaults().get(i - firstDefault));
        } else {
          missing.add("'" + params.get(i) + "'");
        }
      }
    }
    if (!missing.isEmpty()) {
      String names =
          missing.size() == 1
              ? missing.get(0)
              : String.join(", ", missing.subList(0, missing.size() - 1))
                  + " and "
                  + missing.get(missing.size() - 1);
      throw Errors.type(
          f.name()
              + "() missing "
              + missing.size()
              + " required positional argument"
              + (missing.size() == 1 ? "" : "s")
              + ": "
              + names);
    }
  }

  /**
   * Adds {@code f} to the exception's traceback, once, at the line it is on: the exception went
   * through it (leaving it, or caught in it), outside the frames it went through before.
   */
  static void passedThrough(PyExc exception, Frame f) {
    List<PyExc.TraceEntry> tb = exception.traceback;
    if (tb.isEmpty() || tb.get(0).owner() != f) {
      tb.add(0, new PyExc.TraceEntry(f.file, f.line, f.function, f));
    }
  }

  // Statements.

  @Override
  public void expression(Stmt.ExprStmt s) {
    lastValue = evaluate(s.value());
  }

  @Override
  public void assign(Stmt.Assign s) {
    Object value = evaluator.withName(s.value(), Targets.nameFor(s.targets().get(0)));
    for (Expr target : s.targets()) {
      Targets.assign(this, target, value);
    }
  }

  @Override
  public void augAssign(Stmt.AugAssign s) {
    Targets.augment(this, s);
  }

  @Override
  public void pass(Stmt.Pass s) {}

  @Override
  public void breakLoop(Stmt.Break s) {
    throw Signals.Break.INSTANCE;
  }

  @Override
  public void continueLoop(Stmt.Continue s) {
    throw Signals.Continue.INSTANCE;
  }

  @Override
  public void delete(Stmt.Del s) {
    for (Expr target : s.targets()) {
      Targets.delete(this, target);
    }
  }

  @Override
  public void returnFrom(Stmt.Return s) {
    throw new Signals.Return(s.value() == null ? PyNone.NONE : evaluate(s.value()));
  }

  @Override
  public void raise(Stmt.Raise s) {
    if (s.exception() == null) {
      if (handling == null) {
        throw Errors.raise(ExcTypes.RUNTIME_ERROR, "No active exception to reraise");
      }
      throw new PyRaise(handling);
    }
    PyExc exception =
        exceptionOf(evaluate(s.exception()), "exceptions must derive from" + " BaseException");
    if (s.cause() != null) {
      Object cause = evaluate(s.cause());
      exception.cause =
          cause == PyNone.NONE
              ? null
              : exceptionOf(cause, "exception causes must derive from BaseException");
      exception.suppressContext = true;
    }
    exception.traceback.clear();
    throw new PyRaise(exception);
  }

  private PyExc exceptionOf(Object o, String message) {
    if (o instanceof PyExc e) {
      return e;
    }
    if (o instanceof PyType t && t.isException()) {
      return (PyExc) t.call(this, List.of(), Map.of());
    }
    throw Errors.type(message);
  }

  @Override
  public void assertion(Stmt.Assert s) {
    if (!Ops.truthy(evaluate(s.test()))) {
      throw new PyRaise(
          s.message() == null
              ? PyExc.of(ExcTypes.ASSERTION_ERROR)
              : PyExc.of(ExcTypes.ASSERTION_ERROR, evaluate(s.message())));
    }
  }

  @Override
  public void global(Stmt.Global s) {}

  @Override
  public void importModules(Stmt.Import s) {
    for (Stmt.Alias alias : s.names()) {
      assign(alias.alias() != null ? alias.alias() : alias.name(), modules.get(alias.name()));
    }
  }

  @Override
  public void importFrom(Stmt.ImportFrom s) {
    PyModule module = modules.get(s.module());
    if (s.names().isEmpty()) {
      for (Map.Entry<String, Object> e : module.attributes.entrySet()) {
        if (!e.getKey().startsWith("_")) {
          assign(e.getKey(), e.getValue());
        }
      }
      return;
    }
    for (Stmt.Alias alias : s.names()) {
      Object value = module.attributes.get(alias.name());
      if (value == null) {
        throw Errors.raise(
            ExcTypes.IMPORT_ERROR,
            "cannot import name '" + alias.name() + "' from '" + module.name + "' (sockshell)");
      }
      assign(alias.alias() != null ? alias.alias() : alias.name(), value);
    }
  }

  @Override
  public void ifElse(Stmt.If s) {
    if (Ops.truthy(evaluate(s.test()))) {
      block(s.body());
    } else {
      block(s.orElse());
    }
  }

  @Override
  public void whileLoop(Stmt.While s) {
    while (true) {
      frame.line = s.line();
      if (!Ops.truthy(evaluate(s.test()))) {
        block(s.orElse());
        return;
      }
      try {
        block(s.body());
      } catch (Signals.Break b) {
        return;
      } catch (Signals.Continue c) {
        // next round
      }
    }
  }

  @Override
  public void forLoop(Stmt.For s) {
    Iterator<Object> items = Seqs.iterate(evaluate(s.iterable()));
    while (true) {
      frame.line = s.line();
      if (!items.hasNext()) {
        block(s.orElse());
        return;
      }
      Targets.assign(this, s.target(), items.next());
      try {
        block(s.body());
      } catch (Signals.Break b) {
        return;
      } catch (Signals.Continue c) {
        // next item
      }
    }
  }

  @Override
  public void tryExcept(Stmt.Try s) {
    try {
      boolean completed = false;
      try {
        block(s.body());
        completed = true;
      } catch (PyRaise e) {
        if (!handle(s, e)) {
          throw e;
        }
      }
      if (completed) {
        block(s.orElse());
      }
    } finally {
      if (!s.finalBody().isEmpty()) {
        block(s.finalBody());
      }
    }
  }

  /** Runs the first handler that matches {@code e}; false if none does. */
  private boolean handle(Stmt.Try s, PyRaise e) {
    PyExc exception = e.exception;
    passedThrough(exception, frame);
    for (Stmt.Handler h : s.handlers()) {
      frame.line = h.line();
      if (h.type() != null && !matches(evaluate(h.type()), exception)) {
        continue;
      }
      PyExc outer = handling;
      handling = exception;
      try {
        if (h.name() != null) {
          assign(h.name(), exception);
        }
        block(h.body());
      } finally {
        handling = outer;
        if (h.name() != null) {
          try {
            delete(h.name()); // Python deletes the name at the end of the handler
          } catch (PyRaise gone) {
            // deleted in the handler already
          }
        }
      }
      return true;
    }
    return false;
  }

  private boolean matches(Object type, PyExc exception) {
    if (type instanceof PyTuple t) {
      for (Object item : t.items()) {
        if (matches(item, exception)) {
          return true;
        }
      }
      return false;
    }
    if (type instanceof PyType c && c.isException()) {
      return exception.type.isSubclassOf(c);
    }
    throw Errors.type("catching classes that do not inherit from BaseException is not allowed");
  }

  @Override
  public void with(Stmt.With s) {
    with(s, 0);
  }

  /** Item {@code i} and the rest, nested as Python nests them. */
  private void with(Stmt.With s, int i) {
    if (i == s.items().size()) {
      block(s.body());
      return;
    }
    Stmt.WithItem item = s.items().get(i);
    Object context =
        evaluator.withName(
            item.context(), item.target() == null ? null : Targets.nameFor(item.target()));
    Object entered = ContextManagers.enter(this, context);
    if (item.target() != null) {
      Targets.assign(this, item.target(), entered);
    }
    boolean raised = false;
    try {
      with(s, i + 1);
    } catch (PyRaise e) {
      raised = true;
      ContextManagers.exit(this, context);
      throw e;
    } finally {
      if (!raised) {
        ContextManagers.exit(this, context); // also after break, continue and return
      }
    }
  }

  @Override
  public void def(Stmt.Def s) {
    List<Object> defaults = new ArrayList<>();
    for (Expr d : s.defaults()) {
      defaults.add(evaluate(d));
    }
    assign(s.name(), new PyFunction(s, defaults, frame.isModule() ? null : frame, frame.file));
  }
}
