package dev.sockshell.python;

import java.util.List;
import java.util.Map;

/** Anything Python can call: functions, builtins, bound methods, types. */
interface PyCallable {
  Object call(Interpreter interpreter, List<Object> args, Map<String, Object> keywords);
}
