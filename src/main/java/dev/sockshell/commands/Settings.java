package dev.sockshell.commands;

import dev.sockshell.codecs.PyCodec;
import dev.sockshell.codecs.PyCodecs;
import java.util.Locale;

/**
 * The session's settings that change how commands read text and how results are shown; {@code /set}
 * changes them ({@link SetCommands} knows their names and values).
 */
public final class Settings {
  /** How much the loop prints after each command. */
  public enum Feedback {
    /** Also the Python equivalent of each command and the sockets' state changes. */
    VERBOSE,
    /** Results, one line of feedback per command, and hints after errors. */
    NORMAL,
    /** Results and errors only. */
    CONCISE,
    /** Errors only; a script's lines are not echoed. */
    SILENT;

    /** As {@code /set feedback} takes it. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How received bytes are shown. */
  public enum Display {
    /** Python's bytes literal: {@code b'hi\r\n'}. */
    REPR,
    /** Decoded with the session's encoding, control characters escaped: {@code 'hi\r\n'}. */
    TEXT,
    /** A hex dump with offsets and an ASCII column. */
    HEX;

    /** As {@code /set display} takes it. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How much of a long run of bytes a result shows. */
  public enum Truncation {
    /** Bytes over 1 KiB: their start and their end, and how many were left out between. */
    SHORT,
    /** Every byte, however many. */
    ALL;

    /** As {@code /set truncation} takes it. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Truncation truncation = Truncation.SHORT;

  /** Null until set: UTF-8, without loading any codec class in a run that never encodes. */
  private PyCodec encoding;

  private Feedback feedback = Feedback.NORMAL;
  private Display display = Display.REPR;
  private volatile boolean events = true;
  private volatile boolean eventCounts;
  private boolean timing;

  /** A copy, e.g. to remember the settings a session started with. */
  public Settings copy() {
    Settings s = new Settings();
    s.encoding = encoding;
    s.feedback = feedback;
    s.display = display;
    s.events = events;
    s.eventCounts = eventCounts;
    s.truncation = truncation;
    s.timing = timing;
    return s;
  }

  /**
   * The encoding of text literals, of the text display and of {@code expect matches}: Python's
   * codec, UTF-8 by default as in Python.
   */
  public PyCodec encoding() {
    return encoding != null ? encoding : PyCodecs.UTF_8;
  }

  public void setEncoding(PyCodec encoding) {
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

  public Truncation truncation() {
    return truncation;
  }

  public void setTruncation(Truncation truncation) {
    this.truncation = truncation;
  }

  /** Whether the console reports what happens on the sockets while the prompt waits. */
  public boolean events() {
    return events;
  }

  public void setEvents(boolean events) {
    this.events = events;
    this.eventCounts = false;
  }

  /**
   * {@code /set events counts}: what the background does is told as counts, one line at a time,
   * instead of a line per event (live events at the prompt are told as with {@code on}).
   */
  public boolean eventCounts() {
    return eventCounts;
  }

  public void setEventCounts() {
    this.events = true;
    this.eventCounts = true;
  }

  /** As {@code /set events} takes it: on, counts or off. */
  public String eventsWord() {
    return !events ? "off" : eventCounts ? "counts" : "on";
  }

  /** Whether each command's result ends with how long it took: {@code (0.42 ms)}. */
  public boolean timing() {
    return timing;
  }

  public void setTiming(boolean timing) {
    this.timing = timing;
  }
}
