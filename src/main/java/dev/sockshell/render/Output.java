package dev.sockshell.render;

/** Where lines of output go: a terminal (with colour), a stream, a transcript. */
public interface Output {
  void println(Styled line);

  default void println(String text) {
    println(Styled.plain(text));
  }

  /**
   * A line of prose (an error, a hint, feedback): on a screen, broken at spaces to fit its width,
   * each line after the first starting with {@code continuation}; elsewhere, as it is.
   */
  default void println(Styled line, Styled continuation) {
    for (Styled l : Reflow.lines(line, width(), continuation)) {
      println(l);
    }
  }

  /** Pushes buffered lines out, e.g. before a call that may block. */
  void flush();

  /** The width of the screen in columns, or 0 where there is none (a pipe, a file). */
  default int width() {
    return 0;
  }

  /**
   * Whether box drawing shows here: false where the terminal cannot show it, and with {@code
   * NO_COLOR} on a dumb terminal (the diagram is then drawn in plain ASCII).
   */
  default boolean unicode() {
    return !asciiAsked(System.getenv("NO_COLOR"), System.getenv("TERM"));
  }

  /** {@code NO_COLOR} set (to anything) and {@code TERM=dumb}: the user asks for plain text. */
  static boolean asciiAsked(String noColor, String term) {
    return noColor != null && "dumb".equals(term);
  }
}
