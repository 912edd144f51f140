package dev.sockshell.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An uncaught exception as CPython prints it: the chain, each traceback, the last line. */
final class Traceback {
  private Traceback() {}

  /** The lines, given each file's source lines (a file not in {@code sources} shows none). */
  static List<String> lines(PyExc e, Map<String, List<String>> sources) {
    List<String> out = new ArrayList<>();
    if (e.cause != null) {
      out.addAll(lines(e.cause, sources));
      out.add("");
      out.add("The above exception was the direct cause of the following exception:");
      out.add("");
    } else if (e.context != null && !e.suppressContext) {
      out.addAll(lines(e.context, sources));
      out.add("");
      out.add("During handling of the above exception, another exception occurred:");
      out.add("");
    }
    if (!e.traceback.isEmpty()) {
      out.add("Traceback (most recent call last):");
      for (PyExc.TraceEntry t : e.traceback) {
        out.add("  File \"" + t.file() + "\", line " + t.line() + ", in " + t.function());
        List<String> source = sources.get(t.file());
        if (source != null && t.line() >= 1 && t.line() <= source.size()) {
          String text = source.get(t.line() - 1).strip();
          if (!text.isEmpty()) {
            out.add("    " + text);
          }
        }
      }
    }
    out.add(e.lastLine());
    return out;
  }
}
