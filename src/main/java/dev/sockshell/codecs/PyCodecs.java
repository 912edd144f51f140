package dev.sockshell.codecs;

import dev.sockshell.bytes.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Python's codecs by name, as {@code codecs.lookup}, {@code str.encode} and {@code bytes.decode}
 * find them: any name or alias Python accepts ({@code 'UTF8'}, {@code 'u8'}, {@code 'cp936'},
 * {@code 'latin_1'}), with Python's LookupError when there is none. A table-driven codec reads its
 * table the first time it is looked up; UTF-8 ({@link #UTF_8}) needs no lookup at all.
 */
public final class PyCodecs {
  private PyCodecs() {}

  /** Python's default encoding. */
  public static final PyCodec UTF_8 = new Utf8("utf-8");

  /** Codecs made so far, by module name: each table is read once. */
  private static final Map<String, PyCodec> MADE = new ConcurrentHashMap<>();

  /**
   * {@code codecs.lookup(encoding)} for a text codec.
   *
   * @throws CodecError a LookupError with Python's message ({@code unknown encoding: klingon}, or
   *     {@code 'rot13' is not a text encoding; ...}), a LookupError that says sockshell lacks a
   *     codec Python has ({@code utf-7}, {@code euc_kr}, the iso2022 family...), or Python's
   *     ValueError for a name with a NUL in it
   */
  public static PyCodec lookup(String encoding) throws CodecError {
    return lookup(encoding, "encode");
  }

  /** {@code text.encode(encoding, errors)}; null {@code errors} is {@code 'strict'}. */
  public static ByteString encode(String text, String encoding, String errors) throws CodecError {
    PyCodec codec = lookup(encoding, "encode");
    try {
      return codec.encode(text, errors);
    } catch (CodecError e) {
      throw wrapped(e, "encoding", encoding);
    }
  }

  /** {@code bytes.decode(encoding, errors)}; null {@code errors} is {@code 'strict'}. */
  public static String decode(ByteString bytes, String encoding, String errors) throws CodecError {
    PyCodec codec = lookup(encoding, "decode");
    try {
      return codec.decode(bytes, errors);
    } catch (CodecError e) {
      throw wrapped(e, "decoding", encoding);
    }
  }

  /**
   * The error as str.encode and bytes.decode raise it: CPython calls utf-8, utf-16, utf-32, ascii
   * and latin-1 directly when named so, and any other codec through the registry, which wraps an
   * error without attributes (a TypeError, a LookupError) in one naming the codec as typed.
   */
  private static CodecError wrapped(CodecError e, String operation, String encoding) {
    boolean direct =
        switch (CodecIndex.normalize(encoding)) {
          case "utf_8", "utf8", "utf_16", "utf16", "utf_32", "utf32", "ascii", "us_ascii" -> true;
          case "latin1", "latin_1", "iso_8859_1", "iso8859_1" -> true;
          default -> false;
        };
    if (direct || e.start() >= 0) {
      return e;
    }
    return CodecError.of(
        e.pythonClass(), operation + " with '" + encoding + "' codec failed (" + e + ")");
  }

  /** The canonical names of the codecs this package has, sorted: what /set encoding lists. */
  public static List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    for (CodecIndex.Module m : CodecIndex.get().codecs()) {
      names.add(m.canonical());
    }
    return new ArrayList<>(names);
  }

  /** Every name and alias that finds a codec this package has, e.g. for "did you mean". */
  public static List<String> acceptedNames() {
    return CodecIndex.get().names();
  }

  private static PyCodec lookup(String encoding, String verb) throws CodecError {
    if (encoding.equals("utf-8") || encoding.equals("utf8")) {
      return UTF_8;
    }
    if (encoding.indexOf('\0') >= 0) {
      throw CodecError.of("ValueError", "embedded null character");
    }
    CodecIndex.Module module = CodecIndex.get().find(encoding);
    if (module == null) {
      throw CodecError.lookup("unknown encoding: " + encoding);
    } else if (module.isBinary()) {
      throw CodecError.lookup(
          "'"
              + encoding
              + "' is not a text encoding; use codecs."
              + verb
              + "() to handle arbitrary codecs");
    } else if (module.isMissing()) {
      throw CodecError.lookup(
          "sockshell has no '"
              + module.canonical()
              + "' codec yet (Python has); /set encoding lists those it has");
    }
    return MADE.computeIfAbsent(module.module(), m -> module.make());
  }
}
