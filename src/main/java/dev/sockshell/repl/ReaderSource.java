package dev.sockshell.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lines of a script file or of piped stdin. */
public final class ReaderSource implements LineSource {
  private final BufferedReader reader;
  private final String name;
  private final Path baseDirectory;
  private int number;
  private boolean ended;

  public ReaderSource(Reader reader, String name, Path baseDirectory) {
    this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    this.name = name;
    this.baseDirectory = baseDirectory;
  }

  /** A script file; its own directory is the base for relative paths inside it. */
  public static ReaderSource open(Path file) throws IOException {
    return open(file, file.toString());
  }

  /** A script file called {@code name} in messages. */
  public static ReaderSource open(Path file, String name) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    return new ReaderSource(
        Files.newBufferedReader(absolute, StandardCharsets.UTF_8), name, absolute.getParent());
  }

  @Override
  public Line next() throws IOException {
    if (ended) {
      return null;
    }
    String text = reader.readLine();
    if (text == null) {
      ended = true;
      reader.close();
      return null;
    }
    if (number == 0 && text.startsWith("\uFEFF")) {
      text = text.substring(1); // a UTF-8 byte order mark written by some editors
    }
    return new Line(text, ++number);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Path baseDirectory() {
    return baseDirectory;
  }

  @Override
  public boolean isInteractive() {
    return false;
  }
}
