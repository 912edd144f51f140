package dev.sockshell.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  private final HelpPages help = new HelpPages(table);

  @Test
  void theOverviewListsEveryCommandWithItsSummaryAndEveryTopic() {
    String overview = text(help.overview());
    for (CommandSpec<?> spec : table.all()) {
      assertTrue(overview.contains(spec.synopsis()), spec.name());
      assertTrue(overview.contains(spec.summary()), spec.name());
    }
    for (HelpTopics.Topic topic : HelpTopics.all()) {
      assertTrue(overview.contains("/help " + topic.name()), topic.name());
    }
  }

  @Test
  void everyConstantAnySpecAcceptsIsOnTheConstantsPageWithWhatItMeans() {
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
  void theErrorsPageListsEveryPythonClassAndErrnoSymbol() {
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
  void everyDocumentedErrorIsANameExpectErrorAcceptsAndShowsWithItsClass() {
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
  void aCommandPageShowsSyntaxPythonExampleArgumentsAndErrors() {
    List<String> lines = lines(help.page("shutdown"));
    assertEquals("shutdown NAME HOW", lines.get(0));
    assertTrue(lines.contains("  Python:   cli.shutdown(socket.SHUT_WR)"), lines::toString);
    assertTrue(lines.contains("  Example:  shutdown cli SHUT_WR"), lines::toString);
    assertTrue(lines.contains("    HOW  SHUT_RD, SHUT_WR, SHUT_RDWR"), lines::toString);
    assertTrue(
        lines.contains("    OSError [ENOTCONN]  the socket is not connected"), lines::toString);
  }

  @Test
  void topicsAndCommandsAreFoundInAnyCaseAndTyposGetASuggestion() {
    assertEquals(lines(help.page("addr")), lines(help.page("ADDR")));
    assertEquals(
        List.of("no command or topic called 'lisen'; did you mean listen?"),
        lines(help.page("lisen")));
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
