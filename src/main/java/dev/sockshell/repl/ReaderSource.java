package dev.sockshell.repl;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lines of a script file or of piped stdin. */
public final class ReaderSource implements LineSource {
  /** Text already decoded (a test's string), or null when {@link #bytes} is read. */
  private final BufferedReader reader;

  /** A file's or stdin's bytes, decoded a line at a time. */
  private final Utf8Lines bytes;

  /** Under {@link #bytes}: flushes the shell's output before waiting for input. */
  private final FlushingInput input;

  private final String name;
  private final Path baseDirectory;
  private int number;
  private boolean ended;

  public ReaderSource(Reader reader, String name, Path baseDirectory) {
    this(
        reader instanceof BufferedReader b ? b : new BufferedReader(reader),
        null,
        null,
        name,
        baseDirectory);
  }

  private ReaderSource(
      BufferedReader reader,
      Utf8Lines bytes,
      FlushingInput input,
      String name,
      Path baseDirectory) {
    this.reader = reader;
    this.bytes = bytes;
    this.input = input;
    this.name = name;
    this.baseDirectory = baseDirectory;
  }

  /** A script's UTF-8 bytes, such as piped stdin; a line that is not UTF-8 stops it there. */
  public static ReaderSource of(InputStream in, String name, Path baseDirectory) {
    FlushingInput input = new FlushingInput(in);
    return new ReaderSource(
        null, new Utf8Lines(new BufferedInputStream(input)), input, name, baseDirectory);
  }

  /** A script file; its own directory is the base for relative paths inside it. */
  public static ReaderSource open(Path file) throws IOException {
    return open(file, file.toString());
  }

  /**
   * A script file called {@code name} in messages.
   *
   * @throws Utf8Lines.NotAScript for a binary file or UTF-16 text, before any line runs
   */
  public static ReaderSource open(Path file, String name) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    InputStream in = new BufferedInputStream(Files.newInputStream(absolute));
    try {
      Utf8Lines.checkIsText(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return of(in, name, absolute.getParent());
  }

  @Override
  public Line next() throws IOException {
    if (ended) {
      return null;
    }
    String text;
    try {
      text = reader != null ? reader.readLine() : bytes.next(number + 1);
    } catch (Utf8Lines.NotUtf8 e) {
      number++; // the line was read: --keep-going goes on with the next one
      throw e;
    }
    if (text == null) {
      ended = true;
      if (reader != null) {
        reader.close();
      } else {
        bytes.close();
      }
      return null;
    }
    if (number == 0 && text.startsWith("\uFEFF")) {
      text = text.substring(1); // a UTF-8 byte order mark written by some editors
    }
    return new Line(text, ++number);
  }

  @Override
  public void flushBeforeWaiting(Runnable flush) {
    // Text already decoded (a test's string) never waits, so only the bytes need the hook.
    if (input != null) {
      input.setFlush(flush);
    }
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
