package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.Errno;
import dev.sockshell.net.PyException;
import dev.sockshell.render.Styled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A newcomer finds every command, constant and error with /help alone: the pages are generated from
 * the specs, so these check that nothing a spec accepts is left out or unexplained.
 */
class HelpPagesTest {
  private final CommandTable table = CommandTable.standard();
  private final HelpPages help = new HelpPages(table, 80);

  @Test
  void theOverviewListsEveryCommandWithItsSummaryAndEveryTopic() {
    // In a wide window every summary fits on its command's line.
    String overview = text(new HelpPages(table, 400).overview());
    for (CommandSpec<?> spec : table.all()) {
      assertTrue(overview.contains(spec.synopsis()), spec.name());
      assertTrue(overview.contains(spec.summary()), spec.name());
    }
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      assertTrue(overview.contains("/help " + topic.name()), topic.name());
    }
  }

  @Test
  void everyConstantAnySpecAcceptsIsOnTheConstantsPageWithWhatItMeans() throws UsageError {
    String page = text(help.page("constants"));
    for (CommandSpec<?> spec : table.all()) {
      for (Param p : spec.params()) {
        for (String choice : p.choices()) {
          assertNotNull(
              ConstantDocs.meaning(choice), choice + " (" + spec.name() + ") has no meaning");
          assertTrue(page.contains(choice + "  "), choice + " is missing from /help constants");
        }
      }
    }
  }

  @Test
  void theErrorsPageListsEveryPythonClassAndErrnoSymbol() throws UsageError {
    String page = text(help.page("errors"));
    for (PyException p : PyException.values()) {
      assertTrue(page.contains(p.pythonName()), p.name());
      assertNotNull(ConstantDocs.meaning(p.name()), p.name());
    }
    for (Errno e : Errno.values()) {
      assertTrue(page.contains(e.name() + " " + e.number()), e.name());
    }
  }

  @Test
  void everyDocumentedErrorIsANameExpectErrorAcceptsAndShowsWithItsClass() throws UsageError {
    for (CommandSpec<?> spec : table.all()) {
      for (CommandSpec.ErrorDoc e : spec.errors()) {
        boolean known =
            Errno.byName(e.name()).isPresent() || PyException.byName(e.name()).isPresent();
        assertTrue(known, spec.name() + " documents an unknown error " + e.name());
        assertFalse(e.meaning().isBlank(), spec.name() + " " + e.name());
      }
    }
    String bind = text(help.page("bind"));
    assertTrue(bind.contains("OSError [EADDRINUSE]"), bind);
    assertTrue(bind.contains("PermissionError [EACCES]"), bind);
  }

  @Test
  void aCommandPageShowsSyntaxPythonExampleArgumentsAndErrors() throws UsageError {
    List<String> lines = lines(help.page("shutdown"));
    assertEquals("shutdown NAME HOW", lines.get(0));
    assertTrue(lines.contains("  Python:   cli.shutdown(socket.SHUT_WR)"), lines::toString);
    assertTrue(lines.contains("  Example:  shutdown cli SHUT_WR"), lines::toString);
    assertTrue(lines.contains("    HOW  SHUT_RD, SHUT_WR, SHUT_RDWR"), lines::toString);
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.startsWith("    OSError [ENOTCONN]  the socket is not connected")),
        lines::toString);
  }

  @Test
  void topicsAndCommandsAreFoundInAnyCaseAndTyposGetASuggestion() throws UsageError {
    assertEquals(lines(help.page("addr")), lines(help.page("ADDR")));
    UsageError typo = assertThrows(UsageError.class, () -> help.page("lisen"));
    assertEquals("no command or topic called 'lisen'; did you mean listen?", typo.getMessage());
  }

  @Test
  void aConstantOrAnErrorNameGetsItsMeaningAndWhereItIsExplained() throws UsageError {
    List<String> option = lines(help.page("so_reuseaddr"));
    assertEquals(
        List.of(
            "SO_REUSEADDR",
            "  1: bind a port whose old connection is in TIME_WAIT.",
            "  OPTION of setsockopt, getsockopt: /help setsockopt",
            "  Every constant: /help constants"),
        option.subList(0, 4));
    // The tutorial's term: the constant's page goes on with why servers set it, and Windows.
    assertTrue(String.join(" ", option).contains("SO_EXCLUSIVEADDRUSE"), option::toString);
    assertEquals(option, lines(help.page("socket.SO_REUSEADDR")));
    assertEquals(
        List.of(
            "ECONNREFUSED",
            "  ConnectionRefusedError: Connection refused.",
            "  expect error ECONNREFUSED checks for it",
            "  Every error: /help errors"),
        lines(help.page("econnrefused")));
    assertEquals(
        List.of(
            "TimeoutError",
            "  The socket's timeout (settimeout) passed first (errno None); errno ETIMEDOUT",
            "  when the OS itself gave up on a peer that stopped answering.",
            "  expect error TimeoutError checks for it",
            "  Every error: /help errors"),
        lines(help.page("TimeoutError")),
        "a class too, its meaning as a sentence");
  }

  @Test
  void inEightyColumnsEveryLineFitsExceptWordsThatCannotBreak() throws UsageError {
    List<String> shown = new ArrayList<>(lines(help.overview()));
    for (CommandSpec<?> spec : table.all()) {
      shown.addAll(lines(help.page(spec.name())));
    }
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      shown.addAll(lines(help.page(topic.name())));
    }
    for (String line : shown) {
      // A synopsis, an example or a Python call is never broken, so it may be longer.
      boolean code = line.startsWith("  Python:") || !line.startsWith(" ");
      assertTrue(line.length() <= 80 || code, "wider than 80 columns: " + line);
    }
  }

  @Test
  void inANarrowWindowEveryLineFitsExceptCodeThatCannotBreak() throws UsageError {
    int width = 60;
    HelpPages narrow = new HelpPages(table, width);
    List<String> shown = new ArrayList<>(lines(narrow.overview()));
    List<String> code = new ArrayList<>();
    for (CommandSpec<?> spec : table.all()) {
      shown.addAll(lines(narrow.page(spec.name())));
      code.add(spec.synopsis());
      HelpPrograms.of(spec.name()).forEach(line -> code.add(line.strip()));
    }
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      shown.addAll(lines(narrow.page(topic.name())));
    }
    for (String line : shown) {
      String trimmed = line.strip();
      boolean isCode =
          code.contains(trimmed) || trimmed.startsWith("Python:") || trimmed.startsWith("Example:");
      assertTrue(line.length() <= width || isCode, "wider than " + width + " columns: " + line);
    }
  }

  @Test
  void aNarrowWindowPutsEachMeaningUnderItsName() throws UsageError {
    List<String> lines = lines(new HelpPages(table, 30).page("shutdown"));
    int how = lines.indexOf("    HOW");
    assertTrue(how > 0, lines::toString);
    assertEquals("        SHUT_RD, SHUT_WR,", lines.get(how + 1));
    assertEquals("        SHUT_RDWR", lines.get(how + 2));
  }

  @Test
  void optionsAreListedWithWhatEachDoes() throws UsageError {
    List<String> lines = lines(help.page("recv"));
    assertTrue(
        lines.contains("    --until DELIM  receive through the delimiter DELIM, e.g. \"\\n\""),
        lines::toString);
    assertTrue(
        lines(help.page("unlink"))
            .contains("    --missing-ok  no error if the file does not exist"));
  }

  @Test
  void selectSaysAClosedSocketIsAValueErrorNotEbadf() throws UsageError {
    String page = text(help.page("select"));
    assertTrue(page.contains("ValueError         a socket in the lists was closed"), page);
    assertFalse(page.contains("EBADF"), page);
  }

  private static List<String> lines(List<Styled> styled) {
    List<String> out = new ArrayList<>();
    styled.forEach(s -> out.add(s.text()));
    return out;
  }

  private static String text(List<Styled> styled) {
    return styled.stream().map(Styled::text).collect(Collectors.joining("\n"));
  }
}
