package dev.sockshell.python;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names a function's body makes local: Python decides it before running, so a name assigned
 * anywhere in the function is local everywhere in it (read before its assignment, it raises
 * UnboundLocalError), unless a {@code global} statement says otherwise.
 */
final class Scopes {
  private Scopes() {}

  record Names(Set<String> locals, Set<String> globals) {}

  static Names of(List<String> params, List<Stmt> body) {
    Set<String> locals = new LinkedHashSet<>(params);
    Set<String> globals = new LinkedHashSet<>();
    collect(body, locals, globals);
    locals.removeAll(globals);
    return new Names(Set.copyOf(locals), Set.copyOf(globals));
  }

  private static void collect(List<Stmt> body, Set<String> locals, Set<String> globals) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assign a) {
        a.targets().forEach(t -> target(t, locals));
      } else if (s instanceof Stmt.AugAssign a) {
        target(a.target(), locals);
      } else if (s instanceof Stmt.Del d) {
        d.targets().forEach(t -> target(t, locals));
      } else if (s instanceof Stmt.Global g) {
        globals.addAll(g.names());
      } else if (s instanceof Stmt.Import i) {
        for (Stmt.Alias alias : i.names()) {
          locals.add(alias.alias() != null ? alias.alias() : alias.name().split("\\.")[0]);
        }
      } else if (s instanceof Stmt.ImportFrom i) {
        for (Stmt.Alias alias : i.names()) {
          locals.add(alias.alias() != null ? alias.alias() : alias.name());
        }
      } else if (s instanceof Stmt.If i) {
        collect(i.body(), locals, globals);
        collect(i.orElse(), locals, globals);
      } else if (s instanceof Stmt.While w) {
        collect(w.body(), locals, globals);
        collect(w.orElse(), locals, globals);
      } else if (s instanceof Stmt.For f) {
        target(f.target(), locals);
        collect(f.body(), locals, globals);
        collect(f.orElse(), locals, globals);
      } else if (s instanceof Stmt.Try t) {
        collect(t.body(), locals, globals);
        for (Stmt.Handler h : t.handlers()) {
          if (h.name() != null) {
            locals.add(h.name());
          }
          collect(h.body(), locals, globals);
        }
        collect(t.orElse(), locals, globals);
        collect(t.finalBody(), locals, globals);
      } else if (s instanceof Stmt.With w) {
        for (Stmt.WithItem item : w.items()) {
          if (item.target() != null) {
            target(item.target(), locals);
          }
        }
        collect(w.body(), locals, globals);
      } else if (s instanceof Stmt.Def d) {
        locals.add(d.name());
      }
    }
  }

  private static void target(Expr e, Set<String> locals) {
    if (e instanceof Expr.Name n) {
      locals.add(n.id());
    } else if (e instanceof Expr.TupleExpr t) {
      t.items().forEach(item -> target(item, locals));
    } else if (e instanceof Expr.ListExpr l) {
      l.items().forEach(item -> target(item, locals));
    }
  }
}
