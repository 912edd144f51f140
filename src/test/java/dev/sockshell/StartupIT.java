package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sockshell.testing.Jar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up costs, checked by what it loads rather than by how long it takes. */
class StartupIT {
  @Test
  void aScriptRunsWithoutLoadingJLineATerminalOrACodec(@TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("one.socks"), "socket s\nclose s\n");
    Path log = dir.resolve("classes.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xlog:class+load=info:file=" + log,
                    "-jar",
                    Jar.path().toString(),
                    script.toString()))
            .directory(new File("."))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sockshell did not exit within 60 s");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("out.txt")));

    List<String> loaded = Files.readAllLines(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.sockshell.Main ")), "no class log");
    List<String> console =
        loaded.stream()
            .filter(l -> l.contains(" org.jline.") || l.contains(" dev.sockshell.console."))
            .toList();
    assertEquals(List.of(), console, "script mode must not load the console");
    List<String> codecs =
        loaded.stream().filter(l -> l.contains(" dev.sockshell.codecs.")).toList();
    assertEquals(List.of(), codecs, "a script that encodes no text loads no codec");
    List<String> tls =
        loaded.stream()
            .filter(
                l ->
                    l.contains(" dev.sockshell.net.Tls")
                        || l.contains(" dev.sockshell.net.StreamTls")
                        || l.contains(" javax.net.ssl.")
                        || l.contains(" org.bouncycastle."))
            .toList();
    assertEquals(List.of(), tls, "a script that uses no TLS loads none of it");
  }
}
