package dev.sockshell.python;

import dev.sockshell.bytes.ByteString;
import dev.sockshell.codecs.CodecError;
import dev.sockshell.codecs.PyCodecs;

/**
 * {@code str.encode} and {@code bytes.decode}: Python's codecs ({@link PyCodecs}), their errors
 * raised as Python's exceptions with the attributes Python gives them.
 */
final class Codecs {
  private Codecs() {}

  static ByteString encode(String text, String encoding, String errors) {
    try {
      return PyCodecs.encode(text, encoding, errors);
    } catch (CodecError e) {
      throw exception(e);
    }
  }

  static String decode(ByteString bytes, String encoding, String errors) {
    try {
      return PyCodecs.decode(bytes, encoding, errors);
    } catch (CodecError e) {
      throw exception(e);
    }
  }

  private static PyRaise exception(CodecError e) {
    PyType type = ExcTypes.builtins().getOrDefault(e.pythonClass(), ExcTypes.VALUE_ERROR);
    if (e.start() < 0) {
      return new PyRaise(PyExc.of(type, e.getMessage()));
    }
    Object object = e.text() != null ? e.text() : e.bytes();
    PyExc exc =
        PyExc.of(type, e.encoding(), object, Nums.of(e.start()), Nums.of(e.end()), e.reason());
    exc.attributes.put("encoding", e.encoding());
    exc.attributes.put("object", object);
    exc.attributes.put("start", Nums.of(e.start()));
    exc.attributes.put("end", Nums.of(e.end()));
    exc.attributes.put("reason", e.reason());
    exc.message = e.getMessage();
    return new PyRaise(exc);
  }
}
