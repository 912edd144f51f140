package dev.sockshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockshell.testing.ExternalProgram;
import dev.sockshell.testing.Jar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar leaves BouncyCastle out (every start would read its 8,000 entries) and loads it
 * from {@code lib/} beside it when tls needs it: a class missing there shows only in the jar as a
 * user runs it, never in the tests, which have BouncyCastle on their class path.
 */
class BouncyCastleBesideTheJarIT {

  @Test
  void theJarHoldsNoBouncyCastleAndNamesNoneInItsManifest() throws Exception {
    try (JarFile jar = new JarFile(Jar.path().toFile())) {
      List<String> bc =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.startsWith("org/bouncycastle/"))
              .toList();
      assertEquals(List.of(), bc);
      assertEquals(null, jar.getManifest().getMainAttributes().getValue("Class-Path"));
    }
  }

  @Test
  void aSelfSignedServerGetsItsCertificate() throws Exception {
    Jar.Result r =
        Jar.run(
            "socket srv\nbind srv 127.0.0.1:0\nlisten srv\n" + "tls srv --server --self-signed\n");
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("", r.err());
    assertTrue(
        r.out().contains("srv wraps every connection it accepts in TLS: self-signed certificate"),
        r.out());
  }

  @Test
  void anOlderPemKeyIsRead(@TempDir Path dir) throws Exception {
    assumeTrue(
        ExternalProgram.available("openssl", "version"),
        "skipped: openssl is not installed (.ci/run installs it)");
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());
    openssl(
        "req",
        "-new",
        "-x509",
        "-key",
        key.toString(),
        "-subj",
        "/CN=localhost",
        "-days",
        "1",
        "-out",
        cert.toString());
    assertTrue(
        Files.readString(key).startsWith("-----BEGIN EC PRIVATE KEY-----"),
        "openssl wrote a SEC1 key, which only BouncyCastle reads here");
    Jar.Result r =
        Jar.run(
            "socket srv\nbind srv 127.0.0.1:0\nlisten srv\n"
                + "tls srv --server --cert "
                + cert
                + " --key "
                + key
                + "\n");
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("srv wraps every connection it accepts in TLS"), r.out());
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
