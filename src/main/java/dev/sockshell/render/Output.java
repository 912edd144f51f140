package dev.sockshell.render;

/** Where lines of output go: a terminal (with colour), a stream, a transcript. */
public interface Output {
  void println(Styled line);

  default void println(String text) {
    println(Styled.plain(text));
  }

  /** Pushes buffered lines out, e.g. before a call that may block. */
  void flush();

  /** The width of the screen in columns, or 0 where there is none (a pipe, a file). */
  default int width() {
    return 0;
  }
}
