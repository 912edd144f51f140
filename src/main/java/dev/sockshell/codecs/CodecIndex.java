package dev.sockshell.codecs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names Python accepts for its codecs and what each is (index.txt, written from Python's
 * encodings package and encodings.aliases by src/tools/codecs/generate.py), and Python's way of
 * finding a codec by name: {@code encodings.normalize_encoding}, then an alias, then a module.
 */
final class CodecIndex {
  /** What a module of Python's encodings package is, for sockshell. */
  record Module(String module, String kind, String canonical) {
    boolean isBinary() {
      return kind.equals("binary");
    }

    /** A text codec Python has and this package has not. */
    boolean isMissing() {
      return kind.equals("other");
    }

    /**
     * The codec, its table read now. Here rather than in PyCodecs, so that loading PyCodecs (for
     * UTF-8) does not load every codec class the JVM's verifier would check this against.
     */
    PyCodec make() {
      return switch (kind) {
        case "utf-8" -> PyCodecs.UTF_8;
        case "utf-8-sig" -> new Utf8Sig();
        case "utf-16" -> Utf16.WITH_MARK;
        case "utf-16-le" -> Utf16.LE;
        case "utf-16-be" -> Utf16.BE;
        case "utf-32" -> Utf32.WITH_MARK;
        case "utf-32-le" -> Utf32.LE;
        case "utf-32-be" -> Utf32.BE;
        case "latin-1" -> Ucs1.LATIN_1;
        case "ascii" -> Ucs1.ASCII;
        case "charmap" -> new Charmap(canonical, Table.loadCharmap(module));
        case "multibyte" -> new MultiByte(canonical, Table.load(module));
        case "gb18030" -> new Gb18030(Table.load(module));
        case "undefined" -> new Undefined();
        default -> throw new IllegalStateException("index.txt names an unknown kind " + this);
      };
    }
  }

  private static final CodecIndex INSTANCE = read();

  private final Map<String, Module> modules = new TreeMap<>();
  private final Map<String, String> aliases = new HashMap<>();

  static CodecIndex get() {
    return INSTANCE;
  }

  private static CodecIndex read() {
    CodecIndex index = new CodecIndex();
    try (InputStream in = CodecIndex.class.getResourceAsStream("index.txt");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] words = line.split(" ");
        switch (words[0]) {
          case "codec" -> index.modules.put(words[1], new Module(words[1], words[2], words[3]));
          case "other" -> index.modules.put(words[1], new Module(words[1], "other", words[2]));
          case "binary" -> index.modules.put(words[1], new Module(words[1], "binary", words[1]));
          case "alias" -> index.aliases.put(words[1], words[2]);
          default -> {} // a comment
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return index;
  }

  /**
   * The module Python's codec search finds for {@code name}, or null: the name normalized as
   * CPython's _Py_normalize_encoding does (ASCII letters lowered, digits and '.' kept, every other
   * run of characters one '_' between words), then encodings.aliases, with '.' read as '_', then
   * the module of that name.
   */
  Module find(String name) {
    String normalized = normalize(name);
    String aliased = aliases.get(normalized);
    if (aliased == null) {
      aliased = aliases.get(normalized.replace('.', '_'));
    }
    for (String candidate : aliased == null ? List.of(normalized) : List.of(aliased, normalized)) {
      if (!candidate.isEmpty() && candidate.indexOf('.') < 0 && modules.containsKey(candidate)) {
        return modules.get(candidate);
      }
    }
    return null;
  }

  static String normalize(String name) {
    StringBuilder normalized = new StringBuilder(name.length());
    boolean punctuation = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean word = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.');
      if (word) {
        if (punctuation && normalized.length() > 0) {
          normalized.append('_');
        }
        normalized.append(Character.toLowerCase(c));
      }
      punctuation = !word;
    }
    return normalized.toString();
  }

  /** The modules of the codecs this package has ('undefined', which refuses all, aside). */
  List<Module> codecs() {
    List<Module> codecs = new ArrayList<>();
    for (Module m : modules.values()) {
      if (!m.isBinary() && !m.isMissing() && !m.kind().equals("undefined")) {
        codecs.add(m);
      }
    }
    return codecs;
  }

  /** Every name that finds a codec this package has: its module name and its aliases. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (Module m : codecs()) {
      names.add(m.module());
    }
    aliases.forEach(
        (alias, module) -> {
          Module m = modules.get(module);
          if (m != null && !m.isBinary() && !m.isMissing()) {
            names.add(alias);
          }
        });
    return names;
  }
}
