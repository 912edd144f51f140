package dev.sockshell.repl;

/**
 * Where a command runs, for messages: its source, line number and text, and the rounds of the loops
 * around it ({@code "2, 3"}: round 3 of a loop, in round 2 of the loop around that one).
 */
record Place(LineSource source, int number, String text, String rounds) {
  static Place of(LineSource source, LineSource.Line line) {
    return new Place(source, line.number(), line.text(), "");
  }

  /** A command {@code offset} lines below this one (a loop's header), in {@code round}. */
  Place inner(int offset, String text, long round) {
    return new Place(
        source,
        number + offset,
        text,
        rounds.isEmpty() ? Long.toString(round) : rounds + ", " + round);
  }

  boolean inLoop() {
    return !rounds.isEmpty();
  }

  /** {@code demo.socks:7}, {@code demo.socks:9 (round 3)}, or null for the console. */
  String where() {
    if (source.name() == null) {
      return null;
    }
    String line = source.name() + ":" + number;
    return rounds.isEmpty() ? line : line + " (round " + rounds + ")";
  }
}
