package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.commands.CommandTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The net layer reports facts; a command to type is an {@code Advice} that the commands layer
 * words. So no message a net class looks up spells a command line: a command with a socket after it
 * ({@code recv {2} returns them}).
 */
class NetWordingTest {
  private static final Pattern KEY = Pattern.compile("Text\\.get\\(\\s*\"([^\"]+)\"");

  @Test
  void noMessageOfTheNetLayerSpellsACommandToType() throws IOException {
    Properties messages = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/dev/sockshell/i18n/messages.properties")) {
      messages.load(in);
    }
    List<String> commands = CommandTable.standard().names();
    List<String> found = new ArrayList<>();
    int keys = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/sockshell/net"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KEY.matcher(Files.readString(file));
        while (m.find()) {
          String text = messages.getProperty(m.group(1), "");
          keys++;
          for (String command : commands) {
            if (text.matches("(?s).*(^|[^\\w-])" + Pattern.quote(command) + " \\{\\d}.*")) {
              found.add(file.getFileName() + ": " + m.group(1) + " = " + text);
            }
          }
        }
      }
    }
    assertTrue(keys > 50, "the net layer's messages were not found");
    assertEquals(List.of(), found);
  }
}
