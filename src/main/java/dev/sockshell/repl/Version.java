package dev.sockshell.repl;

/** sockshell's version, from the jar's manifest ({@code dev} when run from classes). */
public final class Version {
  private Version() {}

  public static String text() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }
}
