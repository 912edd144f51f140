package dev.sockshell.render;

/** What a piece of output is; the console turns it into a colour, plain output ignores it. */
public enum Style {
  PLAIN,
  PROMPT,
  COMMAND,
  SOCKET,
  VALUE,
  VALUE_NAME,
  ADDRESS,
  NUMBER,
  STRING,
  CONSTANT,
  FEEDBACK,
  HINT,
  ERROR,
  WARNING,
  SUCCESS,
  HEADER,
  DIM,
  /** Something that happened on a socket while the prompt waited. */
  EVENT
}
