package dev.sockshell.commands;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The session's settings that change how commands read text and how results are shown. */
public final class Settings {
  /** How much the loop prints after each command. */
  public enum Feedback {
    VERBOSE,
    NORMAL,
    CONCISE,
    SILENT
  }

  /** How received bytes are shown. */
  public enum Display {
    REPR,
    TEXT,
    HEX
  }

  private Charset encoding = StandardCharsets.UTF_8;
  private Feedback feedback = Feedback.NORMAL;
  private Display display = Display.REPR;

  /** The encoding of text literals (Python's {@code str.encode()} default is UTF-8). */
  public Charset encoding() {
    return encoding;
  }

  public void setEncoding(Charset encoding) {
    this.encoding = encoding;
  }

  public Feedback feedback() {
    return feedback;
  }

  public void setFeedback(Feedback feedback) {
    this.feedback = feedback;
  }

  public Display display() {
    return display;
  }

  public void setDisplay(Display display) {
    this.display = display;
  }
}
