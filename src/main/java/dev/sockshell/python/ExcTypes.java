package dev.sockshell.python;

import dev.sockshell.net.Errno;
import java.util.LinkedHashMap;
import java.util.Map;

/** Python's exception classes that socket programs meet, with their bases as in CPython 3.11. */
final class ExcTypes {
  private ExcTypes() {}

  private static final Map<String, PyType> BUILTIN = new LinkedHashMap<>();

  static final PyType BASE_EXCEPTION = add("BaseException", null);
  static final PyType SYSTEM_EXIT = add("SystemExit", BASE_EXCEPTION);
  static final PyType KEYBOARD_INTERRUPT = add("KeyboardInterrupt", BASE_EXCEPTION);
  static final PyType EXCEPTION = add("Exception", BASE_EXCEPTION);
  static final PyType ARITHMETIC_ERROR = add("ArithmeticError", EXCEPTION);
  static final PyType ZERO_DIVISION_ERROR = add("ZeroDivisionError", ARITHMETIC_ERROR);
  static final PyType OVERFLOW_ERROR = add("OverflowError", ARITHMETIC_ERROR);
  static final PyType ASSERTION_ERROR = add("AssertionError", EXCEPTION);
  static final PyType ATTRIBUTE_ERROR = add("AttributeError", EXCEPTION);
  static final PyType EOF_ERROR = add("EOFError", EXCEPTION);
  static final PyType IMPORT_ERROR = add("ImportError", EXCEPTION);
  static final PyType LOOKUP_ERROR = add("LookupError", EXCEPTION);
  static final PyType INDEX_ERROR = add("IndexError", LOOKUP_ERROR);
  static final PyType KEY_ERROR = add("KeyError", LOOKUP_ERROR);
  static final PyType MEMORY_ERROR = add("MemoryError", EXCEPTION);
  static final PyType NAME_ERROR = add("NameError", EXCEPTION);
  static final PyType UNBOUND_LOCAL_ERROR = add("UnboundLocalError", NAME_ERROR);
  static final PyType OS_ERROR = add("OSError", EXCEPTION);
  static final PyType BLOCKING_IO_ERROR = add("BlockingIOError", OS_ERROR);
  static final PyType CONNECTION_ERROR = add("ConnectionError", OS_ERROR);
  static final PyType BROKEN_PIPE_ERROR = add("BrokenPipeError", CONNECTION_ERROR);
  static final PyType CONNECTION_ABORTED_ERROR = add("ConnectionAbortedError", CONNECTION_ERROR);
  static final PyType CONNECTION_REFUSED_ERROR = add("ConnectionRefusedError", CONNECTION_ERROR);
  static final PyType CONNECTION_RESET_ERROR = add("ConnectionResetError", CONNECTION_ERROR);
  static final PyType FILE_EXISTS_ERROR = add("FileExistsError", OS_ERROR);
  static final PyType FILE_NOT_FOUND_ERROR = add("FileNotFoundError", OS_ERROR);
  static final PyType INTERRUPTED_ERROR = add("InterruptedError", OS_ERROR);
  static final PyType IS_A_DIRECTORY_ERROR = add("IsADirectoryError", OS_ERROR);
  static final PyType NOT_A_DIRECTORY_ERROR = add("NotADirectoryError", OS_ERROR);
  static final PyType PERMISSION_ERROR = add("PermissionError", OS_ERROR);
  static final PyType TIMEOUT_ERROR = add("TimeoutError", OS_ERROR);
  static final PyType RUNTIME_ERROR = add("RuntimeError", EXCEPTION);
  static final PyType NOT_IMPLEMENTED_ERROR = add("NotImplementedError", RUNTIME_ERROR);
  static final PyType RECURSION_ERROR = add("RecursionError", RUNTIME_ERROR);
  static final PyType STOP_ITERATION = add("StopIteration", EXCEPTION);
  static final PyType TYPE_ERROR = add("TypeError", EXCEPTION);
  static final PyType VALUE_ERROR = add("ValueError", EXCEPTION);
  static final PyType UNICODE_ERROR = add("UnicodeError", VALUE_ERROR);
  static final PyType UNICODE_DECODE_ERROR = add("UnicodeDecodeError", UNICODE_ERROR);
  static final PyType UNICODE_ENCODE_ERROR = add("UnicodeEncodeError", UNICODE_ERROR);

  // Exceptions of the modules sockshell has.
  static final PyType GAIERROR = PyType.exception("gaierror", "socket", OS_ERROR);
  static final PyType HERROR = PyType.exception("herror", "socket", OS_ERROR);
  static final PyType STRUCT_ERROR = PyType.exception("error", "struct", EXCEPTION);

  private static PyType add(String name, PyType base) {
    PyType type = PyType.exception(name, null, base);
    BUILTIN.put(name, type);
    return type;
  }

  /** The built-in exception classes by name, as the builtins module has them. */
  static Map<String, PyType> builtins() {
    return BUILTIN;
  }

  /** The class sockshell's exception of that name is in Python. */
  static PyType of(dev.sockshell.net.PyException type) {
    return switch (type) {
      case gaierror -> GAIERROR;
      default -> BUILTIN.getOrDefault(type.name(), OS_ERROR);
    };
  }

  /** The OSError subclass Python raises for {@code errno} (PEP 3151), OSError if none. */
  static PyType forErrno(int errno) {
    for (Errno e : Errno.values()) {
      if (e.number() == errno && errno > 0) {
        return of(e.pythonClass());
      }
    }
    return OS_ERROR;
  }
}
