package dev.sockshell.commands;

import dev.sockshell.lang.Command;
import dev.sockshell.render.Repr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The background commands (serve, relay, stop, wait, on, off) in an exported program: calls of a
 * threading helper that {@link #helper()} gives once, at the top. The specs' own Python text
 * (asyncio, for {@code /help}) is not a statement python3 runs outside {@code async def}.
 */
final class BackgroundExport {
  private static final String HELPER = "/dev/sockshell/export/background.py";

  /** The modules the helper uses. */
  static final List<String> IMPORTS = List.of("select", "threading", "time");

  private BackgroundExport() {}

  /** The statement for a background command, or null if {@code command} is not one. */
  static String statement(Command command) {
    if (command instanceof Command.Serve s) {
      return serve(s);
    } else if (command instanceof Command.Relay r) {
      return "background_relay("
          + Repr.str(r.first())
          + ", "
          + r.first()
          + ", "
          + Repr.str(r.second())
          + ", "
          + r.second()
          + ")"
          + (r.trace() || r.hex() ? "  # sockshell also told each chunk" : "");
    } else if (command instanceof Command.Stop s) {
      return "background_stop(" + Repr.str(s.name()) + ")";
    } else if (command instanceof Command.Wait w) {
      return "background_wait("
          + (w.seconds() == null ? "" : ScriptCommands.seconds(w.seconds()))
          + ")";
    } else if (command instanceof Command.On on) {
      return notExported(on.text());
    } else if (command instanceof Command.Off off) {
      return notExported("off " + off.number());
    }
    return null;
  }

  private static String serve(Command.Serve s) {
    String answer =
        switch (s.mode()) {
          case ECHO -> "lambda data: data";
          case REPLY -> "lambda data: " + Py.data(s.reply());
          case RULES -> null;
        };
    if (answer == null) {
      return notExported("serve " + s.name() + " --rules");
    }
    return "background_serve("
        + Repr.str(s.name())
        + ", "
        + s.name()
        + ", "
        + answer
        + (s.max() == null ? "" : ", max_count=" + s.max())
        + ")";
  }

  /**
   * The rules of {@code on} (what partial input they keep, which rule fires first) have no export
   * yet: the program stops there, saying so, rather than doing something else.
   */
  private static String notExported(String line) {
    return "raise NotImplementedError("
        + Repr.str(line + ": rules of on are not exported to Python yet")
        + ")";
  }

  /** The helper's definitions, written once after the imports when a background call is used. */
  static List<String> helper() {
    try (InputStream in = BackgroundExport.class.getResourceAsStream(HELPER)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
