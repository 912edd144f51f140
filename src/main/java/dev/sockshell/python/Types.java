package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** The built-in types, what {@code type(x)} returns, and the type names messages use. */
final class Types {

  private static final String BUILTIN_FUNCTION_OR_METHOD = "builtin_function_or_method";

  private Types() {}

  static final PyType INT =
      PyType.builtin(
          "int",
          o -> o instanceof BigInteger || o instanceof Boolean || o instanceof IntConst,
          Constructors::toInt);
  static final PyType BOOL =
      PyType.builtin("bool", o -> o instanceof Boolean, Constructors::toBool);
  static final PyType FLOAT =
      PyType.builtin("float", o -> o instanceof Double, Constructors::toFloat);
  static final PyType STR = PyType.builtin("str", o -> o instanceof String, Constructors::toStr);
  static final PyType BYTES =
      PyType.builtin("bytes", o -> o instanceof ByteString, Constructors::toBytes);
  static final PyType BYTEARRAY =
      PyType.builtin("bytearray", o -> o instanceof PyByteArray, Constructors::toByteArray);
  static final PyType LIST = PyType.builtin("list", o -> o instanceof PyList, Constructors::toList);
  static final PyType TUPLE =
      PyType.builtin("tuple", o -> o instanceof PyTuple, Constructors::toTuple);
  static final PyType DICT = PyType.builtin("dict", o -> o instanceof PyDict, Constructors::toDict);
  static final PyType RANGE =
      PyType.builtin("range", o -> o instanceof PyRange, Constructors::range);
  static final PyType NONE_TYPE = PyType.builtin("NoneType", o -> o == PyNone.NONE, null);
  static final PyType TYPE = PyType.builtin("type", o -> o instanceof PyType, Constructors::type);
  static final PyType OBJECT = PyType.builtin("object", o -> true, null);
  static final PyType FUNCTION = PyType.builtin("function", o -> o instanceof PyFunction, null);
  static final PyType BUILTIN_FUNCTION =
      PyType.builtin(
          BUILTIN_FUNCTION_OR_METHOD, o -> o instanceof Builtin || o instanceof BoundMethod, null);
  static final PyType MODULE = PyType.builtin("module", o -> o instanceof PyModule, null);

  /** The types the builtins module names. */
  static Map<String, PyType> builtins() {
    Map<String, PyType> types = new LinkedHashMap<>();
    for (PyType t :
        new PyType[] {
          INT, BOOL, FLOAT, STR, BYTES, BYTEARRAY, LIST, TUPLE, DICT, RANGE, TYPE, OBJECT
        }) {
      types.put(t.name, t);
    }
    return types;
  }

  /** {@code type(o)}. */
  static PyType of(Object o) {
    if (o instanceof Boolean) {
      return BOOL;
    } else if (o instanceof BigInteger) {
      return INT;
    } else if (o instanceof Double) {
      return FLOAT;
    } else if (o instanceof String) {
      return STR;
    } else if (o instanceof ByteString) {
      return BYTES;
    } else if (o instanceof PyByteArray) {
      return BYTEARRAY;
    } else if (o instanceof PyList) {
      return LIST;
    } else if (o instanceof PyTuple) {
      return TUPLE;
    } else if (o instanceof PyDict) {
      return DICT;
    } else if (o instanceof PyRange) {
      return RANGE;
    } else if (o == PyNone.NONE) {
      return NONE_TYPE;
    } else if (o instanceof PyType) {
      return TYPE;
    } else if (o instanceof PyExc e) {
      return e.type;
    } else if (o instanceof PyFunction) {
      return FUNCTION;
    } else if (o instanceof Builtin || o instanceof BoundMethod) {
      return BUILTIN_FUNCTION;
    } else if (o instanceof PyModule) {
      return MODULE;
    } else if (o instanceof PySocket) {
      return SocketModule.SOCKET_TYPE;
    } else if (o instanceof IntConst c) {
      return SocketModule.enumType(c.enumName());
    }
    return PyType.builtin(name(o), x -> false, null);
  }

  /** The type's name, as messages say it: {@code 'int' object is not iterable}. */
  static String name(Object o) {
    if (o instanceof Boolean) {
      return "bool";
    } else if (o instanceof BigInteger) {
      return "int";
    } else if (o instanceof Double) {
      return "float";
    } else if (o instanceof String) {
      return "str";
    } else if (o instanceof ByteString) {
      return "bytes";
    } else if (o instanceof PyByteArray) {
      return "bytearray";
    } else if (o instanceof PyList) {
      return "list";
    } else if (o instanceof PyTuple) {
      return "tuple";
    } else if (o instanceof PyDict) {
      return "dict";
    } else if (o instanceof PyRange) {
      return "range";
    } else if (o == PyNone.NONE) {
      return "NoneType";
    } else if (o == PyNone.ELLIPSIS) {
      return "ellipsis";
    } else if (o instanceof PyType) {
      return "type";
    } else if (o instanceof PyExc e) {
      return e.type.name;
    } else if (o instanceof PyFunction) {
      return "function";
    } else if (o instanceof Builtin || o instanceof BoundMethod) {
      return BUILTIN_FUNCTION_OR_METHOD;
    } else if (o instanceof PyModule) {
      return "module";
    } else if (o instanceof PySocket) {
      return "socket";
    } else if (o instanceof IntConst c) {
      return c.enumName();
    } else if (o instanceof SocketFile) {
      return "BufferedReader";
    } else if (o instanceof PyIterator i) {
      return i.kind();
    } else if (o instanceof DictMethods.View v) {
      return "dict_" + v.kind();
    } else if (o instanceof StdStream) {
      return "TextIOWrapper";
    } else if (o instanceof Seqs.Slice) {
      return "slice";
    }
    return o.getClass().getSimpleName();
  }
}
