package dev.sockshell.commands;

import static dev.sockshell.lang.Param.Kind.PATH;

import dev.sockshell.i18n.Lang;
import dev.sockshell.i18n.Text;
import dev.sockshell.lang.Args;
import dev.sockshell.lang.Command;
import dev.sockshell.lang.Param;
import dev.sockshell.lang.UsageError;
import dev.sockshell.net.SocketError;
import dev.sockshell.render.HtmlPage;
import dev.sockshell.render.Ladder;
import dev.sockshell.render.LadderSvg;
import dev.sockshell.render.ScreenRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /export FILE}: the session written in the format FILE's extension names, one row of {@link
 * #FORMATS} each. A new format is a row: its extension, what it holds, and the method that writes
 * it.
 */
public final class ExportCommands {
  private ExportCommands() {}

  /** What a format writes, from the session, into the file at {@code path}. */
  @FunctionalInterface
  interface Writer {
    String write(Context ctx, Path path) throws UsageError;
  }

  /**
   * A format {@code /export} writes: files whose name ends with {@code extension}, holding what the
   * message {@code holdsKey} says.
   */
  record Format(String extension, String holdsKey, Writer writer) {
    /** What the file holds, in the session's language. */
    String holds() {
      return Text.get(holdsKey);
    }
  }

  static final List<Format> FORMATS =
      List.of(
          new Format(".html", "export.holds.html", (ctx, path) -> page(ctx.log(), titleOf(path))),
          new Format(".svg", "export.holds.svg", (ctx, path) -> svg(ctx.log())),
          new Format(
              ".py",
              "export.holds.py",
              (ctx, path) -> PythonExport.of(ctx, path.getFileName().toString()).text()));

  private static final Param FILE = Param.of("FILE", PATH);

  static List<CommandSpec<?>> specs() {
    return List.of(
        CommandSpec.command("/export", Group.SESSION, Command.Export.class)
            .params(FILE)
            .summary(
                "write the session to FILE, as its extension says: "
                    + FORMATS.stream()
                        // The spec's English: specs_zh.properties has its Chinese.
                        .map(f -> f.extension() + " " + Text.in(Lang.EN, f.holdsKey()))
                        .collect(Collectors.joining("; ")))
            .example("/export session.html")
            .errors(ErrorDocs.NO_DIRECTORY, ErrorDocs.NOT_WRITABLE)
            .binder(ExportCommands::bind)
            .runner(ExportCommands::export)
            .build());
  }

  /** The file's extension picks the format: one /export does not write is refused here. */
  private static Command.Export bind(Args a) throws UsageError {
    String path = a.path(FILE);
    if (formatOf(path).isEmpty()) {
      throw UsageError.about(
          path,
          Text.get(
              "usage.export.extension",
              FORMATS.stream()
                  .map(Format::extension)
                  .collect(Collectors.joining(Text.get("list.separator")))));
    }
    return new Command.Export(path);
  }

  private static Outcome export(Command.Export c, Context ctx) throws UsageError, SocketError {
    Format format = formatOf(c.path()).orElseThrow();
    Path path = Eval.file(ctx, c.path());
    String text = format.writer().write(ctx, path);
    try {
      Files.writeString(path, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Eval.fileError(e, path, c.path());
    }
    return new Outcome.Done(Text.get("export.wrote", c.path(), format.holds()));
  }

  /** The format a file's name asks for, or empty. */
  static Optional<Format> formatOf(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    return FORMATS.stream().filter(f -> lower.endsWith(f.extension())).findFirst();
  }

  /** True when {@code file} is a page: {@code --transcript FILE.html} writes one at the end. */
  public static boolean isPage(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
  }

  /** The page of the session so far: the transcript as it looked and the diagram, linked. */
  public static String page(CommandLog log, String title) {
    ScreenRecord.Snapshot screen = log.screen().snapshot();
    Ladder ladder = Ladder.of(log.trace().snapshot(), List.of());
    Set<Integer> steps = HtmlPage.steps(screen);
    String svg = ladder.rows().isEmpty() ? null : LadderSvg.draw(ladder, steps::contains);
    return HtmlPage.render(title, svg, HtmlPage.firstRows(ladder), screen);
  }

  private static String svg(CommandLog log) throws UsageError {
    Ladder ladder = Ladder.of(log.trace().snapshot(), List.of());
    if (ladder.rows().isEmpty()) {
      throw UsageError.general(Text.get("diagram.nothing"));
    }
    return LadderSvg.draw(ladder, step -> false);
  }

  /** {@code session.html} is titled "sockshell: session". */
  public static String titleOf(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return "sockshell: " + (dot > 0 ? name.substring(0, dot) : name);
  }
}
