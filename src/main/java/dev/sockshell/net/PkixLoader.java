package dev.sockshell.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * Finds BouncyCastle on the first {@code tls --self-signed} or older PEM key. The packaged jar does
 * not hold it: its 8,000 entries made every start read a zip directory nine times the size of
 * sockshell's, and a jar named by the manifest's {@code Class-Path} is opened at the first service
 * lookup anyway (the JDK's {@code SelectorProvider}, at the first socket). So {@code mvn package}
 * copies the BouncyCastle jars to {@code lib/} beside {@code sockshell.jar}, and this class loads
 * {@link BouncyCastlePkix} in a class loader over them. Where BouncyCastle is on the class path
 * already (the tests, an IDE), it is used from there.
 */
final class PkixLoader {

  private static final String IMPLEMENTATION = "dev.sockshell.net.BouncyCastlePkix";
  private static final String PROBE = "org/bouncycastle/cert/X509v3CertificateBuilder.class";
  private static final List<String> JARS =
      List.of("bcpkix-jdk18on.jar", "bcutil-jdk18on.jar", "bcprov-jdk18on.jar");

  private static Pkix pkix;

  private PkixLoader() {}

  /** The BouncyCastle {@link Pkix}, loaded on the first call. */
  static synchronized Pkix pkix() throws GeneralSecurityException {
    if (pkix == null) {
      pkix = load();
    }
    return pkix;
  }

  private static Pkix load() throws GeneralSecurityException {
    ClassLoader own = PkixLoader.class.getClassLoader();
    ClassLoader loader = own.getResource(PROBE) != null ? own : new BesideTheJar(jars(), own);
    try {
      return (Pkix) Class.forName(IMPLEMENTATION, true, loader).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new GeneralSecurityException("BouncyCastle did not load: " + e, e);
    }
  }

  /** The BouncyCastle jars in {@code lib/} beside the jar this class came from. */
  private static URL[] jars() throws GeneralSecurityException {
    Path lib;
    try {
      lib =
          Path.of(PkixLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolveSibling("lib");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new GeneralSecurityException("cannot tell where sockshell.jar is: " + e, e);
    }
    URL[] urls = new URL[JARS.size()];
    for (int i = 0; i < urls.length; i++) {
      Path jar = lib.resolve(JARS.get(i));
      if (!Files.isRegularFile(jar)) {
        throw new GeneralSecurityException(
            "BouncyCastle is missing: no "
                + jar
                + " (mvn package puts it beside sockshell.jar; keep lib/ with the jar)");
      }
      try {
        urls[i] = jar.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new GeneralSecurityException(e);
      }
    }
    return urls;
  }

  /**
   * BouncyCastle's jars, and {@link BouncyCastlePkix} defined here from the parent's bytes so that
   * its references to BouncyCastle resolve in this loader; everything else is the parent's.
   */
  private static final class BesideTheJar extends URLClassLoader {

    BesideTheJar(URL[] jars, ClassLoader parent) {
      super(jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(IMPLEMENTATION)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
