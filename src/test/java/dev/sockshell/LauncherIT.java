package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.Jar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/sockshell}: the same program as {@code java -jar}, started with the
 * class-data archive of the JDK that runs it when it can have one, and without it, quietly, when it
 * cannot. Each test has a copy of the jar and launcher of its own (an archive names the jar's path,
 * so the copy makes its own archive, as a moved checkout would).
 */
class LauncherIT {
  /** A script whose output is the same at every run (no port numbers). */
  private static final String SCRIPT =
      "socket s\nsocket u AF_INET SOCK_DGRAM\nsetsockopt s SO_REUSEADDR 1\n"
          + "getsockopt s SO_REUSEADDR\nexpect 1\nclose s\n";

  private static final Map<String, String> OFF = Map.of("SOCKSHELL_ARCHIVE", "off");

  @TempDir Path dir;
  private Path launcher;
  private Path script;

  @BeforeEach
  void copyTheLauncherAndJar() throws IOException {
    Path built = Jar.path().getParent().resolve("sockshell");
    assertTrue(Files.isExecutable(built), "mvn package writes " + built);
    launcher = Files.copy(built, dir.resolve("sockshell"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Jar.path(), dir.resolve("sockshell.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    script = Files.writeString(dir.resolve("one.socks"), SCRIPT);
  }

  /**
   * The first start makes the archive, the next loads sockshell from it. Another JDK than the one
   * running the tests (the machine's others under /usr/lib/jvm, or SOCKSHELL_OTHER_JDK) gets an
   * archive of its own, an AOT cache from JDK 24 on, and the first JDK keeps its.
   */
  @Test
  void eachJdkMakesItsArchiveOnceAndThenLoadsSockshellFromIt() throws Exception {
    Jar.Result first = launch(Map.of(), script.toString());
    assertEquals(expected(), first, "the launcher runs what java -jar runs");
    assertEquals(1, archives().size(), "one archive, for the JDK that ran: " + archives());

    Jar.Result second = launchLoggingClasses(Map.of(), script.toString());
    assertEquals(expected().out(), second.out());
    assertEquals(0, second.status());
    assertTrue(fromArchive("dev.sockshell.Main"), "Main comes from the archive");
    assertTrue(fromArchive("dev.sockshell.repl.Shell"), "the shell comes from the archive");

    Optional<Path> other = otherJdk();
    assumeTrue(other.isPresent(), "no second JDK (17 or later) on this machine");
    Map<String, String> env = Map.of("JAVA_HOME", other.get().toString());
    assertEquals(expected().out(), launch(env, script.toString()).out());
    assertEquals(2, archives().size(), "an archive for each JDK: " + archives());
    Jar.Result logged = launchLoggingClasses(env, script.toString());
    assertEquals(expected().out(), logged.out());
    assertTrue(fromArchive("dev.sockshell.Main"), "Main comes from the other JDK's archive");
    assertEquals(expected(), launch(Map.of(), script.toString()), "the first JDK's still works");
  }

  /**
   * An archive the launcher takes for this JDK's but the JVM refuses (here: not an archive at all;
   * in life, a JDK updated in place) costs nothing but the archive's speed.
   */
  @Test
  void anArchiveTheJvmCannotUseIsIgnoredQuietly() throws Exception {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    String version = releaseVersion(home).orElseThrow();
    Path archive =
        dir.resolve("sockshell.cds").resolve(version + (feature(version) >= 24 ? ".aot" : ".jsa"));
    Files.createDirectories(archive.getParent());
    Files.write(archive, new byte[4096]);
    Files.writeString(Path.of(archive + ".jdk"), home + " " + version + "\n");

    assertEquals(expected(), launch(Map.of(), script.toString()));
    Jar.Result logged = launchLoggingClasses(Map.of(), script.toString());
    assertEquals(expected().out(), logged.out());
    assertFalse(fromArchive("dev.sockshell.Main"), "Main is read from the jar");
  }

  @Test
  void withNowhereToWriteAnArchiveItRunsWithout() throws Exception {
    Files.writeString(dir.resolve("sockshell.cds"), "a file where the archives would go");
    assertEquals(expected(), launch(Map.of(), script.toString()));
  }

  @Test
  void offRunsWithoutAnArchiveAndMakesNone() throws Exception {
    assertEquals(expected(), launch(OFF, script.toString()));
    assertFalse(Files.exists(dir.resolve("sockshell.cds")));
  }

  @Test
  void exitStatusAndArgumentsPassThrough() throws Exception {
    Jar.Result usage = launch(OFF, "--frobnicate");
    assertEquals(2, usage.status());
    assertTrue(usage.err().startsWith("sockshell: unknown option '--frobnicate'\n"), usage.err());
    Path spaced = Files.writeString(dir.resolve("my script.socks"), "expect eof\n");
    Jar.Result failed = launch(OFF, spaced.toString());
    assertEquals(1, failed.status(), failed.out());
    assertTrue(failed.out().contains("my script.socks:1"), failed.out());
  }

  private Jar.Result expected() throws Exception {
    return Jar.run("", script.toString());
  }

  private Path classLog() {
    return dir.resolve("classes.log");
  }

  private Jar.Result launchLoggingClasses(Map<String, String> env, String... args)
      throws Exception {
    Map<String, String> logging = new java.util.HashMap<>(env);
    logging.put("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog());
    return launch(logging, args);
  }

  private boolean fromArchive(String className) throws IOException {
    String marker = " " + className + " source: ";
    return Files.readAllLines(classLog()).stream()
        .filter(line -> line.contains(marker))
        .anyMatch(line -> line.contains("shared objects file"));
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("sockshell.cds"))) {
      return files
          .filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
          .sorted()
          .toList();
    }
  }

  /** Runs the launcher copy, stdin empty; bounded, as a first start trains for a few seconds. */
  private Jar.Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("SOCKSHELL_ARCHIVE");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    // The JDK running the tests, whichever java is on the PATH.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = Jar.readAll(p.getInputStream());
    CompletableFuture<String> err = Jar.readAll(p.getErrorStream());
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not exit within 180 s");
    }
    String errors = err.join().replaceAll("(?m)^NOTE: Picked up JDK_JAVA_OPTIONS: .*\n", "");
    return new Jar.Result(p.exitValue(), out.join(), errors);
  }

  /** A JDK 17+ other than the one running the tests, by its release file's version. */
  private static Optional<Path> otherJdk() throws IOException {
    String configured = System.getenv("SOCKSHELL_OTHER_JDK");
    if (configured != null && !configured.isEmpty()) {
      return Optional.of(Path.of(configured));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    String ours = Runtime.version().toString();
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> !Files.isSymbolicLink(home))
          .filter(home -> releaseVersion(home).filter(v -> !v.equals(ours)).isPresent())
          .filter(home -> releaseVersion(home).map(LauncherIT::feature).orElse(0) >= 17)
          .findFirst();
    }
  }

  private static Optional<String> releaseVersion(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .filter(line -> line.startsWith("JAVA_RUNTIME_VERSION="))
          .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int feature(String version) {
    return Runtime.Version.parse(version).feature();
  }
}
