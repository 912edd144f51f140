package dev.sockshell.console;

/**
 * The console's java.util.logging configuration: no handler, and no configuration file read. The
 * log manager reads {@code logging.properties} when it starts (JLine's terminal builder starts it);
 * named as the configuration class, this one is all it runs instead. JLine's records are stopped at
 * its own logger as well ({@code Console}), in case the log manager had started before.
 */
public final class QuietLogging {
  /** Called by the log manager when it starts: configures nothing. */
  public QuietLogging() {}
}
